// Type tests of the generated packages, imported by name as users do: results typed from the
// spec's components, required/typed parameters, PingOne header names, Latitude's open
// `filter[location]`, bodiless results, isApiError narrowing per status and pagination items.
// Run: npx vitest run test/clients (vitest typechecks *.test-d.ts with tsconfig.json).
import { describe, expectTypeOf, it } from "vitest";
import {
  createLatitudeshClient,
  isApiError as isLatitudeError,
  type components as LatitudeComponents,
  type operations as LatitudeOperations,
} from "@apigen/latitudesh";
import {
  ApiError,
  createOpenzitiEdgeClient,
  isApiError,
  NetworkError,
  TimeoutError,
  type components as EdgeComponents,
  type OpenzitiEdgeClientOptions,
} from "@apigen/openziti-edge-client";
import {
  createOpenzitiEdgeManagementClient,
  isApiError as isManagementError,
  type components as ManagementComponents,
} from "@apigen/openziti-edge-management";
import {
  createPingoneManagementClient,
  isApiError as isPingError,
  type components as PingComponents,
  type operations as PingOperations,
  type ServerOption as PingServerOption,
} from "@apigen/pingone-management";

type Edge = EdgeComponents["schemas"];
type Mgmt = ManagementComponents["schemas"];
type Lat = LatitudeComponents["schemas"];
type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

const edge = createOpenzitiEdgeClient({ auth: { ztSession: "zt" } });
const mgmt = createOpenzitiEdgeManagementClient({ auth: { oauth2: async () => "token" } });
const ping = createPingoneManagementClient({ auth: { bearer: "jwt" }, server: { variables: { suffix: "eu" } } });
const lat = createLatitudeshClient({ auth: { Bearer: "key" } });
const ids = { environmentID: "e", userID: "u", sessionID: "s" };

describe("results are the spec's component types", () => {
  it("OpenZiti edge client", () => {
    expectTypeOf<Result<typeof edge.session.listSessions>>().toEqualTypeOf<Edge["listSessionsEnvelope"]>();
    expectTypeOf<Result<typeof edge.session.createSession>>().toEqualTypeOf<Edge["sessionCreateEnvelope"]>();
    expectTypeOf<Result<typeof edge.session.detailSession>>().toEqualTypeOf<Edge["detailSessionEnvelope"]>();
    expectTypeOf<Result<typeof edge.session.deleteSession>>().toEqualTypeOf<Edge["empty"]>();
    expectTypeOf(edge.session.detailSession({ params: { path: { id: "s1" } } })).resolves.toEqualTypeOf<
      Edge["detailSessionEnvelope"]
    >();
  });

  it("OpenZiti management (listAPISessions answers application/json; charset=utf-8)", () => {
    expectTypeOf<Result<typeof mgmt.apiSession.listAPISessions>>().toEqualTypeOf<Mgmt["listApiSessionsEnvelope"]>();
    expectTypeOf<Result<typeof mgmt.apiSession.detailAPISessions>>().toEqualTypeOf<Mgmt["detailApiSessionEnvelope"]>();
    expectTypeOf<Result<typeof mgmt.apiSession.deleteAPISessions>>().toEqualTypeOf<Mgmt["empty"]>();
    expectTypeOf<Result<typeof mgmt.session.listSessions>>().toEqualTypeOf<Mgmt["listSessionsManagementEnvelope"]>();
    expectTypeOf<Result<typeof mgmt.session.detailSession>>().toEqualTypeOf<Mgmt["detailSessionManagementEnvelope"]>();
    expectTypeOf<Result<typeof mgmt.session.deleteSession>>().toEqualTypeOf<Mgmt["empty"]>();
    expectTypeOf<Result<typeof mgmt.session.detailSessionRoutePath>>().toEqualTypeOf<
      Mgmt["detailSessionRoutePathEnvelope"]
    >();
    expectTypeOf<Mgmt["detailSessionRoutePathEnvelope"]["data"]["routePath"]>().toEqualTypeOf<string[] | undefined>();
  });

  it("PingOne: open JSON objects for reads, undefined for the 204 delete", () => {
    expectTypeOf<Result<typeof ping.sessions.listUserSessions>>().toEqualTypeOf<{ [key: string]: unknown }>();
    expectTypeOf<Result<typeof ping.sessions.readUserSession>>().toEqualTypeOf<{ [key: string]: unknown }>();
    expectTypeOf<Result<typeof ping.sessions.deleteUserSession>>().toEqualTypeOf<undefined>();
  });

  it("Latitude: application/vnd.api+json bodies, undefined for the 204 delete", () => {
    expectTypeOf<Result<typeof lat.vpnSessions.getVpnSessions>>().toEqualTypeOf<Lat["vpn_session_list"]>();
    expectTypeOf<Result<typeof lat.vpnSessions.postVpnSession>>().toEqualTypeOf<Lat["vpn_session_with_password"]>();
    expectTypeOf<Result<typeof lat.vpnSessions.putVpnSession>>().toEqualTypeOf<Lat["vpn_session_with_password"]>();
    expectTypeOf<Result<typeof lat.vpnSessions.deleteVpnSession>>().toEqualTypeOf<undefined>();
  });
});

