// @ts-nocheck -- plain JavaScript on purpose, as a user without TypeScript writes it; the TS tests cover the types.
// The test kit under node:test (run by test/testing/runners.test.ts as `node --test`): plain
// JavaScript, as a user without a TypeScript toolchain writes it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createLatitudeshClient } from "@apigen/latitudesh";
import { createMock } from "@apigen/latitudesh/testing";

/** The app function under test: opens a VPN session at a site chosen in a form. */
async function openVpn(api, form) {
  const created = await api.vpnSessions.postVpnSession({
    body: { data: { type: "vpn_sessions", attributes: { site: form.site } } },
  });
  return created.data.attributes.user_name;
}

test("openVpn returns the user name the API answers", async () => {
  const mock = createMock();
  mock.vpnSessions.postVpnSession.reply(201, {
    data: { id: "vpn_1", type: "vpn_sessions", attributes: { user_name: "alice" } },
  });
  const api = createLatitudeshClient({ fetch: mock.fetch, auth: { Bearer: "t" } });
  assert.equal(await openVpn(api, { site: "SAO" }), "alice");
  assert.deepEqual(mock.vpnSessions.postVpnSession.calls[0].body, {
    data: { type: "vpn_sessions", attributes: { site: "SAO" } },
  });
});

test("openVpn with a numeric site fails with a readable message", async () => {
  const mock = createMock();
  const api = createLatitudeshClient({ fetch: mock.fetch, auth: { Bearer: "t" } });
  await assert.rejects(openVpn(api, { site: 42 }), {
    name: "ValidationError",
    message:
      "post-vpn-session: request does not match the spec: /body/data/attributes/site must match one of the schemas in anyOf (first one: must be string), got 42",
  });
});
