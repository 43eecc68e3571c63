/**
 * Type-level promises of opt-in validation: the "./validate" entry's factory
 * takes `validate: { request, response }` as the issue promises and returns
 * the same client; the main entry's factory, which has no validators, refuses
 * the modes alone at compile time (it needs `validators` from "./validate").
 */
import { describe, expectTypeOf, it } from "vitest";
import { createLatitudeshClient, type LatitudeshClient, type ValidationMode } from "@apigen/latitudesh";
import {
  createLatitudeshClient as createValidatingClient,
  validators,
  type LatitudeshClientValidatingOptions,
} from "@apigen/latitudesh/validate";
import { createPingoneManagementClient as createPingone } from "@apigen/pingone-management/validate";
import { createOpenzitiEdgeClient as createEdge } from "@apigen/openziti-edge-client/validate";
import { createOpenzitiEdgeManagementClient as createManagement } from "@apigen/openziti-edge-management/validate";

describe("the ./validate entry's factory", () => {
  it("takes the modes alone and returns the same client as the main entry", () => {
    const api = createValidatingClient({ validate: { request: "throw", response: "warn" } });
    expectTypeOf(api).toEqualTypeOf<LatitudeshClient>();
    expectTypeOf(createEdge({ validate: { response: "off" } })).toHaveProperty("session");
    expectTypeOf(createManagement({ validate: { request: "warn" } })).toHaveProperty("apiSession");
    expectTypeOf(createPingone({ validate: { request: "throw", response: "throw" } })).toHaveProperty("sessions");
  });

  it("types each mode as throw, warn or off", () => {
    expectTypeOf<
      NonNullable<NonNullable<LatitudeshClientValidatingOptions["validate"]>["request"]>
    >().toEqualTypeOf<ValidationMode>();
    // @ts-expect-error "log" is not a mode
    createValidatingClient({ validate: { response: "log" } });
  });

  it("keeps every other option of the main entry", () => {
    createValidatingClient({ baseUrl: "http://127.0.0.1:1", auth: { Bearer: "t" }, retry: false, logLevel: "warn" });
    // @ts-expect-error not a security scheme of latitudesh
    createValidatingClient({ auth: { ztSession: "z" } });
  });
});

describe("the main entry's factory", () => {
  it("refuses the modes without the compiled validators", () => {
    // @ts-expect-error `validators` is missing: import the factory from "@apigen/latitudesh/validate" instead
    createLatitudeshClient({ validate: { request: "throw", response: "warn" } });
  });

  it("accepts them with the validators of the ./validate entry", () => {
    expectTypeOf(
      createLatitudeshClient({ validate: { request: "throw", validators } }),
    ).toEqualTypeOf<LatitudeshClient>();
  });
});
