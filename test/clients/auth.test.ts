/**
 * Credentials, servers and wire details of the generated clients, over real HTTP against a
 * node:http server on 127.0.0.1 (imported by package name, as users do).
 *
 * - Auth from each spec's security schemes: OpenZiti `zt-session` apiKey OR oauth2 bearer
 *   (deleteAPISessions: zt-session only), PingOne HTTP bearer, Latitude apiKey in
 *   `Authorization` sent verbatim; static values and (async) providers.
 * - Servers: the spec's servers by default (checked with a recording `fetch`, the only
 *   stand-in here: those hosts are not reachable from tests), `baseUrl` override, PingOne's
 *   regional server variables.
 * - `filter[location]` on the wire, path parameters that cannot change the path, and PingOne's
 *   correlation headers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createLatitudeshClient, type LatitudeshClientOptions } from "@apigen/latitudesh";
import { createOpenzitiEdgeClient, type OpenzitiEdgeClientOptions } from "@apigen/openziti-edge-client";
import {
  createOpenzitiEdgeManagementClient,
  isApiError as isManagementError,
  type OpenzitiEdgeManagementClientOptions,
} from "@apigen/openziti-edge-management";
import { createPingoneManagementClient, type PingoneManagementClientOptions } from "@apigen/pingone-management";
import { json, startServer, type Seen, type TestServer } from "../runtime/server.js";

const EDGE = "/edge/client/v1";
const MGMT = "/edge/management/v1";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.path.startsWith("/edge/")) {
      // OpenZiti: every operation needs a zt-session or a bearer token.
      if (req.headers["zt-session"] === undefined && req.headers.authorization === undefined) {
        return json(res, 401, { meta: {}, error: { code: "UNAUTHORIZED", message: "No valid session was supplied." } });
      }
      return json(res, 200, { meta: {}, data: req.method === "DELETE" ? {} : [] });
    }
    if (req.method === "DELETE") {
      res.writeHead(204);
      res.end();
      return;
    }
    if (req.path.startsWith("/vpn_sessions"))
      return json(res, 200, { data: [], meta: {} }, { "content-type": "application/vnd.api+json" });
    json(res, 200, { id: "sess-1" });
  });
});
afterAll(() => server.close());

/** Runs one call and returns the single request the server received for it (and the outcome). */
async function sent(call: () => Promise<unknown>): Promise<Seen & { outcome: unknown }> {
  const before = server.requests.length;
  const outcome = await call().catch((error: unknown) => error);
  const requests = server.requests.slice(before);
  expect(requests, "exactly one request per call").toHaveLength(1);
  return { ...(requests[0] as Seen), outcome };
}

const credentialHeaders = (seen: Seen) => ({
  authorization: seen.headers.authorization,
  "zt-session": seen.headers["zt-session"],
});
const retry = false as const;
const edge = (auth: OpenzitiEdgeClientOptions["auth"]) =>
  createOpenzitiEdgeClient({ baseUrl: server.url + EDGE, retry, auth });
const management = (auth: OpenzitiEdgeManagementClientOptions["auth"]) =>
  createOpenzitiEdgeManagementClient({ baseUrl: server.url + MGMT, retry, auth });
const pingone = (auth: PingoneManagementClientOptions["auth"]) =>
  createPingoneManagementClient({ baseUrl: `${server.url}/v1`, retry, auth });
const latitude = (auth: LatitudeshClientOptions["auth"]) =>
  createLatitudeshClient({ baseUrl: server.url, retry, auth });
const ids = { environmentID: "env-1", userID: "user-1", sessionID: "sess-1" };