describe("parameters", () => {
  it("path parameters are required and typed", () => {
    void edge.session.detailSession({ params: { path: { id: "s1" } } }, { timeoutMs: 2000, retry: false });
    // @ts-expect-error id is required
    void edge.session.detailSession();
    // @ts-expect-error id is required
    void edge.session.detailSession({ params: {} });
    // @ts-expect-error id is a string
    void edge.session.detailSession({ params: { path: { id: 1 } } });
    // @ts-expect-error no such path parameter
    void mgmt.session.detailSessionRoutePath({ params: { path: { sessionId: "s1" } } });

    void ping.sessions.readUserSession({ params: { path: ids } });
    // @ts-expect-error sessionID is required
    void ping.sessions.readUserSession({ params: { path: { environmentID: "e", userID: "u" } } });
    // @ts-expect-error vpn_session_id is required
    void lat.vpnSessions.putVpnSession();
  });

  it("query parameters are typed; list operations need no arguments", () => {
    void edge.session.listSessions();
    void edge.session.listSessions({ params: { query: { limit: 10, offset: 20, filter: 'type = "Dial"' } } });
    void mgmt.apiSession.listAPISessions({ params: { query: { limit: 10 } } });
    // @ts-expect-error limit is an integer, not a string
    void edge.session.listSessions({ params: { query: { limit: "10" } } });
    // @ts-expect-error filter is a string expression
    void mgmt.session.listSessions({ params: { query: { filter: { type: "Dial" } } } });
    // @ts-expect-error no such query parameter
    void edge.session.listSessions({ params: { query: { page: 2 } } });
    // @ts-expect-error detailSession has no query parameters
    void edge.session.detailSession({ params: { path: { id: "s1" }, query: { limit: 1 } } });
  });

  it("request bodies are required where the spec says so, and typed", () => {
    void edge.session.createSession({ body: { serviceId: "svc", type: "Bind" } });
    // @ts-expect-error the body is required
    void edge.session.createSession();
    // @ts-expect-error type is Dial | Bind | Invalid
    void edge.session.createSession({ body: { serviceId: "svc", type: "Connect" } });
    void lat.vpnSessions.postVpnSession({
      body: { data: { type: "vpn_sessions", attributes: { site: "SAO", server_id: "sv_1" } } },
    });
    // @ts-expect-error the JSON:API type is vpn_sessions
    void lat.vpnSessions.postVpnSession({ body: { data: { type: "servers" } } });
    // @ts-expect-error refresh_password takes no body
    void lat.vpnSessions.putVpnSession({ params: { path: { vpn_session_id: "v" } }, body: {} });
  });

  it("PingOne's correlation headers are typed options with their exact names", () => {
    type Headers = NonNullable<PingOperations["readUserSession"]["parameters"]["header"]>;
    expectTypeOf<Headers>().toEqualTypeOf<{
      "X-Ping-External-Transaction-ID"?: string;
      "X-Ping-External-Session-ID"?: string;
    }>();
    void ping.sessions.readUserSession({
      params: { path: ids, header: { "X-Ping-External-Transaction-ID": "tx", "X-Ping-External-Session-ID": "s" } },
    });
    void ping.sessions.deleteUserSession({ params: { path: ids, header: { "X-Ping-External-Session-ID": "s" } } });
    // @ts-expect-error the name is X-Ping-External-Transaction-ID (case and spelling matter in the type)
    void ping.sessions.readUserSession({ params: { path: ids, header: { "x-ping-external-transaction-id": "tx" } } });
    const user = { environmentID: "e", userID: "u" };
    // @ts-expect-error the value is a string
    void ping.sessions.listUserSessions({ params: { path: user, header: { "X-Ping-External-Session-ID": 7 } } });
  });

  it("Latitude's filter[location] is typed by its literal name; the site list is open", () => {
    type Filter = NonNullable<LatitudeOperations["get-vpn-sessions"]["parameters"]["query"]>["filter[location]"];
    // The spec says `anyOf: [site_slug_known, string]`: the generator emits `site_slug_known | (string & {})`,
    // so the known slugs are offered for completion and any other string is still accepted.
    // Known literals survive in the union (collapsed to `string`, Extract would give never).
    expectTypeOf<Extract<Lat["site_slug"], "SAO">>().toEqualTypeOf<"SAO">();
    // (Exclude, not NonNullable: `T & {}` lets `string & {}` absorb the literals again.)
    expectTypeOf<Extract<Exclude<Filter, undefined>, "TYO2">>().toEqualTypeOf<"TYO2">();
    expectTypeOf<"MAD2">().toExtend<Exclude<Filter, undefined>>();
    expectTypeOf<"SAO">().toExtend<Lat["site_slug_known"]>();
    void lat.vpnSessions.getVpnSessions({ params: { query: { "filter[location]": "SAO" } } });
    void lat.vpnSessions.getVpnSessions({ params: { query: { "filter[location]": "MAD2" } } }); // a site newer than the spec
    // @ts-expect-error the slug is a string
    void lat.vpnSessions.getVpnSessions({ params: { query: { "filter[location]": 1 } } });
    // @ts-expect-error the parameter is literally named filter[location], not a deepObject `filter`
    void lat.vpnSessions.getVpnSessions({ params: { query: { filter: { location: "SAO" } } } });
  });
});

