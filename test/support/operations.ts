/**
 * The 18 seed operations: one row each, the single table both test/specs/operations.test.ts (the
 * table matches the hand-written specs) and test/clients/operations.test.ts (each row's call goes
 * over the wire as the table says) read. A new seed operation is added here once.
 */
import type { HttpMethod } from "../../generator/shared/http.ts";

export const SPECS = ["openziti-edge-client", "openziti-edge-management", "pingone-management", "latitudesh"] as const;
export type Spec = (typeof SPECS)[number];

export interface Param {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
}
const path = (name: string): Param => ({ name, in: "path", required: true });
const query = (name: string): Param => ({ name, in: "query", required: false });
const header = (name: string): Param => ({ name, in: "header", required: false });

export interface OperationRow {
  spec: Spec;
  method: HttpMethod;
  path: string;
  operationId: string;
  tag: string;
  params: Param[];
  /** Every response code, exactly. */
  statuses: string[];
  /** Accepted security alternatives (OR), each a list of schemes sent together (AND). */
  security: string[][];
  /** The single 2xx code and its media types ([] when the answer has no body). */
  success: { status: string; types: string[] };
  /** Component schema of the 2xx body, "open object" for an undocumented JSON object, null for none. */
  returns: string | null;
  /** Request body: required flag, media types and component schema. */
  body: { required: boolean; types: string[]; schema: string } | null;
  /** Whether the operation carries x-pagination. */
  paginated: boolean;
}

const ZITI_AUTH = [["ztSession"], ["oauth2:openid"]];
const ZITI_PAGE = [query("limit"), query("offset"), query("filter")];
const PING_AUTH = [["bearer"]];
const PING_HEADERS = [header("X-Ping-External-Transaction-ID"), header("X-Ping-External-Session-ID")];
const PING_ERRORS = ["400", "401", "403", "404", "409", "429", "500"];
const LAT_AUTH = [["Bearer"]];
const JSON_TYPE = ["application/json"];
const JSONAPI = ["application/vnd.api+json"];

