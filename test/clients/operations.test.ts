/**
 * The 18 seed operations (the shared table in test/support/operations.ts) called end to end
 * through the generated packages, imported by name.
 *
 * One node:http server on 127.0.0.1 serves the whole file. Each row of the table says how a
 * user calls the operation, the exact request the API must receive and the documented answer.
 * The server compares what it received with the current row and answers 599 with the
 * differences when anything is off, so a wrong method, path, query, credential, content type or
 * body fails the row. Each row's method, path, status and content type are also checked against
 * the shared table, which test/specs/operations.test.ts checks against the spec.
 */
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createLatitudeshClient,
  type LatitudeshClient,
  type components as LatitudeComponents,
} from "@apigen/latitudesh";
import {
  createOpenzitiEdgeClient,
  type OpenzitiEdgeClient,
  type components as EdgeComponents,
} from "@apigen/openziti-edge-client";
import {
  createOpenzitiEdgeManagementClient,
  type OpenzitiEdgeManagementClient,
  type components as ManagementComponents,
} from "@apigen/openziti-edge-management";
import { createPingoneManagementClient, type PingoneManagementClient } from "@apigen/pingone-management";
import { startServer, type Seen, type TestServer } from "../runtime/server.js";
import { OPERATIONS, seedOperation } from "../support/operations.ts";

type Edge = EdgeComponents["schemas"];
type Mgmt = ManagementComponents["schemas"];
type Lat = LatitudeComponents["schemas"];

// ---------------------------------------------------------------------------
// Documented bodies (typed with the spec's components so they cannot drift from it)

const links = (href: string) => ({ self: { href } });
const edgeRouter = {
  hostname: "er1.demo.ziti.dev",
  name: "er1",
  supportedProtocols: { tls: "tls://er1.demo.ziti.dev:3022" },
  syncStatus: "SYNC_DONE",
  isOnline: true,
  cost: 0,
  noTraversal: null,
  disabled: false,
  urls: { tls: "tls://er1.demo.ziti.dev:3022" },
} satisfies Edge["sessionEdgeRouter"];
const session = {
  id: "s1",
  createdAt: "2024-05-01T10:00:00.000Z",
  updatedAt: "2024-05-01T10:00:00.000Z",
  _links: links("./sessions/s1"),
  tags: {},
  type: "Dial",
  token: "9c1f1d7a-session-token",
  apiSessionId: "as1",
  apiSession: { id: "as1", entity: "api-sessions", _links: links("./api-sessions/as1") },
  serviceId: "3X7aBPpMw",
  service: { id: "3X7aBPpMw", name: "web", entity: "services", _links: links("./services/3X7aBPpMw") },
  edgeRouters: [edgeRouter],
  identityId: "id1",
} satisfies Edge["sessionDetail"];
const session2 = {
  ...session,
  id: "s2",
  type: "Bind",
  token: "second-token",
  _links: links("./sessions/s2"),
} satisfies Edge["sessionDetail"];
const managedSession = {
  ...session,
  servicePolicies: [{ id: "sp1", name: "web-dial", entity: "service-policies" }],
} satisfies Mgmt["sessionManagementDetail"];
const apiSession = {
  id: "as1",
  createdAt: "2024-05-01T09:59:00.000Z",
  updatedAt: "2024-05-01T10:05:00.000Z",
  _links: links("./api-sessions/as1"),
  tags: null,
  token: "d0c5-api-session-token",
  identity: { id: "id1", name: "alice", entity: "identities" },
  identityId: "id1",
  ipAddress: "203.0.113.7",
  configTypes: ["all"],
  authQueries: [{ provider: "ziti", typeId: "MFA", format: "numeric", minLength: 6, maxLength: 6 }],
  isMfaRequired: true,
  isMfaComplete: false,
  authenticatorId: "auth1",
  isCertExtendable: false,
  lastActivityAt: "2024-05-01T10:05:00.000Z",
} satisfies Mgmt["apiSessionDetail"];
const emptyEnvelope = { meta: {}, data: {} } satisfies Edge["empty"] & Mgmt["empty"];
const meta = { apiVersion: "0.29.0", apiEnrollmentVersion: "0.0.1" } satisfies Edge["meta"];
const page = (limit: number, offset: number, totalCount: number) => ({
  ...meta,
  pagination: { limit, offset, totalCount },
  filterableFields: ["id", "type"],
});