describe("options", () => {
  it("auth takes only the spec's scheme names; credentials are strings or (async) providers", () => {
    expectTypeOf<keyof NonNullable<OpenzitiEdgeClientOptions["auth"]>>().toEqualTypeOf<"oauth2" | "ztSession">();
    createOpenzitiEdgeClient({ auth: { ztSession: () => undefined, oauth2: async () => "t" } });
    // @ts-expect-error PingOne's scheme is "bearer"
    createPingoneManagementClient({ auth: { Bearer: "jwt" } });
    // @ts-expect-error Latitude's scheme is "Bearer"
    createLatitudeshClient({ auth: { apiKey: "key" } });
    // @ts-expect-error OpenZiti has no http bearer scheme
    createOpenzitiEdgeClient({ auth: { bearer: "t" } });
  });

  it("server: the index picks one of the spec's servers, each with its own variables, enums as their values", () => {
    type RegionalVariables = NonNullable<Extract<PingServerOption, { index?: 0 | undefined }>["variables"]>;
    expectTypeOf<RegionalVariables["suffix"]>().toEqualTypeOf<"asia" | "ca" | "com" | "com.au" | "eu" | undefined>();
    expectTypeOf<keyof RegionalVariables>().toEqualTypeOf<"baseDomain" | "protocol" | "suffix">();
    createPingoneManagementClient({ server: { variables: { suffix: "com.au" } } });
    createPingoneManagementClient({ server: { index: 0, variables: { suffix: "eu", protocol: "https" } } });
    createPingoneManagementClient({ server: { index: 1, variables: { baseHostname: "auth.example.com" } } });
    createLatitudeshClient({ server: { index: 1 } });
    // @ts-expect-error "de" is not one of PingOne's regional suffixes
    createPingoneManagementClient({ server: { variables: { suffix: "de" } } });
    // @ts-expect-error the second server takes a full host name, not a suffix
    createPingoneManagementClient({ server: { index: 1, variables: { suffix: "eu" } } });
    // @ts-expect-error PingOne lists two servers
    createPingoneManagementClient({ server: { index: 2 } });
    // @ts-expect-error Latitude's servers have no variables
    createLatitudeshClient({ server: { index: 1, variables: { host: "x" } } });
    // @ts-expect-error OpenZiti's spec lists one server
    createOpenzitiEdgeClient({ server: { index: 1 } });
  });
});

