// @ts-nocheck -- plain JavaScript on purpose, as a user without TypeScript writes it; the TS tests cover the types.
// The test kit under jest (run by test/testing/runners.test.ts as `npx jest` with ESM enabled):
// jest's globals, plain JavaScript.
import { expect, test } from "@jest/globals";
import { createOpenzitiEdgeClient } from "@apigen/openziti-edge-client";
import { createMock } from "@apigen/openziti-edge-client/testing";

/** The app function under test: dials a service with the mode read from a config file. */
async function dial(api, config) {
  const created = await api.session.createSession({ body: { serviceId: config.serviceId, type: config.mode } });
  return created.data.token;
}

test("dial answers from the spec's example when no reply is set", async () => {
  const mock = createMock();
  const api = createOpenzitiEdgeClient({ fetch: mock.fetch, auth: { ztSession: "z" } });
  expect(typeof (await dial(api, { serviceId: "svc-1", mode: "Dial" }))).toBe("string");
  expect(mock.calls.map((c) => [c.operationId, c.attempt, c.status])).toEqual([["createSession", 1, 201]]);
});

test("dial with a mode spelt wrong fails with a readable message", async () => {
  const mock = createMock();
  const api = createOpenzitiEdgeClient({ fetch: mock.fetch, auth: { ztSession: "z" } });
  await expect(dial(api, { serviceId: "svc-1", mode: "dial" })).rejects.toThrow(
    'createSession: request does not match the spec: /body/type must be one of "Dial", "Bind", "Invalid", got "dial"',
  );
});