const pingSession = {
  id: "sess-1",
  environment: { id: "env-1" },
  user: { id: "user-1" },
  lastSignOn: { at: "2024-05-01T10:00:00.000Z", withAuthenticator: [{ type: "PWD" }] },
  createdAt: "2024-05-01T10:00:00.000Z",
  expiresAt: "2024-05-01T18:00:00.000Z",
};
const vpn = {
  id: "vpn_6VE1Wd37dXnZJ",
  type: "vpn_sessions",
  attributes: {
    user_name: "alice.sao",
    port: "8443",
    host: "sao.vpn.latitude.sh",
    region: {
      city: "São Paulo",
      country: "Brazil",
      site: { id: "loc_gX2AVd6VOZqL", name: "São Paulo", slug: "SAO", facility: "SAO" },
    },
    status: "enable",
    expires_at: "2024-05-02T10:00:00+00:00",
    created_at: "2024-05-01T10:00:00+00:00",
    updated_at: "2024-05-01T10:00:00+00:00",
  },
} satisfies Lat["vpn_session_data_with_password"];
const vpnWithPassword = (password: string) =>
  ({ data: { ...vpn, attributes: { ...vpn.attributes, password } } }) satisfies Lat["vpn_session_with_password"];

// ---------------------------------------------------------------------------
// The table

interface Apis {
  "openziti-edge-client": OpenzitiEdgeClient;
  "openziti-edge-management": OpenzitiEdgeManagementClient;
  "pingone-management": PingoneManagementClient;
  latitudesh: LatitudeshClient;
}
type Provider = keyof Apis;

interface ExpectedRequest {
  method: string;
  /** Raw path as it must arrive, including the spec server's base path. */
  path: string;
  /** Decoded query parameters, in order. */
  query?: [string, string][];
  /** Headers checked on every request (CHECKED); the ones not listed here must be absent. */
  headers: Record<string, string>;
  /** JSON body; when absent the request must have no body. */
  body?: unknown;
}
interface DocumentedResponse {
  status: number;
  contentType?: string;
  body?: unknown;
}
interface Row {
  provider: Provider;
  operationId: string;
  call: (apis: Apis) => Promise<unknown>;
  request: ExpectedRequest;
  response: DocumentedResponse;
  result: unknown;
}

function row<P extends Provider>(
  r: Omit<Row, "call" | "provider"> & { provider: P; call: (api: Apis[P]) => Promise<unknown> },
): Row {
  return { ...r, call: (apis) => r.call(apis[r.provider]) };
}

const CHECKED = [
  "authorization",
  "zt-session",
  "content-type",
  "x-ping-external-transaction-id",
  "x-ping-external-session-id",
];
const oidc = { authorization: "Bearer oidc-access-token" }; // edge client: oauth2 only
const zt = { "zt-session": "zt-admin-session" }; // management: ztSession and oauth2, ztSession wins
const p1 = { authorization: "Bearer p1-jwt" };
const lat = { authorization: "lat_api_key" }; // apiKey: verbatim, no "Bearer "
const json = "application/json";
const jsonApi = "application/vnd.api+json";
const EDGE = "/edge/client/v1";
const MGMT = "/edge/management/v1";
const USER = "/v1/environments/env-1/users/user-1/sessions";

const listSessionsBody = { meta: page(2, 0, 2), data: [session, session2] } satisfies Edge["listSessionsEnvelope"];
const listApiSessionsBody = { meta: page(10, 0, 1), data: [apiSession] } satisfies Mgmt["listApiSessionsEnvelope"];
const listManagedBody = {
  meta: page(10, 0, 1),
  data: [managedSession],
} satisfies Mgmt["listSessionsManagementEnvelope"];
const vpnList = { data: [vpn], meta: {} } satisfies Lat["vpn_session_list"];
const pingList = { _embedded: { sessions: [pingSession] }, count: 1, size: 1 };
const createBody = {
  data: { type: "vpn_sessions", attributes: { site: "SAO", server_id: "sv_wg3ZDrKyO5QlP" } },
} satisfies Lat["vpn_session_create_request"];