describe("errors", () => {
  it("isApiError narrows detailSession errors by status (401 | 404 bodies typed)", () => {
    const error: unknown = null;
    if (isApiError(error, "detailSession")) {
      expectTypeOf(error).toExtend<ApiError>();
      expectTypeOf(error.operationId).toBeString();
      if (error.status === 404) expectTypeOf(error.body).toEqualTypeOf<Edge["apiErrorEnvelope"]>();
      if (error.status === 401) expectTypeOf(error.body).toEqualTypeOf<Edge["apiErrorEnvelope"]>();
      // not declared for detailSession: read as the declared error bodies, or empty
      if (error.status === 500) expectTypeOf(error.body).toEqualTypeOf<Edge["apiErrorEnvelope"] | undefined>();
      // @ts-expect-error 2xx statuses never surface as errors
      if (error.status === 200) void error;
    }
    if (isManagementError(error, "deleteAPISessions") && error.status === 403) {
      expectTypeOf(error.body).toEqualTypeOf<Mgmt["apiErrorEnvelope"]>();
    }
    if (isPingError(error, "readUserSession") && error.status === 429) {
      expectTypeOf(error.body).toEqualTypeOf<PingComponents["schemas"]["P1Error"]>();
    }
    if (isLatitudeError(error, "delete-vpn-session")) {
      expectTypeOf(error.body).toBeUnknown(); // Latitude declares no error responses
    }
    // @ts-expect-error operation ids are checked
    isApiError(error, "detailAPISessions");
  });

  it("error classes are exported", () => {
    expectTypeOf<TimeoutError["kind"]>().toEqualTypeOf<"timeout">();
    expectTypeOf<NetworkError["kind"]>().toEqualTypeOf<"network">();
    expectTypeOf<ApiError["kind"]>().toEqualTypeOf<"api">();
  });
});

describe("pagination", () => {
  it("items() yields the list's item type, pages() the page body", () => {
    expectTypeOf(edge.session.listSessions.items()).toEqualTypeOf<AsyncIterableIterator<Edge["sessionDetail"]>>();
    expectTypeOf(edge.session.listSessions.pages({ params: { query: { limit: 5 } } })).toEqualTypeOf<
      AsyncIterableIterator<Edge["listSessionsEnvelope"]>
    >();
    expectTypeOf(mgmt.apiSession.listAPISessions.items()).toEqualTypeOf<
      AsyncIterableIterator<Mgmt["apiSessionDetail"]>
    >();
    expectTypeOf(mgmt.session.listSessions.items()).toEqualTypeOf<
      AsyncIterableIterator<Mgmt["sessionManagementDetail"]>
    >();
    // @ts-expect-error pages take the same typed arguments as the call
    void edge.session.listSessions.items({ params: { query: { limit: "5" } } });
    // PingOne's list has no x-pagination, so no helpers.
    expectTypeOf(ping.sessions.listUserSessions).not.toHaveProperty("items");
  });
});
