/**
 * The test kit as its users meet it: app functions (apps.ts) tested through
 * each package's `createMock()`, for all four providers. Each provider has a
 * passing test with a typed reply, one answered from the spec alone, and one
 * where the app sends what the API would refuse, which must fail with a
 * message naming the operation, the JSON pointer and what was expected.
 */
import { describe, expect, it } from "vitest";
import { createLatitudeshClient } from "@apigen/latitudesh";
import { createMock as mockLatitudesh, ValidationError } from "@apigen/latitudesh/testing";
import { createOpenzitiEdgeClient } from "@apigen/openziti-edge-client";
import { createMock as mockEdgeClient } from "@apigen/openziti-edge-client/testing";
import { createOpenzitiEdgeManagementClient, type components } from "@apigen/openziti-edge-management";
import { createMock as mockManagement } from "@apigen/openziti-edge-management/testing";
import { createPingoneManagementClient } from "@apigen/pingone-management";
import { createMock as mockPingone } from "@apigen/pingone-management/testing";
type ManagementSchemas = components["schemas"];
import { dial, firstApiSessions, openVpn, sessionsAt, signOut } from "./apps.ts";

/** Caught rejection of a call, for looking at more than its message. */
async function failure(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error("expected the call to fail");
  return error as ValidationError;
}

describe("latitudesh", () => {
  const setup = () => {
    const mock = mockLatitudesh();
    return { mock, api: createLatitudeshClient({ fetch: mock.fetch, auth: { Bearer: "token-1" } }) };
  };

  it("openVpn returns the credentials the API answers, and sent what the spec asks", async () => {
    const { mock, api } = setup();
    mock.vpnSessions.postVpnSession.reply(201, {
      data: { id: "vpn_1", type: "vpn_sessions", attributes: { user_name: "alice", password: "s3cret", port: "8443" } },
    });
    expect(await openVpn(api, { site: "SAO" })).toEqual({ user: "alice", password: "s3cret" });
    const [call] = mock.vpnSessions.postVpnSession.calls;
    expect(call?.body).toEqual({ data: { type: "vpn_sessions", attributes: { site: "SAO" } } });
    expect(call?.attempt).toBe(1);
    expect(call?.status).toBe(201);
    expect(call?.headers.get("authorization")).toBe("token-1");
  });

  it("openVpn with a site a form typed as a number fails with a readable message", async () => {
    const { mock, api } = setup();
    const form = JSON.parse('{ "site": 42 }') as { site: string };
    const error = await failure(openVpn(api, form));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(
      "post-vpn-session: request does not match the spec: /body/data/attributes/site must match one of the schemas in anyOf (first one: must be string), got 42",
    );
    expect(error.pointer).toBe("/body/data/attributes/site");
    // The API was not answered for it: nothing to clean up, and the call is on record.
    expect(mock.calls.map((c) => [c.operationId, c.status])).toEqual([["post-vpn-session", undefined]]);
  });

  it("sessionsAt is answered from the spec's example without a handler; the literal query name arrives", async () => {
    const { mock, api } = setup();
    expect(await sessionsAt(api, "SAO")).toBe(1);
    expect(mock.vpnSessions.getVpnSessions.calls[0]?.query).toEqual({ "filter[location]": "SAO" });
  });

  it("a client without credentials is refused, naming the scheme the operation needs", async () => {
    const mock = mockLatitudesh();
    const api = createLatitudeshClient({ fetch: mock.fetch });
    await expect(sessionsAt(api, "SAO")).rejects.toThrow(
      'get-vpn-sessions: request does not match the spec: /header/authorization needs credentials: Bearer (header "Authorization")',
    );
  });
});

describe("openziti-edge-client", () => {
  const setup = () => {
    const mock = mockEdgeClient();
    return {
      mock,
      api: createOpenzitiEdgeClient({ fetch: mock.fetch, auth: { ztSession: "zt-1" }, retry: { baseDelayMs: 1 } }),
    };
  };

  it("dial returns the token of the created session", async () => {
    const { mock, api } = setup();
    mock.session.createSession.reply((request) => ({
      status: 201,
      body: { data: { ...sessionDetail, serviceId: request.body?.serviceId ?? "", token: "tok-9" }, meta: {} },
    }));
    expect(await dial(api, { serviceId: "svc-1", mode: "Dial" })).toBe("tok-9");
    expect(mock.session.createSession.calls[0]?.headers.get("zt-session")).toBe("zt-1");
  });

  it("dial with a mode spelt wrong in the config fails with a readable message", async () => {
    const { api } = setup();
    await expect(dial(api, { serviceId: "svc-1", mode: "dial" })).rejects.toThrow(
      'createSession: request does not match the spec: /body/type must be one of "Dial", "Bind", "Invalid", got "dial"',
    );
  });

  it("records the client's retry of a 503 as attempt 2", async () => {
    const { mock, api } = setup();
    let answered = 0;
    mock.session.listSessions.reply(() =>
      ++answered === 1
        ? { status: 503, body: { error: { code: "UNAVAILABLE", message: "busy" }, meta: {} } }
        : { status: 200, body: { data: [], meta: {} } },
    );
    expect(await api.session.listSessions()).toEqual({ data: [], meta: {} });
    expect(mock.session.listSessions.calls.map((c) => [c.attempt, c.status])).toEqual([
      [1, 503],
      [2, 200],
    ]);
  });
});