describe("OpenZiti: zt-session apiKey OR oauth2 access token", () => {
  it("a static zt-session goes verbatim in the zt-session header, nothing in Authorization", async () => {
    const seen = await sent(() =>
      edge({ ztSession: "zt-123" }).session.detailSession({ params: { path: { id: "s1" } } }),
    );
    expect(credentialHeaders(seen)).toEqual({ authorization: undefined, "zt-session": "zt-123" });
    const seen2 = await sent(() => management({ ztSession: "zt-admin" }).session.listSessions());
    expect(credentialHeaders(seen2)).toEqual({ authorization: undefined, "zt-session": "zt-admin" });
  });

  it("an oauth2 access token alone is sent as Authorization: Bearer, no zt-session", async () => {
    const api = edge({ oauth2: "oidc-access" });
    for (const call of [
      () => api.session.listSessions(),
      () => api.session.createSession({ body: { serviceId: "svc", type: "Bind" } }),
    ]) {
      expect(credentialHeaders(await sent(call))).toEqual({
        authorization: "Bearer oidc-access",
        "zt-session": undefined,
      });
    }
  });

  it("with both configured, the spec's first alternative (ztSession) is used, never both", async () => {
    const api = management({ ztSession: "zt-admin", oauth2: "oidc-admin" });
    for (const call of [
      () => api.apiSession.listAPISessions(),
      () => api.session.detailSessionRoutePath({ params: { path: { id: "s1" } } }),
    ]) {
      expect(credentialHeaders(await sent(call))).toEqual({ authorization: undefined, "zt-session": "zt-admin" });
    }
  });

  it("async providers are asked once per call, so a refreshed token is used", async () => {
    let calls = 0;
    const api = edge({ ztSession: async () => `zt-${++calls}` });
    expect((await sent(() => api.session.listSessions())).headers["zt-session"]).toBe("zt-1");
    expect(
      (await sent(() => api.session.deleteSession({ params: { path: { id: "s1" } } }))).headers["zt-session"],
    ).toBe("zt-2");
    expect(calls).toBe(2);
  });

  it("a provider answering undefined (no session yet) makes the oauth2 alternative apply", async () => {
    let session: string | undefined = undefined; // no session yet; the test signs in below
    const api = edge({ ztSession: () => session, oauth2: async () => "oidc-fresh" });
    expect(credentialHeaders(await sent(() => api.session.listSessions()))).toEqual({
      authorization: "Bearer oidc-fresh",
      "zt-session": undefined,
    });
    session = "zt-now";
    expect(credentialHeaders(await sent(() => api.session.listSessions()))).toEqual({
      authorization: undefined,
      "zt-session": "zt-now",
    });
  });

  it("deleteAPISessions accepts ztSession only: with both it sends zt-session", async () => {
    const seen = await sent(() =>
      management({ ztSession: "zt-admin", oauth2: "oidc-admin" }).apiSession.deleteAPISessions({
        params: { path: { id: "as1" } },
      }),
    );
    expect(credentialHeaders(seen)).toEqual({ authorization: undefined, "zt-session": "zt-admin" });
  });

  it("deleteAPISessions never sends the oauth2 token, even when only oauth2 is configured", async () => {
    let asked = 0;
    for (const oauth2 of ["oidc-admin", async () => `oidc-${++asked}`]) {
      const api = management({ oauth2 });
      // The other operations of the same client do use it...
      expect(
        credentialHeaders(await sent(() => api.apiSession.detailAPISessions({ params: { path: { id: "as1" } } }))),
      ).toMatchObject({
        authorization: expect.stringMatching(/^Bearer oidc-/),
      });
      // ...deleteAPISessions goes without credentials, and the API's 401 surfaces typed.
      const seen = await sent(() => api.apiSession.deleteAPISessions({ params: { path: { id: "as1" } } }));
      expect(credentialHeaders(seen)).toEqual({ authorization: undefined, "zt-session": undefined });
      const error = seen.outcome;
      expect(isManagementError(error, "deleteAPISessions") && error.status === 401 && error.body.error.code).toBe(
        "UNAUTHORIZED",
      );
    }
    expect(asked).toBe(1); // the provider was only asked for detailAPISessions
  });

  it("without credentials nothing is sent and the 401 surfaces", async () => {
    const seen = await sent(() => edge(undefined).session.listSessions());
    expect(credentialHeaders(seen)).toEqual({ authorization: undefined, "zt-session": undefined });
    expect(seen.outcome).toMatchObject({ status: 401, operationId: "listSessions" });
  });
});