export const OPERATIONS: OperationRow[] = [
  // --- openziti-edge-client (seed 000, Session) ---
  {
    spec: "openziti-edge-client",
    method: "get",
    path: "/sessions",
    operationId: "listSessions",
    tag: "Session",
    params: ZITI_PAGE,
    statuses: ["200", "400", "401", "429", "503"],
    security: ZITI_AUTH,
    success: { status: "200", types: JSON_TYPE },
    returns: "listSessionsEnvelope",
    body: null,
    paginated: true,
  },
  {
    spec: "openziti-edge-client",
    method: "post",
    path: "/sessions",
    operationId: "createSession",
    tag: "Session",
    params: [],
    statuses: ["201", "400", "401", "404", "429", "503"],
    security: ZITI_AUTH,
    success: { status: "201", types: JSON_TYPE },
    returns: "sessionCreateEnvelope",
    body: { required: true, types: JSON_TYPE, schema: "sessionCreate" },
    paginated: false,
  },
  {
    spec: "openziti-edge-client",
    method: "get",
    path: "/sessions/{id}",
    operationId: "detailSession",
    tag: "Session",
    params: [path("id")],
    statuses: ["200", "401", "404"],
    security: ZITI_AUTH,
    success: { status: "200", types: JSON_TYPE },
    returns: "detailSessionEnvelope",
    body: null,
    paginated: false,
  },
  {
    spec: "openziti-edge-client",
    method: "delete",
    path: "/sessions/{id}",
    operationId: "deleteSession",
    tag: "Session",
    params: [path("id")],
    statuses: ["200", "400", "401", "409", "429", "503"],
    security: ZITI_AUTH,
    success: { status: "200", types: JSON_TYPE },
    returns: "empty",
    body: null,
    paginated: false,
  },

  // --- openziti-edge-management (seed 001, API Session) ---
  {
    spec: "openziti-edge-management",
    method: "get",
    path: "/api-sessions",
    operationId: "listAPISessions",
    tag: "API Session",
    params: ZITI_PAGE,
    statuses: ["200", "400", "401", "429", "503"],
    security: ZITI_AUTH,
    success: { status: "200", types: ["application/json; charset=utf-8"] },
    returns: "listApiSessionsEnvelope",
    body: null,
    paginated: true,
  },
  {
    spec: "openziti-edge-management",
    method: "get",
    path: "/api-sessions/{id}",
    operationId: "detailAPISessions",
    tag: "API Session",
    params: [path("id")],
    statuses: ["200", "401", "404", "429", "503"],
    security: ZITI_AUTH,
    success: { status: "200", types: JSON_TYPE },
    returns: "detailApiSessionEnvelope",
    body: null,
    paginated: false,
  },
  {
    spec: "openziti-edge-management",
    method: "delete",
    path: "/api-sessions/{id}",
    operationId: "deleteAPISessions",
    tag: "API Session",
    params: [path("id")],
    statuses: ["200", "401", "403", "404", "429", "503"],
    security: [["ztSession"]],
    success: { status: "200", types: JSON_TYPE },
    returns: "empty",
    body: null,
    paginated: false,
  },

  // --- openziti-edge-management (seed 002, Session) ---
  {
    spec: "openziti-edge-management",
    method: "get",
    path: "/sessions",
    operationId: "listSessions",
    tag: "Session",
    params: ZITI_PAGE,
    statuses: ["200", "400", "401", "429", "503"],
    security: ZITI_AUTH,
    success: { status: "200", types: JSON_TYPE },
    returns: "listSessionsManagementEnvelope",
    body: null,
    paginated: true,
  },
  {
    spec: "openziti-edge-management",
    method: "get",
    path: "/sessions/{id}",
    operationId: "detailSession",
    tag: "Session",
    params: [path("id")],
    statuses: ["200", "401", "404", "429", "503"],
    security: ZITI_AUTH,
    success: { status: "200", types: JSON_TYPE },
    returns: "detailSessionManagementEnvelope",
    body: null,
    paginated: false,
  },
  {
    spec: "openziti-edge-management",
    method: "delete",
    path: "/sessions/{id}",
    operationId: "deleteSession",
    tag: "Session",
    params: [path("id")],
    statuses: ["200", "400", "401", "404", "409", "429", "503"],
    security: ZITI_AUTH,
    success: { status: "200", types: JSON_TYPE },
    returns: "empty",
    body: null,
    paginated: false,
  },
  {
    spec: "openziti-edge-management",
    method: "get",
    path: "/sessions/{id}/route-path",
    operationId: "detailSessionRoutePath",
    tag: "Session",
    params: [path("id")],
    statuses: ["200", "401", "404", "429", "503"],
    security: ZITI_AUTH,
    success: { status: "200", types: JSON_TYPE },
    returns: "detailSessionRoutePathEnvelope",
    body: null,
    paginated: false,
  },

  // --- pingone-management (seed 003, Sessions) ---
  {
    spec: "pingone-management",
    method: "get",
    path: "/environments/{environmentID}/users/{userID}/sessions",
    operationId: "listUserSessions",
    tag: "Sessions",
    params: [...PING_HEADERS, path("environmentID"), path("userID")],
    statuses: ["200", ...PING_ERRORS],
    security: PING_AUTH,
    success: { status: "200", types: JSON_TYPE },
    returns: "open object",
    body: null,
    paginated: false,
  },
  {
    spec: "pingone-management",
    method: "get",
    path: "/environments/{environmentID}/users/{userID}/sessions/{sessionID}",
    operationId: "readUserSession",
    tag: "Sessions",
    params: [...PING_HEADERS, path("environmentID"), path("userID"), path("sessionID")],
    statuses: ["200", ...PING_ERRORS],
    security: PING_AUTH,
    success: { status: "200", types: JSON_TYPE },
    returns: "open object",
    body: null,
    paginated: false,
  },
  {
    spec: "pingone-management",
    method: "delete",
    path: "/environments/{environmentID}/users/{userID}/sessions/{sessionID}",
    operationId: "deleteUserSession",
    tag: "Sessions",
    params: [...PING_HEADERS, path("environmentID"), path("userID"), path("sessionID")],
    statuses: ["204", ...PING_ERRORS],
    security: PING_AUTH,
    success: { status: "204", types: [] },
    returns: null,
    body: null,
    paginated: false,
  },

  // --- latitudesh (seed 004, VPN Sessions); upstream declares no error responses ---
  {
    spec: "latitudesh",
    method: "get",
    path: "/vpn_sessions",
    operationId: "get-vpn-sessions",
    tag: "VPN Sessions",
    params: [query("filter[location]")],
    statuses: ["200"],
    security: LAT_AUTH,
    success: { status: "200", types: JSONAPI },
    returns: "vpn_session_list",
    body: null,
    paginated: false,
  },
  {
    spec: "latitudesh",
    method: "post",
    path: "/vpn_sessions",
    operationId: "post-vpn-session",
    tag: "VPN Sessions",
    params: [],
    statuses: ["201"],
    security: LAT_AUTH,
    success: { status: "201", types: JSONAPI },
    returns: "vpn_session_with_password",
    body: {
      required: true,
      types: ["application/json", "application/vnd.api+json"],
      schema: "vpn_session_create_request",
    },
    paginated: false,
  },
  {
    spec: "latitudesh",
    method: "patch",
    path: "/vpn_sessions/{vpn_session_id}/refresh_password",
    operationId: "put-vpn-session",
    tag: "VPN Sessions",
    params: [path("vpn_session_id")],
    statuses: ["200"],
    security: LAT_AUTH,
    success: { status: "200", types: JSONAPI },
    returns: "vpn_session_with_password",
    body: null,
    paginated: false,
  },
  {
    spec: "latitudesh",
    method: "delete",
    path: "/vpn_sessions/{vpn_session_id}",
    operationId: "delete-vpn-session",
    tag: "VPN Sessions",
    params: [path("vpn_session_id")],
    statuses: ["204"],
    security: LAT_AUTH,
    success: { status: "204", types: [] },
    returns: null,
    body: null,
    paginated: false,
  },
];

/** Per provider: what every error (non-2xx) response carries. */
export const ERROR_BODY: Record<Spec, { types: string[]; schema: string } | null> = {
  "openziti-edge-client": { types: JSON_TYPE, schema: "apiErrorEnvelope" },
  "openziti-edge-management": { types: JSON_TYPE, schema: "apiErrorEnvelope" },
  "pingone-management": { types: JSON_TYPE, schema: "P1Error" },
  latitudesh: null,
};

export const PAGINATION = {
  style: "offset",
  limit: "limit",
  offset: "offset",
  items: "/data",
  total: "/meta/pagination/totalCount",
};

/** The row of one operation; throws for an operation the table does not hold. */
export function seedOperation(spec: Spec, operationId: string): OperationRow {
  const row = OPERATIONS.find((r) => r.spec === spec && r.operationId === operationId);
  if (row === undefined) throw new Error(`${spec}: no seed operation ${operationId}`);
  return row;
}
