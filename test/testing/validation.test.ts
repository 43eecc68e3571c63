/**
 * What the mock refuses, one row per kind of mismatch: each row is a call a
 * user could make, and the exact message it must fail with (operation, JSON
 * pointer, what was expected). Then the client's own opt-in `validate`
 * option, against a real node:http server answering what the spec forbids.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createLatitudeshClient, type ValidationMode } from "@apigen/latitudesh";
import { createLatitudeshRawClient } from "@apigen/latitudesh/raw";
import { createMock as mockLatitudesh } from "@apigen/latitudesh/testing";
import { ValidationError, validators } from "@apigen/latitudesh/validate";
import { createOpenzitiEdgeClient } from "@apigen/openziti-edge-client";
import { createOpenzitiEdgeRawClient } from "@apigen/openziti-edge-client/raw";
import { createMock as mockEdgeClient } from "@apigen/openziti-edge-client/testing";
import { createOpenzitiEdgeManagementClient } from "@apigen/openziti-edge-management";
import { createMock as mockManagement } from "@apigen/openziti-edge-management/testing";
import { createPingoneManagementClient } from "@apigen/pingone-management";
import { createMock as mockPingone } from "@apigen/pingone-management/testing";
import { json, startServer, type TestServer } from "../runtime/server.ts";

const latitudesh = () => {
  const mock = mockLatitudesh();
  return {
    mock,
    api: createLatitudeshClient({ fetch: mock.fetch, auth: { Bearer: "t" } }),
    raw: createLatitudeshRawClient({ fetch: mock.fetch }),
  };
};
const edge = () => {
  const mock = mockEdgeClient();
  return {
    mock,
    api: createOpenzitiEdgeClient({ fetch: mock.fetch, auth: { ztSession: "z" }, retry: false }),
    raw: createOpenzitiEdgeRawClient({ fetch: mock.fetch }),
  };
};
const management = () => {
  const mock = mockManagement();
  return { mock, api: createOpenzitiEdgeManagementClient({ fetch: mock.fetch, auth: { ztSession: "z" } }) };
};
const pingone = () => {
  const mock = mockPingone();
  return { mock, api: createPingoneManagementClient({ fetch: mock.fetch, auth: { bearer: "b" } }) };
};
/** A value that came from outside the type system (parsed JSON, a form). */
const untyped = (value: unknown): never => value as never;

const ROWS: { what: string; call: () => Promise<unknown>; message: string }[] = [
  {
    what: "query: an integer parameter given text",
    call: () => management().api.apiSession.listAPISessions({ params: { query: { limit: untyped("ten") } } }),
    message: 'listAPISessions: request does not match the spec: /query/limit must be integer, got "ten"',
  },
  {
    what: "query: an integer parameter given a fraction",
    call: () => management().api.apiSession.listAPISessions({ params: { query: { offset: 1.5 } } }),
    message: "listAPISessions: request does not match the spec: /query/offset must be integer, got 1.5",
  },
  {
    what: "header: a parameter longer than its maxLength",
    call: () =>
      pingone().api.sessions.readUserSession({
        params: {
          path: { environmentID: "e", userID: "u", sessionID: "s" },
          header: { "X-Ping-External-Transaction-ID": "t".repeat(101) },
        },
      }),
    message:
      "readUserSession: request does not match the spec: /header/x-ping-external-transaction-id must NOT have more than 100 characters",
  },
  {
    what: "auth: no credential for the operation's schemes",
    call: () => {
      const mock = mockEdgeClient();
      return createOpenzitiEdgeClient({ fetch: mock.fetch, retry: false }).session.detailSession({
        params: { path: { id: "s1" } },
      });
    },
    message:
      'detailSession: request does not match the spec: /header/authorization needs credentials: ztSession (header "zt-session") or oauth2 (Authorization: Bearer ...)',
  },
  {
    what: "body: a required field missing",
    call: () => {
      const { mock, raw } = latitudesh();
      mock.vpnSessions.postVpnSession.reply(201, {});
      return raw.POST("/vpn_sessions", { body: untyped({ data: [] }), headers: { authorization: "t" } });
    },
    message: "post-vpn-session: request does not match the spec: /body/data must be object, got []",
  },
  {
    what: "body: an enum value spelt wrong",
    call: () => edge().api.session.createSession({ body: { type: untyped("bind") } }),
    message:
      'createSession: request does not match the spec: /body/type must be one of "Dial", "Bind", "Invalid", got "bind"',
  },
  {
    what: "content type: one the operation does not accept",
    call: () =>
      edge().api.session.createSession({ body: { type: "Bind" } }, { headers: { "content-type": "text/plain" } }),
    message:
      'createSession: request does not match the spec: /header/content-type must be one of "application/json", got "text/plain"',
  },
  {
    what: "body: sent to an operation that declares none",
    call: () =>
      edge().raw.DELETE("/sessions/{id}", {
        params: { path: { id: "s1" } },
        body: untyped({ force: true }),
        headers: { "zt-session": "z" },
      }),
    message:
      "deleteSession: request does not match the spec: /body is not expected: the operation declares no request body",
  },
  {
    what: "path: no operation of the spec",
    call: () => latitudesh().raw.GET(untyped("/vpn_sessions/abc/extra")),
    message:
      "(unknown operation): request does not match the spec: GET /vpn_sessions/abc/extra is no operation of the spec",
  },
  {
    what: "method: the path exists, the method does not",
    call: () => latitudesh().raw.PUT(untyped("/vpn_sessions/abc")),
    message:
      "(unknown operation): request does not match the spec: PUT /vpn_sessions/abc is no operation of the spec (the spec has DELETE for this path)",
  },
  {
    what: "reply: a status the operation does not declare",
    call: () => {
      const { mock, api } = latitudesh();
      mock.vpnSessions.getVpnSessions.reply(untyped(404), untyped({}));
      return api.vpnSessions.getVpnSessions();
    },
    message:
      "get-vpn-sessions: response (HTTP 404) does not match the spec: HTTP 404 is not a status the operation declares (200)",
  },
  {
    what: "reply: a body its schema does not allow",
    call: () => {
      const { mock, api } = edge();
      mock.session.detailSession.reply(() => ({ status: 404, body: untyped({ error: "gone", meta: {} }) }));
      return api.session.detailSession({ params: { path: { id: "s1" } } });
    },
    message: 'detailSession: response (HTTP 404) does not match the spec: /error must be object, got "gone"',
  },
  {
    what: "reply: a wrong secret field is named, its value never shown",
    call: () => {
      const { mock, api } = latitudesh();
      mock.vpnSessions.postVpnSession.reply(() => ({
        status: 201,
        body: untyped({ data: { attributes: { password: 123456 } } }),
      }));
      return api.vpnSessions.postVpnSession({ body: { data: { type: "vpn_sessions" } } });
    },
    message: "post-vpn-session: response (HTTP 201) does not match the spec: /data/attributes/password must be string",
  },
];