describe("PingOne: HTTP bearer", () => {
  it("static and async tokens go in Authorization: Bearer on every operation", async () => {
    let n = 0;
    for (const [bearer, expected] of [
      ["p1-jwt", ["p1-jwt", "p1-jwt", "p1-jwt"]],
      [async () => `jwt-${++n}`, ["jwt-1", "jwt-2", "jwt-3"]],
    ] as const) {
      const api = pingone({ bearer });
      const seen = [
        await sent(() =>
          api.sessions.listUserSessions({ params: { path: { environmentID: "env-1", userID: "user-1" } } }),
        ),
        await sent(() => api.sessions.readUserSession({ params: { path: ids } })),
        await sent(() => api.sessions.deleteUserSession({ params: { path: ids } })),
      ];
      expect(seen.map(credentialHeaders)).toEqual(
        expected.map((token) => ({ authorization: `Bearer ${token}`, "zt-session": undefined })),
      );
    }
  });
});

describe("Latitude.sh: API key in Authorization, verbatim", () => {
  it("sends the static key as the whole Authorization value, with no Bearer prefix", async () => {
    const api = latitude({ Bearer: "lat_9f8e7d" });
    const seen = [
      await sent(() => api.vpnSessions.getVpnSessions()),
      await sent(() =>
        api.vpnSessions.postVpnSession({ body: { data: { type: "vpn_sessions", attributes: { site: "SAO" } } } }),
      ),
      await sent(() => api.vpnSessions.putVpnSession({ params: { path: { vpn_session_id: "vpn_1" } } })),
      await sent(() => api.vpnSessions.deleteVpnSession({ params: { path: { vpn_session_id: "vpn_1" } } })),
    ];
    expect(seen.map((s) => s.headers.authorization)).toEqual(["lat_9f8e7d", "lat_9f8e7d", "lat_9f8e7d", "lat_9f8e7d"]);
  });

  it("takes the key from an async provider, still verbatim", async () => {
    const seen = await sent(() => latitude({ Bearer: async () => "lat_from_vault" }).vpnSessions.getVpnSessions());
    expect(seen.headers.authorization).toBe("lat_from_vault");
  });
});

// ---------------------------------------------------------------------------

type Spec = { servers: { url: string; variables?: Record<string, { default: string; enum?: string[] }> }[] };
function specServer(provider: string, index = 0, values: Record<string, string> = {}): string {
  const spec = parse(readFileSync(join(import.meta.dirname, "..", "..", "specs", `${provider}.yaml`), "utf8")) as Spec;
  const server = spec.servers[index];
  if (server === undefined) throw new Error(`${provider}: no server ${index}`);
  return server.url.replace(
    /\{(\w+)\}/g,
    (_m, name: string) => values[name] ?? server.variables?.[name]?.default ?? `{${name}}`,
  );
}

/** A fetch stand-in that records the URL and answers locally (the spec hosts are not reachable). */
function recorder(body: unknown = {}, status = 200) {
  const urls: string[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    urls.push(request.url);
    return status === 204
      ? new Response(null, { status })
      : new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  };
  return { urls, fetch };
}

