/**
 * What the mock refuses, one row per kind of mismatch: each row is a call a
 * user could make, and the exact message it must fail with (operation, JSON
 * pointer, what was expected). Then the client's own opt-in `validate`
 * option (the "./validate" entry's factory), against a real node:http server
 * answering what the spec forbids.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createLatitudeshClient, type ValidationMode } from "@apigen/latitudesh";
import { createLatitudeshRawClient } from "@apigen/latitudesh/raw";
import { createMock as mockLatitudesh } from "@apigen/latitudesh/testing";
import {
  createLatitudeshClient as createValidatingClient,
  ValidationError,
  validators,
} from "@apigen/latitudesh/validate";
import { createOpenzitiEdgeClient } from "@apigen/openziti-edge-client";
import { createOpenzitiEdgeClient as validatingEdgeClient } from "@apigen/openziti-edge-client/validate";
import { createOpenzitiEdgeManagementClient as validatingManagement } from "@apigen/openziti-edge-management/validate";
import { createPingoneManagementClient as validatingPingone } from "@apigen/pingone-management/validate";
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
    createValidatingClient({ baseUrl: server.url, auth: { Bearer: "t" }, validate: { request, response } });
  /** A logger that keeps what it is given. */
  const recorder = () => {
    const lines: { level: string; message: string; record: unknown }[] = [];
    const at = (level: string) => (message: string, record?: unknown) => lines.push({ level, message, record });
    return { lines, logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") } };
  };

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

  it('response: "warn" returns the body and warns through the client\'s logger, with the error as record', async () => {
    const { lines, logger } = recorder();
    const api = createValidatingClient({
      baseUrl: server.url,
      auth: { Bearer: "t" },
      logger,
      logLevel: "warn",
      validate: { response: "warn" },
    });
    expect(await api.vpnSessions.getVpnSessions()).toEqual({ data: "none" });
    expect(lines).toEqual([
      {
        level: "warn",
        message: 'get-vpn-sessions: response (HTTP 200) does not match the spec: /data must be array, got "none"',
        record: expect.objectContaining({ operationId: "get-vpn-sessions", pointer: "/data", status: 200 }),
      },
    ]);
  });

  it('request: "warn" warns through the logger and still sends the request', async () => {
    const { lines, logger } = recorder();
    const api = createValidatingClient({
      baseUrl: server.url,
      logger,
      logLevel: "warn",
      validate: { request: "warn" },
    });
    const before = server.requests.length;
    await api.vpnSessions.getVpnSessions({ params: { query: { "filter[location]": untyped(7) } } });
    expect(server.requests.length).toBe(before + 1);
    expect(lines.map((l) => [l.level, l.message])).toEqual([
      [
        "warn",
        "get-vpn-sessions: request does not match the spec: /query/filter[location] must match one of the schemas in anyOf (first one: must be string), got 7",
      ],
    ]);
  });

  it('"warn" goes to console.warn when the client has no logger, whatever its logLevel', async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const message = 'get-vpn-sessions: response (HTTP 200) does not match the spec: /data must be array, got "none"';
      expect(await client("off", "warn").vpnSessions.getVpnSessions()).toEqual({ data: "none" });
      expect(warn.mock.calls.map((c) => c[0])).toEqual([message]);
      // logLevel chooses which attempts are logged; the validate mode alone switches these warnings.
      const quiet = createValidatingClient({ baseUrl: server.url, logLevel: "off", validate: { response: "warn" } });
      expect(await quiet.vpnSessions.getVpnSessions()).toEqual({ data: "none" });
      expect(warn.mock.calls.map((c) => c[0])).toEqual([message, message]);
    } finally {
      warn.mockRestore();
    }
  });

  it('"off" (and no validate option at all) returns the body unchecked', async () => {
    expect(await client("off", "off").vpnSessions.getVpnSessions()).toEqual({ data: "none" });
    for (const create of [createValidatingClient, createLatitudeshClient])
      expect(await create({ baseUrl: server.url, auth: { Bearer: "t" } }).vpnSessions.getVpnSessions()).toEqual({
        data: "none",
      });
  });

  it("the main entry's factory validates too when given the validators", async () => {
    const api = createLatitudeshClient({ baseUrl: server.url, validate: { response: "throw", validators } });
    await expect(api.vpnSessions.getVpnSessions()).rejects.toThrow(ValidationError);
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

  it("the main entry's factory points at the ./validate entry when a mode is on without validators", () => {
    expect(() => createLatitudeshClient({ validate: untyped({ response: "throw" }) })).toThrow(
      'validate: import the client from "@apigen/<provider>/validate"',
    );
  });
});

/** One call per provider through its "./validate" client, to a server answering a body its schema forbids. */
const PROVIDERS: { provider: string; body: unknown; call: (baseUrl: string) => Promise<unknown>; message: string }[] = [
  {
    provider: "latitudesh",
    body: { data: "none" },
    call: (baseUrl) =>
      createValidatingClient({
        baseUrl,
        auth: { Bearer: "t" },
        validate: { response: "throw" },
      }).vpnSessions.getVpnSessions(),
    message: 'get-vpn-sessions: response (HTTP 200) does not match the spec: /data must be array, got "none"',
  },
  {
    provider: "openziti-edge-client",
    body: { data: "none", meta: {} },
    call: (baseUrl) =>
      validatingEdgeClient({
        baseUrl,
        auth: { ztSession: "z" },
        validate: { response: "throw" },
      }).session.listSessions(),
    message: 'listSessions: response (HTTP 200) does not match the spec: /data must be array, got "none"',
  },
  {
    provider: "openziti-edge-management",
    body: { data: [], meta: "none" },
    call: (baseUrl) =>
      validatingManagement({
        baseUrl,
        auth: { ztSession: "z" },
        validate: { response: "throw" },
      }).apiSession.listAPISessions(),
    message: 'listAPISessions: response (HTTP 200) does not match the spec: /meta must be object, got "none"',
  },
  {
    provider: "pingone-management",
    body: [],
    call: (baseUrl) =>
      validatingPingone({ baseUrl, auth: { bearer: "b" }, validate: { response: "throw" } }).sessions.listUserSessions({
        params: { path: { environmentID: "e", userID: "u" } },
      }),
    message: "listUserSessions: response (HTTP 200) does not match the spec: must be object, got []",
  },
];

describe("the ./validate entry's client of every provider (real HTTP)", () => {
  it.each(PROVIDERS)("$provider: refuses a response body its schema forbids", async ({ body, call, message }) => {
    const server = await startServer((_req, res) => json(res, 200, body));
    try {
      const error = await call(server.url).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ name: "ValidationError", direction: "response", status: 200 });
      expect((error as Error).message).toBe(message);
      expect(server.requests.length).toBe(1);
    } finally {
      await server.close();
    }
  });
});