describe("openziti-edge-management", () => {
  const setup = () => {
    const mock = mockManagement();
    return { mock, api: createOpenzitiEdgeManagementClient({ fetch: mock.fetch, auth: { ztSession: "zt-1" } }) };
  };

  it("firstApiSessions lists the ids of the page the API answers", async () => {
    const { mock, api } = setup();
    mock.apiSession.listAPISessions.reply(200, {
      data: [{ ...apiSession, id: "as-1" }],
      meta: { pagination: { limit: 10, offset: 0, totalCount: 1 } },
    });
    expect(await firstApiSessions(api, 10)).toEqual(["as-1"]);
    expect(mock.apiSession.listAPISessions.calls[0]?.query).toEqual({ limit: 10 });
  });

  it("firstApiSessions with a page size of 2.5 fails with a readable message", async () => {
    const { api } = setup();
    await expect(firstApiSessions(api, 2.5)).rejects.toThrow(
      "listAPISessions: request does not match the spec: /query/limit must be integer, got 2.5",
    );
  });

  it("a handler answering what the spec does not declare fails the call too", async () => {
    const { mock, api } = setup();
    mock.apiSession.listAPISessions.reply(200, JSON.parse('{ "data": "none", "meta": {} }') as never);
    await expect(firstApiSessions(api, 10)).rejects.toThrow(
      'listAPISessions: response (HTTP 200) does not match the spec: /data must be array, got "none"',
    );
  });
});

describe("pingone-management", () => {
  const setup = () => {
    const mock = mockPingone();
    return { mock, api: createPingoneManagementClient({ fetch: mock.fetch, auth: { bearer: "p1-token" } }) };
  };
  const ids = { environment: "env-1", user: "user-1", session: "sess-1" };

  it("signOut ends the session, answered from the spec (204) without a handler", async () => {
    const { mock, api } = setup();
    await signOut(api, ids, "req-1");
    const [call] = mock.sessions.deleteUserSession.calls;
    expect(call?.path).toEqual({ environmentID: "env-1", userID: "user-1", sessionID: "sess-1" });
    expect(call?.header).toEqual({ "x-ping-external-session-id": "req-1" });
    expect(call?.status).toBe(204);
  });

  it("signOut with a correlation id longer than the API accepts fails with a readable message", async () => {
    const { api } = setup();
    await expect(signOut(api, ids, "x".repeat(101))).rejects.toThrow(
      "deleteUserSession: request does not match the spec: /header/x-ping-external-session-id must NOT have more than 100 characters",
    );
  });

  it("a handler's typed reply reaches the app; reset forgets it", async () => {
    const { mock, api } = setup();
    mock.sessions.listUserSessions.reply(200, { _embedded: { sessions: [] }, count: 0, size: 0 });
    const path = { environmentID: "env-1", userID: "user-1" };
    expect(await api.sessions.listUserSessions({ params: { path } })).toEqual({
      _embedded: { sessions: [] },
      count: 0,
      size: 0,
    });
    mock.reset();
    expect(mock.calls).toEqual([]);
    expect(await api.sessions.listUserSessions({ params: { path } })).not.toEqual({
      _embedded: { sessions: [] },
      count: 0,
      size: 0,
    });
  });
});

const sessionDetail = {
  id: "s-1",
  createdAt: "2024-01-01T00:00:00Z",
  updatedAt: "2024-01-01T00:00:00Z",
  _links: {},
  tags: {},
  type: "Dial" as const,
  token: "",
  apiSessionId: "as-1",
  apiSession: { id: "as-1", _links: {} },
  serviceId: "",
  service: { id: "svc-1", name: "svc", _links: {} },
  edgeRouters: [],
  identityId: "id-1",
};

const apiSession: ManagementSchemas["apiSessionDetail"] = {
  id: "as-0",
  createdAt: "2024-01-01T00:00:00Z",
  updatedAt: "2024-01-01T00:00:00Z",
  _links: {},
  tags: {},
  token: "t",
  identity: { id: "id-1", _links: {} },
  identityId: "id-1",
  ipAddress: "127.0.0.1",
  configTypes: [],
  authQueries: [],
  isMfaRequired: false,
  isMfaComplete: false,
  authenticatorId: "auth-1",
  isCertExtendable: false,
};