const ROWS: Row[] = [
  // ---- openziti-edge-client ----
  row({
    provider: "openziti-edge-client",
    operationId: "listSessions",
    call: (api) => api.session.listSessions({ params: { query: { limit: 2, offset: 0, filter: 'type = "Dial"' } } }),
    request: {
      method: "GET",
      path: `${EDGE}/sessions`,
      query: [
        ["limit", "2"],
        ["offset", "0"],
        ["filter", 'type = "Dial"'],
      ],
      headers: oidc,
    },
    response: { status: 200, contentType: json, body: listSessionsBody },
    result: listSessionsBody,
  }),
  row({
    provider: "openziti-edge-client",
    operationId: "createSession",
    call: (api) => api.session.createSession({ body: { serviceId: "3X7aBPpMw", type: "Dial" } }),
    request: {
      method: "POST",
      path: `${EDGE}/sessions`,
      headers: { ...oidc, "content-type": json },
      body: { serviceId: "3X7aBPpMw", type: "Dial" },
    },
    response: { status: 201, contentType: json, body: { meta, data: session } },
    result: { meta, data: session },
  }),
  row({
    provider: "openziti-edge-client",
    operationId: "detailSession",
    call: (api) => api.session.detailSession({ params: { path: { id: "s1" } } }),
    request: { method: "GET", path: `${EDGE}/sessions/s1`, headers: oidc },
    response: { status: 200, contentType: json, body: { meta, data: session } },
    result: { meta, data: session },
  }),
  row({
    provider: "openziti-edge-client",
    operationId: "deleteSession",
    call: (api) => api.session.deleteSession({ params: { path: { id: "s1" } } }),
    request: { method: "DELETE", path: `${EDGE}/sessions/s1`, headers: oidc },
    response: { status: 200, contentType: json, body: emptyEnvelope },
    result: emptyEnvelope,
  }),
  // ---- openziti-edge-management ----
  row({
    provider: "openziti-edge-management",
    operationId: "listAPISessions",
    call: (api) =>
      api.apiSession.listAPISessions({ params: { query: { limit: 10, filter: 'identity.name = "alice"' } } }),
    request: {
      method: "GET",
      path: `${MGMT}/api-sessions`,
      query: [
        ["limit", "10"],
        ["filter", 'identity.name = "alice"'],
      ],
      headers: zt,
    },
    response: { status: 200, contentType: "application/json; charset=utf-8", body: listApiSessionsBody },
    result: listApiSessionsBody,
  }),
  row({
    provider: "openziti-edge-management",
    operationId: "detailAPISessions",
    call: (api) => api.apiSession.detailAPISessions({ params: { path: { id: "as1" } } }),
    request: { method: "GET", path: `${MGMT}/api-sessions/as1`, headers: zt },
    response: { status: 200, contentType: json, body: { meta, data: apiSession } },
    result: { meta, data: apiSession },
  }),
  row({
    provider: "openziti-edge-management",
    operationId: "deleteAPISessions",
    call: (api) => api.apiSession.deleteAPISessions({ params: { path: { id: "as1" } } }),
    request: { method: "DELETE", path: `${MGMT}/api-sessions/as1`, headers: zt },
    response: { status: 200, contentType: json, body: emptyEnvelope },
    result: emptyEnvelope,
  }),
  row({
    provider: "openziti-edge-management",
    operationId: "listSessions",
    call: (api) => api.session.listSessions(),
    request: { method: "GET", path: `${MGMT}/sessions`, headers: zt },
    response: { status: 200, contentType: json, body: listManagedBody },
    result: listManagedBody,
  }),
  row({
    provider: "openziti-edge-management",
    operationId: "detailSession",
    call: (api) => api.session.detailSession({ params: { path: { id: "s1" } } }),
    request: { method: "GET", path: `${MGMT}/sessions/s1`, headers: zt },
    response: { status: 200, contentType: json, body: { meta, data: managedSession } },
    result: { meta, data: managedSession },
  }),
  row({
    provider: "openziti-edge-management",
    operationId: "deleteSession",
    call: (api) => api.session.deleteSession({ params: { path: { id: "s1" } } }),
    request: { method: "DELETE", path: `${MGMT}/sessions/s1`, headers: zt },
    response: { status: 200, contentType: json, body: emptyEnvelope },
    result: emptyEnvelope,
  }),
  row({
    provider: "openziti-edge-management",
    operationId: "detailSessionRoutePath",
    call: (api) => api.session.detailSessionRoutePath({ params: { path: { id: "s1" } } }),
    request: { method: "GET", path: `${MGMT}/sessions/s1/route-path`, headers: zt },
    response: { status: 200, contentType: json, body: { meta, data: { routePath: ["er1", "r2", "er3"] } } },
    result: { meta, data: { routePath: ["er1", "r2", "er3"] } },
  }),
  // ---- pingone-management ----
  row({
    provider: "pingone-management",
    operationId: "listUserSessions",
    call: (api) =>
      api.sessions.listUserSessions({
        params: {
          path: { environmentID: "env-1", userID: "user-1" },
          header: { "X-Ping-External-Transaction-ID": "tx-42" },
        },
      }),
    request: { method: "GET", path: USER, headers: { ...p1, "x-ping-external-transaction-id": "tx-42" } },
    response: { status: 200, contentType: json, body: pingList },
    result: pingList,
  }),
  row({
    provider: "pingone-management",
    operationId: "readUserSession",
    call: (api) =>
      api.sessions.readUserSession({
        params: {
          path: { environmentID: "env-1", userID: "user-1", sessionID: "sess-1" },
          header: { "X-Ping-External-Transaction-ID": "tx-43", "X-Ping-External-Session-ID": "app-session-7" },
        },
      }),
    request: {
      method: "GET",
      path: `${USER}/sess-1`,
      headers: { ...p1, "x-ping-external-transaction-id": "tx-43", "x-ping-external-session-id": "app-session-7" },
    },
    response: { status: 200, contentType: json, body: pingSession },
    result: pingSession,
  }),
  row({
    provider: "pingone-management",
    operationId: "deleteUserSession",
    call: (api) =>
      api.sessions.deleteUserSession({
        params: { path: { environmentID: "env-1", userID: "user-1", sessionID: "sess-1" } },
      }),
    request: { method: "DELETE", path: `${USER}/sess-1`, headers: p1 },
    response: { status: 204 },
    result: undefined,
  }),
  // ---- latitudesh ----
  row({
    provider: "latitudesh",
    operationId: "get-vpn-sessions",
    call: (api) => api.vpnSessions.getVpnSessions({ params: { query: { "filter[location]": "SAO" } } }),
    request: { method: "GET", path: "/vpn_sessions", query: [["filter[location]", "SAO"]], headers: lat },
    response: { status: 200, contentType: jsonApi, body: vpnList },
    result: vpnList,
  }),
  row({
    provider: "latitudesh",
    operationId: "post-vpn-session",
    call: (api) => api.vpnSessions.postVpnSession({ body: createBody }),
    request: { method: "POST", path: "/vpn_sessions", headers: { ...lat, "content-type": json }, body: createBody },
    response: { status: 201, contentType: jsonApi, body: vpnWithPassword("first-password") },
    result: vpnWithPassword("first-password"),
  }),
  row({
    provider: "latitudesh",
    operationId: "put-vpn-session",
    call: (api) => api.vpnSessions.putVpnSession({ params: { path: { vpn_session_id: "vpn_6VE1Wd37dXnZJ" } } }),
    request: { method: "PATCH", path: "/vpn_sessions/vpn_6VE1Wd37dXnZJ/refresh_password", headers: lat },
    response: { status: 200, contentType: jsonApi, body: vpnWithPassword("refreshed-password") },
    result: vpnWithPassword("refreshed-password"),
  }),
  row({
    provider: "latitudesh",
    operationId: "delete-vpn-session",
    call: (api) => api.vpnSessions.deleteVpnSession({ params: { path: { vpn_session_id: "vpn_6VE1Wd37dXnZJ" } } }),
    request: { method: "DELETE", path: "/vpn_sessions/vpn_6VE1Wd37dXnZJ", headers: lat },
    response: { status: 204 },
    result: undefined,
  }),
];