describe("servers", () => {
  it("default to the spec's first server", async () => {
    const z = recorder({ meta: {}, data: [] });
    await createOpenzitiEdgeClient({ fetch: z.fetch }).session.listSessions();
    await createOpenzitiEdgeManagementClient({ fetch: z.fetch }).apiSession.listAPISessions();
    const p = recorder();
    await createPingoneManagementClient({ fetch: p.fetch }).sessions.listUserSessions({
      params: { path: { environmentID: "env-1", userID: "user-1" } },
    });
    const l = recorder({ data: [] });
    await createLatitudeshClient({ fetch: l.fetch }).vpnSessions.getVpnSessions();

    expect([...z.urls, ...p.urls, ...l.urls]).toEqual([
      "https://demo.ziti.dev/edge/client/v1/sessions",
      "https://demo.ziti.dev/edge/management/v1/api-sessions",
      "https://api.pingone.com/v1/environments/env-1/users/user-1/sessions",
      "https://api.latitude.sh/vpn_sessions",
    ]);
    expect([
      specServer("openziti-edge-client"),
      specServer("openziti-edge-management"),
      specServer("pingone-management"),
      specServer("latitudesh"),
    ]).toEqual([
      "https://demo.ziti.dev/edge/client/v1",
      "https://demo.ziti.dev/edge/management/v1",
      "https://api.pingone.com/v1",
      "https://api.latitude.sh",
    ]);
  });

  it("server.index picks another spec server (Latitude over plain HTTP)", async () => {
    const l = recorder({ data: [] });
    await createLatitudeshClient({ server: { index: 1 }, fetch: l.fetch }).vpnSessions.getVpnSessions();
    expect(l.urls).toEqual([`${specServer("latitudesh", 1)}/vpn_sessions`]);
    expect(l.urls).toEqual(["http://api.latitude.sh/vpn_sessions"]);
  });

  it("PingOne's regional suffix is selectable from the spec's enum", async () => {
    const regions = [
      ["eu", "https://api.pingone.eu/v1"],
      ["asia", "https://api.pingone.asia/v1"],
      ["ca", "https://api.pingone.ca/v1"],
      ["com.au", "https://api.pingone.com.au/v1"],
      ["com", "https://api.pingone.com/v1"],
    ] as const;
    for (const [suffix, host] of regions) {
      const r = recorder(undefined, 204);
      await createPingoneManagementClient({
        server: { variables: { suffix } },
        fetch: r.fetch,
      }).sessions.deleteUserSession({ params: { path: ids } });
      expect(r.urls).toEqual([`${host}/environments/env-1/users/user-1/sessions/sess-1`]);
      expect(specServer("pingone-management", 0, { suffix })).toBe(host);
    }
  });

  // The types already refuse these (test/clients/clients.test-d.ts); JavaScript callers get the runtime check.
  it("PingOne rejects a suffix outside the enum and variables the server does not have", () => {
    // @ts-expect-error not one of the spec's suffixes
    expect(() => createPingoneManagementClient({ server: { variables: { suffix: "de" } } })).toThrow(
      'server variable "suffix" must be one of "asia", "ca", "com", "com.au", "eu"; got "de"',
    );
    // @ts-expect-error no such variable
    expect(() => createPingoneManagementClient({ server: { variables: { region: "eu" } } })).toThrow(
      /no variable "region"/,
    );
    // @ts-expect-error PingOne lists two servers
    expect(() => createPingoneManagementClient({ server: { index: 2 } })).toThrow(
      /server index 2 out of range \(2 servers\)/,
    );
  });

  it("PingOne's second server takes any host name (here the test server, over HTTP)", async () => {
    const host = new URL(server.url).host;
    const api = createPingoneManagementClient({
      server: { index: 1, variables: { protocol: "http", baseHostname: host } },
      auth: { bearer: "t" },
    });
    const seen = await sent(() => api.sessions.readUserSession({ params: { path: ids } }));
    expect(seen.url).toBe("/v1/environments/env-1/users/user-1/sessions/sess-1");
    expect(seen.headers.host).toBe(host);
    expect(seen.outcome).toEqual({ id: "sess-1" });
  });

  it("baseUrl overrides the servers (self-hosted controller; trailing slash ignored)", async () => {
    const api = createOpenzitiEdgeClient({ baseUrl: `${server.url}${EDGE}/`, auth: { ztSession: "zt" } });
    expect((await sent(() => api.session.listSessions())).url).toBe(`${EDGE}/sessions`);
  });
});

