// Authentication (scheme alternatives, providers, placements) and redirect handling that keeps
// credentials on the original origin, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, createRuntime, type ClientOptions } from "../../generator/runtime/index.js";
import { definition, features, ops, type Schemes } from "./fixture.js";
import type { paths } from "./fixture-schema.js";
import { json, startServer, type TestServer } from "./server.js";

type P = paths;
let api: TestServer; // the API's origin
let other: TestServer; // a different origin (different port)

function echo(
  req: { method: string; url: string; headers: Record<string, unknown>; body: string; query: URLSearchParams },
  res: Parameters<typeof json>[0],
): void {
  json(res, 200, {
    method: req.method,
    url: req.url,
    headers: req.headers,
    body: req.body,
    query: Object.fromEntries(req.query),
  });
}

beforeAll(async () => {
  other = await startServer((req, res) => echo(req, res));
  api = await startServer((req, res) => {
    const hop = /^\/redirect\/(\d+)\/(same|other)\/(\d+)/.exec(req.path);
    if (hop) {
      const [, code, where, left] = hop;
      const n = Number(left);
      const target = n > 0 ? `/redirect/${code}/${where}/${n - 1}` : "/landed";
      const base = where === "other" && n === 0 ? other.url : "";
      res.writeHead(Number(code), { location: `${base}${target}${n === 0 ? "?api_key=echoed&keep=1" : ""}` });
      res.end("moved");
      return;
    }
    if (req.path === "/keyed" || req.path === "/sessions/x" || req.path === "/landed") return echo(req, res);
    if (req.path === "/sessions" && req.method === "GET") {
      if (req.headers["zt-session"] === undefined && req.headers.authorization === undefined)
        return json(res, 401, { message: "no auth" });
      return echo(req, res);
    }
    echo(req, res);
  });
});
afterAll(async () => {
  await api.close();
  await other.close();
});

type Echo = {
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
  body: string;
  query: Record<string, string>;
};
function rt(options: ClientOptions<Schemes>) {
  return createRuntime<P>(definition, { baseUrl: api.url, retry: false, ...options }, features);
}

describe("auth", () => {
  it("applies the first alternative whose schemes all have credentials", async () => {
    const detail = rt({ auth: { oauth2: "oauth-token" } }).operation<P["/sessions/{id}"]["get"]>(ops.detailSession);
    const seen = (await detail({ params: { path: { id: "x" } } })) as unknown as Echo;
    expect(seen.headers.authorization).toBe("Bearer oauth-token");
    expect(seen.headers["zt-session"]).toBeUndefined();

    const both = rt({ auth: { oauth2: "oauth-token", ztSession: "zt" } }).operation<P["/sessions/{id}"]["get"]>(
      ops.detailSession,
    );
    const seen2 = (await both({ params: { path: { id: "x" } } })) as unknown as Echo;
    expect(seen2.headers["zt-session"]).toBe("zt");
    expect(seen2.headers.authorization).toBeUndefined();
  });

  it("resolves (async) providers per call; undefined means try the next alternative", async () => {
    let n = 0;
    const detail = rt({
      auth: { ztSession: () => (n++ % 2 === 0 ? undefined : `zt${n}`), oauth2: async () => "fresh" },
    }).operation<P["/sessions/{id}"]["get"]>(ops.detailSession);
    const first = (await detail({ params: { path: { id: "x" } } })) as unknown as Echo;
    expect(first.headers).toMatchObject({ authorization: "Bearer fresh" });
    expect(first.headers["zt-session"]).toBeUndefined();
    const second = (await detail({ params: { path: { id: "x" } } })) as unknown as Echo;
    expect(second.headers["zt-session"]).toBe("zt2");
  });

  it("places apiKey credentials in query and cookie, and http bearer in Authorization", async () => {
    const q = (await rt({ auth: { apiKeyQuery: "k&1", apiKeyCookie: "c1" } }).operation(ops.keyed)()) as Echo;
    expect(q.query).toEqual({ api_key: "k&1" });
    expect(q.headers.cookie).toBeUndefined();
    const c = (await rt({ auth: { apiKeyCookie: "c1" } }).operation(ops.keyed)()) as Echo;
    expect(c.headers.cookie).toBe("sid=c1");
    const b = (await rt({ auth: { bearerAuth: "b1" } }).operation(ops.keyed)()) as Echo;
    expect(b.headers.authorization).toBe("Bearer b1");
  });

  it("encodes http basic from username/password (UTF-8) or takes a pre-encoded string", async () => {
    const create = rt({ auth: { basicAuth: { username: "üser", password: "p:w" } } }).operation<P["/sessions"]["post"]>(
      ops.createSession,
    );
    const seen = (await create({ body: { name: "n" } })) as unknown as Echo;
    expect(seen.headers.authorization).toBe(`Basic ${Buffer.from("üser:p:w", "utf8").toString("base64")}`);
    const pre = rt({ auth: { basicAuth: "dTpw" } }).operation<P["/sessions"]["post"]>(ops.createSession);
    expect(((await pre({ body: { name: "n" } })) as unknown as Echo).headers.authorization).toBe("Basic dTpw");
  });

  it("sends no credentials to operations without security, even when configured", async () => {
    let called = 0;
    const r = rt({
      auth: {
        ztSession: "zt",
        oauth2: () => {
          called++;
          return "t";
        },
      },
    });
    const seen = (await r.operation({ ...ops.deleteSession, method: "get", path: "/keyed" })()) as Echo;
    expect(seen.headers["zt-session"]).toBeUndefined();
    expect(seen.headers.authorization).toBeUndefined();
    expect(called).toBe(0);
  });

  it("sends without credentials when none is configured (server answers 401 -> ApiError)", async () => {
    const list = rt({}).operation<P["/sessions"]["get"]>(ops.listSessions);
    const error = await list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, body: { message: "no auth" }, operationId: "listSessions" });
  });

  it("rejects an unusable credential or unknown scheme at bind time", () => {
    expect(() => rt({ auth: { ztSession: { username: "u", password: "p" } } }).operation(ops.detailSession)).toThrow(
      /must be a string or a provider/,
    );
    expect(() => rt({}).operation({ ...ops.health, security: [["nope"]] })).toThrow(/unknown security scheme "nope"/);
  });
});

