/**
 * Errors, retries, timeouts and pagination of the generated packages (imported by name), over
 * real HTTP against node:http servers on 127.0.0.1. Delays are tiny; assertions count requests
 * and only use generous upper bounds on time.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createLatitudeshClient } from "@apigen/latitudesh";
import {
  ApiError,
  createOpenzitiEdgeClient,
  isApiError,
  NetworkError,
  TimeoutError,
  type components,
} from "@apigen/openziti-edge-client";
import { createOpenzitiEdgeManagementClient, isApiError as isManagementError } from "@apigen/openziti-edge-management";
import {
  ApiError as PingApiError,
  createPingoneManagementClient,
  isApiError as isPingError,
  TimeoutError as PingTimeoutError,
} from "@apigen/pingone-management";
import { closedPort, json, startServer, type Handler, type TestServer } from "../runtime/server.js";

type Schemas = components["schemas"];
const EDGE = "/edge/client/v1";
const ids = { environmentID: "env-1", userID: "user-1", sessionID: "sess-1" };
const fast = { baseDelayMs: 1, maxDelayMs: 20 }; // also caps Retry-After waits

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
async function serve(handler: Handler): Promise<TestServer> {
  server = await startServer(handler);
  return server;
}

const notFound = {
  meta: { apiVersion: "0.29.0" },
  error: {
    code: "NOT_FOUND",
    message: "The resource requested was not found or is no longer available",
    requestId: "req-9",
    args: { urlVars: { id: "nope" } },
    cause: { field: "id", reason: "unknown", value: "nope", code: "NOT_FOUND" },
  },
} satisfies Schemas["apiErrorEnvelope"];
const p1Error = (code: string, message: string) => ({
  id: "6e1d6a1a-err",
  code,
  message,
  details: [{ code, message, target: "sessionID" }],
});

describe("typed errors", () => {
  it("an OpenZiti 404 apiErrorEnvelope surfaces as ApiError with status 404 and the parsed body", async () => {
    const s = await serve((_req, res) => json(res, 404, notFound, { "www-authenticate": 'Bearer realm="openziti"' }));
    const api = createOpenzitiEdgeClient({ baseUrl: s.url + EDGE, auth: { ztSession: "zt" } });
    const error = await api.session.detailSession({ params: { path: { id: "nope" } } }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      name: "ApiError",
      kind: "api",
      status: 404,
      operationId: "detailSession",
      body: notFound,
    });
    expect((error as ApiError).headers.get("www-authenticate")).toBe('Bearer realm="openziti"');
    expect(isApiError(error, "detailSession")).toBe(true);
    expect(isApiError(error, "listSessions")).toBe(false);
    // Narrowing: the 404 body is the spec's apiErrorEnvelope.
    if (!isApiError(error, "detailSession") || error.status !== 404) throw new Error("not narrowed");
    const body: Schemas["apiErrorEnvelope"] = error.body;
    expect(body.error.code).toBe("NOT_FOUND");
    expect(body.error.cause?.field).toBe("id");
    expect(s.requests).toHaveLength(1); // 404 is not retried
  });

  it("statuses are discriminated per operation: a management 409 conflict on deleteSession", async () => {
    const conflict = {
      meta: {},
      error: { code: "CONFLICT_CANNOT_MODIFY_REFERENCED", message: "The resource is still in use by another object." },
    };
    const s = await serve((_req, res) => json(res, 409, conflict));
    const api = createOpenzitiEdgeManagementClient({
      baseUrl: `${s.url}/edge/management/v1`,
      auth: { ztSession: "zt" },
    });
    const error = await api.session.deleteSession({ params: { path: { id: "s1" } } }).catch((e: unknown) => e);
    expect(
      isManagementError(error, "deleteSession") && error.status === 409 ? error.body.error.code : "unexpected",
    ).toBe("CONFLICT_CANNOT_MODIFY_REFERENCED");
    expect(isManagementError(error, "deleteAPISessions")).toBe(false);
  });

  it("PingOne answers 429 with Retry-After: a GET is retried, then succeeds", async () => {
    const s = await serve((req, res, n) =>
      n === 1
        ? json(res, 429, p1Error("REQUEST_LIMITED", "Too many requests"), { "retry-after": "1" })
        : json(res, 200, { id: "sess-1", url: req.url }),
    );
    const api = createPingoneManagementClient({ baseUrl: `${s.url}/v1`, auth: { bearer: "t" }, retry: fast });
    await expect(api.sessions.readUserSession({ params: { path: ids } })).resolves.toEqual({
      id: "sess-1",
      url: "/v1/environments/env-1/users/user-1/sessions/sess-1",
    });
    expect(s.requests.map((r) => [r.method, r.headers.authorization])).toEqual([
      ["GET", "Bearer t"],
      ["GET", "Bearer t"],
    ]);
  });

  it("PingOne: when every attempt is rate limited the last 429 surfaces, typed as P1Error", async () => {
    const s = await serve((_req, res) =>
      json(res, 429, p1Error("REQUEST_LIMITED", "Too many requests"), { "retry-after": "0" }),
    );
    const api = createPingoneManagementClient({
      baseUrl: `${s.url}/v1`,
      auth: { bearer: "t" },
      retry: { ...fast, attempts: 3 },
    });
    const error = await api.sessions.deleteUserSession({ params: { path: ids } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PingApiError);
    expect(isPingError(error, "deleteUserSession") && error.status === 429 ? error.body.code : "unexpected").toBe(
      "REQUEST_LIMITED",
    );
    expect(s.requests).toHaveLength(3); // DELETE is idempotent: retried
  });

  it("a POST (createSession) is not retried on 429 by default", async () => {
    const s = await serve((_req, res) =>
      json(
        res,
        429,
        { meta: {}, error: { code: "RATE_LIMITED", message: "Too many requests; try again later." } },
        { "retry-after": "0" },
      ),
    );
    const api = createOpenzitiEdgeClient({ baseUrl: s.url + EDGE, auth: { ztSession: "zt" }, retry: fast });
    const error = await api.session
      .createSession({ body: { serviceId: "svc", type: "Dial" } })
      .catch((e: unknown) => e);
    expect(isApiError(error, "createSession") && error.status === 429 ? error.body.error.code : "unexpected").toBe(
      "RATE_LIMITED",
    );
    expect(s.requests).toHaveLength(1);
  });

  it("Latitude declares no errors: a 503 is retried for DELETE, then the 204 gives undefined", async () => {
    const s = await serve((_req, res, n) => {
      if (n === 1)
        return json(
          res,
          503,
          { errors: [{ status: "503", title: "Service Unavailable" }] },
          { "content-type": "application/vnd.api+json" },
        );
      res.writeHead(204);
      res.end();
    });
    const api = createLatitudeshClient({ baseUrl: s.url, auth: { Bearer: "k" }, retry: fast });
    await expect(
      api.vpnSessions.deleteVpnSession({ params: { path: { vpn_session_id: "vpn_1" } } }),
    ).resolves.toBeUndefined();
    expect(s.requests.map((r) => r.method)).toEqual(["DELETE", "DELETE"]);
  });
});

describe("timeouts and network failures", () => {
  const hang: Handler = () => undefined; // never answers; closed by afterEach

  it("a server that never answers ends in TimeoutError (client-wide and per call)", async () => {
    const s = await serve(hang);
    const api = createPingoneManagementClient({ baseUrl: `${s.url}/v1`, auth: { bearer: "t" }, timeoutMs: 50 });
    const started = Date.now();
    const error = await api.sessions
      .listUserSessions({ params: { path: { environmentID: "env-1", userID: "user-1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PingTimeoutError);
    expect(error).toMatchObject({
      name: "TimeoutError",
      kind: "timeout",
      timeoutMs: 50,
      operationId: "listUserSessions",
    });
    expect(Date.now() - started).toBeLessThan(5000);

    const edge = createOpenzitiEdgeClient({ baseUrl: s.url + EDGE, auth: { ztSession: "zt" } });
    await expect(
      edge.session.detailSession({ params: { path: { id: "s1" } } }, { timeoutMs: 50 }),
    ).rejects.toBeInstanceOf(TimeoutError);
  });

  it("a closed port ends in NetworkError (after the retries for an idempotent call)", async () => {
    const port = await closedPort();
    const api = createOpenzitiEdgeClient({
      baseUrl: `http://127.0.0.1:${port}${EDGE}`,
      auth: { ztSession: "zt" },
      retry: fast,
    });
    const error = await api.session.listSessions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ name: "NetworkError", kind: "network", operationId: "listSessions" });
    expect((error as NetworkError).message).toMatch(/ECONNREFUSED/);
    const once = createOpenzitiEdgeClient({ baseUrl: `http://127.0.0.1:${port}${EDGE}`, retry: false });
    await expect(once.session.deleteSession({ params: { path: { id: "s1" } } })).rejects.toBeInstanceOf(NetworkError);
  });
});

// ---------------------------------------------------------------------------

const sessions: Schemas["sessionDetail"][] = Array.from({ length: 7 }, (_, i) => ({
  id: `s${i}`,
  createdAt: "2024-05-01T10:00:00.000Z",
  updatedAt: "2024-05-01T10:00:00.000Z",
  _links: { self: { href: `./sessions/s${i}` } },
  type: i % 2 === 0 ? "Dial" : "Bind",
  token: `token-${i}`,
  apiSessionId: "as1",
  apiSession: { id: "as1" },
  serviceId: "svc",
  service: { id: "svc", name: "web" },
  edgeRouters: [],
  identityId: "id1",
}));

/** OpenZiti-style listSessions: limit (default 5, capped at 4 when asked for more)/offset, totalCount in meta. */
async function sessionsServer(): Promise<TestServer> {
  return serve((req, res) => {
    if (req.headers["zt-session"] !== "zt") return json(res, 401, { meta: {}, error: { code: "UNAUTHORIZED" } });
    const asked = req.query.get("limit");
    const limit = asked === null ? 5 : Math.min(Number(asked), 4);
    const offset = Number(req.query.get("offset") ?? 0);
    const body: Schemas["listSessionsEnvelope"] = {
      meta: { pagination: { limit, offset, totalCount: sessions.length } },
      data: sessions.slice(offset, offset + limit),
    };
    json(res, 200, body);
  });
}
async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("pagination over OpenZiti listSessions (limit/offset, meta.pagination.totalCount)", () => {
  it("items() yields all 7 sessions, keeping the caller's limit and filter", async () => {
    const s = await sessionsServer();
    const api = createOpenzitiEdgeClient({ baseUrl: s.url + EDGE, auth: { ztSession: "zt" } });
    const items = await collect(api.session.listSessions.items({ params: { query: { limit: 3, filter: "true" } } }));
    expect(items).toEqual(sessions);
    expect(s.requests.map((r) => r.url)).toEqual([
      `${EDGE}/sessions?limit=3&filter=true&offset=0`,
      `${EDGE}/sessions?limit=3&filter=true&offset=3`,
      `${EDGE}/sessions?limit=3&filter=true&offset=6`,
    ]);
  });

  it("pages() yields each page body; without a limit the server's page size is used", async () => {
    const s = await sessionsServer();
    const api = createOpenzitiEdgeClient({ baseUrl: s.url + EDGE, auth: { ztSession: "zt" } });
    const pages = await collect(api.session.listSessions.pages());
    expect(pages.map((p) => p.data.map((x) => x.id))).toEqual([
      ["s0", "s1", "s2", "s3", "s4"],
      ["s5", "s6"],
    ]);
    expect(pages.map((p) => p.meta.pagination)).toEqual([
      { limit: 5, offset: 0, totalCount: 7 },
      { limit: 5, offset: 5, totalCount: 7 },
    ]);
    expect(s.requests.map((r) => r.url)).toEqual([`${EDGE}/sessions?offset=0`, `${EDGE}/sessions?offset=5`]);
  });

  it("stops at totalCount when the server caps the page size, and is lazy", async () => {
    const s = await sessionsServer();
    const api = createOpenzitiEdgeClient({ baseUrl: s.url + EDGE, auth: { ztSession: "zt" } });
    expect(
      (await collect(api.session.listSessions.items({ params: { query: { limit: 100, offset: 1 } } }))).map(
        (x) => x.id,
      ),
    ).toEqual(sessions.slice(1).map((x) => x.id));
    expect(s.requests.map((r) => r.query.get("offset"))).toEqual(["1", "5"]);

    const before = s.requests.length;
    for await (const session of api.session.listSessions.items({ params: { query: { limit: 2 } } }))
      if (session.id === "s1") break;
    expect(s.requests.length - before).toBe(1);
  });

  it("a failing page stops the walk with the typed error", async () => {
    const s = await sessionsServer();
    const api = createOpenzitiEdgeClient({ baseUrl: s.url + EDGE, auth: { ztSession: "wrong" } });
    const error = await collect(api.session.listSessions.items()).catch((e: unknown) => e);
    expect(isApiError(error, "listSessions") && error.status === 401 ? error.body.error.code : "unexpected").toBe(
      "UNAUTHORIZED",
    );
  });
});
