/**
 * Changelog names are the client's names: both come from generator/ir/client-names.ts. Two
 * operations whose ids normalise alike get `getAB` and `getAB2`, under a tag named "raw" that the
 * client calls `raw2` (its own `raw` property is taken); the changes must say the same.
 */
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../generator/changes/diff.ts";
import { buildIR } from "../../generator/ir/build.ts";
import type { BundledSpec } from "../../generator/validate/validate.ts";

const ok = { "200": { description: "OK" } };
const base = () => ({
  openapi: "3.1.0",
  info: { title: "Names", version: "1.0.0" },
  paths: {} as Record<string, unknown>,
});

describe("method names in changes", () => {
  it("equal the client's names when two operation ids normalise to the same method name", () => {
    const after = base();
    after.paths["/a/b"] = { get: { operationId: "getAB", tags: ["raw"], responses: ok } };
    after.paths["/a-b"] = { get: { operationId: "get-a-b", tags: ["raw"], responses: ok } };
    const ir = buildIR({ document: after, file: "names.yaml" } as unknown as BundledSpec, "names");
    const clientMethods = ir.operations
      .map((o) => `api.${ir.tags.find((t) => t.name === o.tag)!.propertyName}.${o.methodName}`)
      .sort();
    expect(clientMethods).toEqual(["api.raw2.getAB", "api.raw2.getAB2"]);

    const changes = diffSpecs(base(), after);
    expect(changes.map((c) => c.method).sort()).toEqual(clientMethods);
    expect(changes.map((c) => c.message).join("\n")).toContain("api.raw2.getAB2");
    // The other way round, the removed methods carry the names the old client had.
    expect(
      diffSpecs(after, base())
        .map((c) => c.method)
        .sort(),
    ).toEqual(clientMethods);
  });

  it("name the request beside the method", () => {
    const after = base();
    after.paths["/vpn-sessions"] = { get: { tags: ["VPN Sessions"], responses: ok } };
    const [change] = diffSpecs(base(), after);
    expect(change).toMatchObject({
      kind: "operation-added",
      request: "GET /vpn-sessions",
      method: "api.vpnSessions.getVpnSessions",
    });
  });
});