describe("on the wire", () => {
  it("Latitude's filter[location] is one query parameter with that literal name", async () => {
    const api = latitude({ Bearer: "lat" });
    const sao = await sent(() => api.vpnSessions.getVpnSessions({ params: { query: { "filter[location]": "SAO" } } }));
    // Raw request target: the brackets are percent-encoded (RFC 3986 does not allow them raw in a
    // query); every server decodes the name back to `filter[location]`. Not deepObject: no `filter=`.
    expect(sao.url).toBe("/vpn_sessions?filter%5Blocation%5D=SAO");
    expect([...sao.query.entries()]).toEqual([["filter[location]", "SAO"]]);
    // The site list is open: a slug the spec does not know is sent as is.
    const newSite = await sent(() =>
      api.vpnSessions.getVpnSessions({ params: { query: { "filter[location]": "MAD2" } } }),
    );
    expect(newSite.url).toBe("/vpn_sessions?filter%5Blocation%5D=MAD2");
    expect((await sent(() => api.vpnSessions.getVpnSessions())).url).toBe("/vpn_sessions");
  });

  it("path parameters are percent-encoded, so an id like ../admin cannot change the path", async () => {
    const zt = edge({ ztSession: "zt" });
    const mgmt = management({ ztSession: "zt" });
    const p1 = pingone({ bearer: "t" });
    const lat = latitude({ Bearer: "k" });
    const cases: [() => Promise<unknown>, string][] = [
      [() => zt.session.detailSession({ params: { path: { id: "../admin" } } }), `${EDGE}/sessions/..%2Fadmin`],
      [() => zt.session.deleteSession({ params: { path: { id: "a/b?c#d" } } }), `${EDGE}/sessions/a%2Fb%3Fc%23d`],
      [
        () => mgmt.apiSession.deleteAPISessions({ params: { path: { id: "../../admin" } } }),
        `${MGMT}/api-sessions/..%2F..%2Fadmin`,
      ],
      [
        () => mgmt.session.detailSessionRoutePath({ params: { path: { id: "%2e%2e" } } }),
        `${MGMT}/sessions/%252e%252e/route-path`,
      ],
      [
        () =>
          p1.sessions.readUserSession({
            params: { path: { environmentID: "../admin", userID: "u 1", sessionID: "s?1" } },
          }),
        "/v1/environments/..%2Fadmin/users/u%201/sessions/s%3F1",
      ],
      [
        () => lat.vpnSessions.putVpnSession({ params: { path: { vpn_session_id: "../admin" } } }),
        "/vpn_sessions/..%2Fadmin/refresh_password",
      ],
    ];
    for (const [call, target] of cases) {
      const seen = await sent(call);
      expect(seen.url).toBe(target);
    }
  });

  it("a bare .. or . path parameter is refused before anything is sent", async () => {
    const before = server.requests.length;
    await expect(edge({ ztSession: "zt" }).session.detailSession({ params: { path: { id: ".." } } })).rejects.toThrow(
      /detailSession: path parameter "id" cannot be "\.\."/,
    );
    await expect(
      latitude({ Bearer: "k" }).vpnSessions.deleteVpnSession({ params: { path: { vpn_session_id: "." } } }),
    ).rejects.toThrow(/cannot be "\."/);
    expect(server.requests.length).toBe(before);
  });

  it("PingOne's correlation headers arrive under their names with the exact values", async () => {
    const api = createPingoneManagementClient({
      baseUrl: `${server.url}/v1`,
      auth: { bearer: "t" },
      headers: { "X-Ping-External-Session-ID": "client-default" },
    });
    const value = "tx.1_a-b/c@d=e#f+g";
    const seen = await sent(() =>
      api.sessions.readUserSession({
        params: {
          path: ids,
          header: { "X-Ping-External-Transaction-ID": value, "X-Ping-External-Session-ID": "app-session-7" },
        },
      }),
    );
    // Header names are case-insensitive (fetch sends them lower-cased); no other x-ping header appears.
    expect(
      Object.keys(seen.headers)
        .filter((name) => name.startsWith("x-ping"))
        .sort(),
    ).toEqual(["X-Ping-External-Session-ID", "X-Ping-External-Transaction-ID"].map((name) => name.toLowerCase()));
    expect(seen.headers["x-ping-external-transaction-id"]).toBe(value);
    expect(seen.headers["x-ping-external-session-id"]).toBe("app-session-7"); // the header parameter beats the client default

    const withDefault = await sent(() => api.sessions.deleteUserSession({ params: { path: ids } }));
    expect(withDefault.headers["x-ping-external-session-id"]).toBe("client-default");
    expect(withDefault.headers["x-ping-external-transaction-id"]).toBeUndefined();
  });
});