describe("redirects", () => {
  const creds = { apiKeyQuery: "secret-q", bearerAuth: "secret-b" } as const;
  // keyed-like operation whose path redirects; security needs both query key and bearer.
  const meta = (path: string, method: "get" | "post" | "put" = "get") => ({
    id: "redir",
    method,
    path,
    security: [["apiKeyQuery", "bearerAuth"]],
    bodyContentType: "application/json",
  });

  it("follows same-origin redirects keeping credentials", async () => {
    const before = api.requests.length; // other tests of this file may run first, in any order
    const seen = (await rt({ auth: creds }).operation(meta("/redirect/302/same/2"))()) as Echo;
    expect(seen.url).toBe("/landed?api_key=echoed&keep=1");
    expect(seen.headers.authorization).toBe("Bearer secret-b");
    expect(api.requests.slice(before).map((r) => [r.path, r.query.get("api_key")])).toEqual([
      ["/redirect/302/same/2", "secret-q"],
      ["/redirect/302/same/1", null],
      ["/redirect/302/same/0", null],
      ["/landed", "echoed"], // the server put it in the Location itself
    ]);
  });

  it("drops credential headers and query parameters when the origin changes", async () => {
    const before = other.requests.length;
    const seen = (await rt({ auth: creds, headers: { "x-custom": "kept" } }).operation(
      meta("/redirect/307/other/1"),
    )()) as Echo;
    expect(other.requests.length).toBe(before + 1);
    expect(seen.url).toBe("/landed?keep=1");
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.headers["x-custom"]).toBe("kept");
  });

  it("303 (and 301/302) switch to GET without a body; 307/308 keep method and body", async () => {
    const r = rt({ auth: creds });
    const body = { name: "b" };
    const s303 = (await r.operation<{ requestBody: { content: { "application/json": { name: string } } } }>(
      meta("/redirect/303/same/0", "post"),
    )({ body })) as unknown as Echo;
    expect(s303).toMatchObject({ method: "GET", body: "" });
    expect(s303.headers["content-type"]).toBeUndefined();
    const s308 = (await r.operation<{ requestBody: { content: { "application/json": { name: string } } } }>(
      meta("/redirect/308/same/1", "put"),
    )({ body })) as unknown as Echo;
    expect(s308).toMatchObject({ method: "PUT", body: '{"name":"b"}' });
    expect(s308.headers["content-type"]).toBe("application/json");
  });

  it("stops after 5 hops: the last 3xx surfaces as an ApiError", async () => {
    const before = api.requests.length;
    const error = await rt({ auth: creds })
      .operation(meta("/redirect/302/same/9"))()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(302);
    expect(api.requests.slice(before).map((r) => r.path)).toEqual(
      [9, 8, 7, 6, 5, 4].map((n) => `/redirect/302/same/${n}`),
    );
  });
});