// ---------------------------------------------------------------------------
// The server: answers the current row, or 599 with what differs

let current: Row | undefined;
let server: TestServer;
let apis: Apis;

function differences(expected: ExpectedRequest, seen: Seen): Record<string, { expected: unknown; actual: unknown }> {
  const diff: Record<string, { expected: unknown; actual: unknown }> = {};
  const check = (field: string, want: unknown, got: unknown) => {
    if (!isDeepStrictEqual(want, got)) diff[field] = { expected: want, actual: got };
  };
  const target = seen.url.indexOf("?") === -1 ? seen.url : seen.url.slice(0, seen.url.indexOf("?"));
  check("method", expected.method, seen.method);
  check("path", expected.path, target);
  check("query", expected.query ?? [], [...seen.query.entries()]);
  for (const name of CHECKED) check(`header ${name}`, expected.headers[name], seen.headers[name]);
  if (expected.body === undefined) check("body", "", seen.body);
  else {
    let body: unknown = seen.body;
    try {
      body = JSON.parse(seen.body);
    } catch {
      // keep the text: it shows up in the diff
    }
    check("body", expected.body, body);
  }
  return diff;
}

beforeAll(async () => {
  server = await startServer((seen, res) => {
    if (current === undefined) {
      res.writeHead(599, { "content-type": "application/json" });
      res.end(JSON.stringify({ unexpected: `${seen.method} ${seen.url}` }));
      return;
    }
    const diff = differences(current.request, seen);
    if (Object.keys(diff).length > 0) {
      res.writeHead(599, { "content-type": "application/json" });
      res.end(JSON.stringify(diff));
      return;
    }
    const { status, contentType, body } = current.response;
    res.writeHead(status, contentType === undefined ? {} : { "content-type": contentType });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  });
  const retry = false as const; // a 599 must surface at once
  apis = {
    "openziti-edge-client": createOpenzitiEdgeClient({
      baseUrl: `${server.url}${EDGE}`,
      retry,
      auth: { oauth2: "oidc-access-token" },
    }),
    "openziti-edge-management": createOpenzitiEdgeManagementClient({
      baseUrl: `${server.url}${MGMT}`,
      retry,
      auth: { ztSession: "zt-admin-session", oauth2: "oidc-admin-token" },
    }),
    "pingone-management": createPingoneManagementClient({
      baseUrl: `${server.url}/v1`,
      retry,
      auth: { bearer: "p1-jwt" },
    }),
    latitudesh: createLatitudeshClient({ baseUrl: server.url, retry, auth: { Bearer: "lat_api_key" } }),
  };
});
afterAll(() => server.close());