describe("the mock refuses what the API would", () => {
  it.each(ROWS)("$what", async ({ call, message }) => {
    const error = await call().then(
      (result) => new Error(`expected a ValidationError, got ${JSON.stringify(result)}`),
      (e: unknown) => e,
    );
    // Each package has its own ValidationError class (as it has its own ApiError): compare by name.
    expect(error).toMatchObject({ name: "ValidationError", kind: "validation" });
    expect((error as Error).message).toBe(message);
  });
});

describe("validate option of the client (real HTTP)", () => {
  let server: TestServer;
  beforeAll(async () => {
    // Answers a session list whose `data` is a string: not what the spec declares.
    server = await startServer((req, res) =>
      json(res, 200, req.path === "/vpn_sessions" ? { data: "none" } : {}, {
        "content-type": "application/vnd.api+json",
      }),
    );
  });
  afterAll(() => server.close());
  const client = (request: ValidationMode, response: ValidationMode) =>
    createLatitudeshClient({ baseUrl: server.url, auth: { Bearer: "t" }, validate: { request, response, validators } });

  it('response: "throw" raises a ValidationError naming the operation, pointer and status', async () => {
    const error = await client("off", "throw")
      .vpnSessions.getVpnSessions()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      operationId: "get-vpn-sessions",
      direction: "response",
      pointer: "/data",
      status: 200,
      expected: 'must be array, got "none"',
    });
  });

  it('response: "warn" returns the body and warns through console.warn', async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      expect(await client("off", "warn").vpnSessions.getVpnSessions()).toEqual({ data: "none" });
      expect(warn).toHaveBeenCalledWith(
        'get-vpn-sessions: response (HTTP 200) does not match the spec: /data must be array, got "none"',
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('"off" (and no validate option at all) returns the body unchecked', async () => {
    expect(await client("off", "off").vpnSessions.getVpnSessions()).toEqual({ data: "none" });
    expect(
      await createLatitudeshClient({ baseUrl: server.url, auth: { Bearer: "t" } }).vpnSessions.getVpnSessions(),
    ).toEqual({ data: "none" });
  });

  it('request: "throw" stops a wrong request before it is sent', async () => {
    const before = server.requests.length;
    const call = client("throw", "off").vpnSessions.postVpnSession({ body: { data: { type: untyped("sessions") } } });
    await expect(call).rejects.toThrow(
      'post-vpn-session: request does not match the spec: /body/data/type must be one of "vpn_sessions", got "sessions"',
    );
    expect(server.requests.length).toBe(before);
  });

  it('request: "throw" checks a literal query name such as filter[location] by its schema', async () => {
    const call = client("throw", "off").vpnSessions.getVpnSessions({
      params: { query: { "filter[location]": untyped(7) } },
    });
    await expect(call).rejects.toThrow(
      "get-vpn-sessions: request does not match the spec: /query/filter[location] must match one of the schemas in anyOf (first one: must be string), got 7",
    );
  });

  it("asks for the validators when a mode is on without them", () => {
    expect(() => createLatitudeshClient({ validate: untyped({ response: "throw" }) })).toThrow(
      'validate: pass the package\'s validators, e.g. import { validators } from "@apigen/<provider>/validate"',
    );
  });
});