/** A path template as a pattern for the raw path the server sees (any base path before it). */
function pathPattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+");
  return new RegExp(`${escaped}$`);
}

describe("the 18 seed operations over HTTP", () => {
  it("calls each seed operation of the shared table exactly once", () => {
    const ids = (rows: { provider?: string; spec?: string; operationId: string }[]) =>
      rows.map((r) => `${r.provider ?? r.spec} ${r.operationId}`);
    expect(ids(ROWS)).toEqual(ids(OPERATIONS));
  });

  it.each(ROWS.map((r) => [`${r.provider} ${r.operationId}`, r] as const))("%s", async (_name, r) => {
    // The row's request and answer are the ones the shared table (and so the spec) documents.
    const seed = seedOperation(r.provider, r.operationId);
    expect(r.request.method).toBe(seed.method.toUpperCase());
    expect(r.request.path).toMatch(pathPattern(seed.path));
    expect(String(r.response.status)).toBe(seed.success.status);
    expect(seed.success.types).toEqual(r.response.contentType === undefined ? [] : [r.response.contentType]);

    current = r;
    const before = server.requests.length;
    try {
      const result = await r.call(apis).catch((error: unknown) => {
        // Each package has its own ApiError class, so look at the shape rather than instanceof.
        const { status, body } = error as { status?: unknown; body?: unknown };
        if (status === 599) {
          throw new Error(`${r.operationId}: the server saw a different request: ${JSON.stringify(body, null, 2)}`);
        }
        throw error;
      });
      expect(result).toEqual(r.result);
      if (r.result === undefined) expect(result).toBeUndefined();
    } finally {
      current = undefined;
    }
    expect(server.requests.length - before).toBe(1);
  });
});
