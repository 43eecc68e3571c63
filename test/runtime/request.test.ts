// Request building and response parsing over real HTTP: base URL, path/query/header/cookie
// parameters, bodies, response parsing, headers, injectable fetch and the raw client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntime, serverVariables, type ClientOptions } from "../../generator/runtime/index.js";
import { createRawClient } from "../../generator/runtime/raw.js";
import { definition, features, ops, type Schemes } from "./fixture.js";
import type { paths } from "./fixture-schema.js";
import { startServer, type TestServer } from "./server.js";

type P = paths;
let server: TestServer;
let port: string;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.path.endsWith("/health")) {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
    } else if (req.method === "DELETE") {
      res.writeHead(204);
      res.end();
    } else if (req.path.endsWith("/empty")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end();
    } else if (req.method === "POST") {
      res.writeHead(201, { "content-type": "application/vnd.api+json" });
      res.end(JSON.stringify({ id: "new", name: JSON.parse(req.body).name }));
    } else {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(
        JSON.stringify({
          path: req.path,
          url: req.url,
          query: [...req.query.entries()],
          headers: req.headers,
          body: req.body,
        }),
      );
    }
  });
  port = new URL(server.url).port;
});
afterAll(() => server.close());

type Echo = { path: string; url: string; query: [string, string][]; headers: Record<string, string>; body: string };
function rt(options: ClientOptions<Schemes> = {}) {
  return createRuntime<P>(
    definition,
    { server: { variables: { port } }, ...options },
    { ...features, serverVariables },
  );
}

describe("base URL", () => {
  it("uses server[0] with variable defaults, filled by server.variables", async () => {
    const detail = rt().operation<P["/sessions/{id}"]["get"]>(ops.detailSession);
    expect(((await detail({ params: { path: { id: "a" } } })) as unknown as Echo).path).toBe("/v1/sessions/a");
    const v2 = rt({ server: { variables: { port, basePath: "v2" } } }).operation<P["/sessions/{id}"]["get"]>(
      ops.detailSession,
    );
    expect(((await v2({ params: { path: { id: "a" } } })) as unknown as Echo).path).toBe("/v2/sessions/a");
  });

  it("rejects values outside a variable's enum and unknown variables or indexes", () => {
    expect(() => rt({ server: { variables: { port, basePath: "v3" } } })).toThrow(/basePath.*"v1", "v2".*"v3"/);
    expect(() => rt({ server: { variables: { nope: "x" } } })).toThrow(/no variable "nope"/);
    expect(() => rt({ server: { index: 5 } })).toThrow(/server index 5/);
    expect(() => createRuntime({ servers: [], securitySchemes: {} })).toThrow(/baseUrl/);
    expect(() => createRuntime({ servers: [{ url: "/relative", variables: {} }], securitySchemes: {} })).toThrow(
      /not absolute/,
    );
  });

  it("baseUrl overrides servers, trailing slashes are dropped", async () => {
    const health = createRuntime<P>(definition, { baseUrl: `${server.url}/base//` }).operation<P["/health"]["get"]>(
      ops.health,
    );
    await health();
    expect(server.requests.at(-1)?.url).toBe("/base/health");
  });

  it("server.index picks another server", async () => {
    // server[1] is 127.0.0.1:2 (nothing listens): proves selection through the NetworkError message/URL.
    const health = createRuntime<P>(definition, { server: { index: 1 }, retry: false }).operation<P["/health"]["get"]>(
      ops.health,
    );
    await expect(health()).rejects.toMatchObject({ kind: "network" });
  });
});

describe("path parameters", () => {
  const detail = () => rt().operation<P["/sessions/{id}"]["get"]>(ops.detailSession);
  it("percent-encodes values so they cannot change the path", async () => {
    for (const [id, expected] of [
      ["../admin", "/v1/sessions/..%2Fadmin"],
      ["a/b?c#d", "/v1/sessions/a%2Fb%3Fc%23d"],
      ["sp ace", "/v1/sessions/sp%20ace"],
    ] as const) {
      const echo = (await detail()({ params: { path: { id } } })) as unknown as Echo;
      expect(echo.path).toBe(expected);
      expect(echo.query).toEqual([]);
    }
  });
  it("throws a clear error for a missing, empty or dot-segment value", async () => {
    await expect(detail()({ params: { path: {} as { id: string } } })).rejects.toThrow(
      'detailSession: missing required path parameter "id"',
    );
    await expect(detail()({ params: { path: { id: "" } } })).rejects.toThrow(/missing required path parameter/);
    await expect(detail()({ params: { path: { id: ".." } } })).rejects.toThrow(/cannot be "\.\."/);
  });
});

describe("query, header and cookie parameters", () => {
  it("form/explode: brackets in names are percent-encoded and parse back as the literal key; arrays repeat; undefined skipped", async () => {
    const list = rt().operation<P["/sessions"]["get"]>(ops.listSessions);
    const echo = (await list({
      params: {
        query: { "filter[location]": "SAO", tags: ["a", "b c"], limit: undefined as unknown as number, offset: 0 },
      },
    })) as unknown as Echo;
    expect(echo.url).toBe("/v1/sessions?filter%5Blocation%5D=SAO&tags=a&tags=b%20c&offset=0");
    expect(echo.query).toEqual([
      ["filter[location]", "SAO"],
      ["tags", "a"],
      ["tags", "b c"],
      ["offset", "0"],
    ]);
  });

  it("honours non-default styles from OperationMeta.query", async () => {
    const op = rt().operation<{ parameters: { query: { a: string[]; b: string[]; o: { x: number; y: string } } } }>({
      ...ops.health,
      path: "/styled",
      query: {
        a: { explode: false },
        b: { style: "pipeDelimited", explode: false },
        o: { style: "deepObject", explode: true },
      },
    });
    const echo = (await op({
      params: { query: { a: ["1", "2"], b: ["3", "4"], o: { x: 1, y: "z" } } },
    })) as unknown as Echo;
    expect(echo.query).toEqual([
      ["a", "1,2"],
      ["b", "3|4"],
      ["o[x]", "1"],
      ["o[y]", "z"],
    ]);
  });

  it("sends header and cookie parameters", async () => {
    const op = rt().operation<{ parameters: { header: { "X-Trace": string }; cookie: { pref: string } } }>({
      ...ops.health,
      path: "/h",
    });
    const echo = (await op({ params: { header: { "X-Trace": "t1" }, cookie: { pref: "a b" } } })) as unknown as Echo;
    expect(echo.headers["x-trace"]).toBe("t1");
    expect(echo.headers.cookie).toBe("pref=a%20b");
  });
});

describe("bodies and responses", () => {
  it("serializes JSON with the operation's +json content type and parses +json responses", async () => {
    const create = rt({ auth: { basicAuth: { username: "u", password: "p" } } }).operation<P["/sessions"]["post"]>(
      ops.createSession,
    );
    await expect(create({ body: { name: "n1" } })).resolves.toEqual({ id: "new", name: "n1" });
    const seen = server.requests.at(-1);
    expect(seen?.headers["content-type"]).toBe("application/vnd.api+json");
    expect(seen?.body).toBe('{"name":"n1"}');
  });

  it("sends application/json bodies and parses JSON with charset parameters", async () => {
    const update = rt().operation<P["/sessions/{id}"]["put"]>(ops.updateSession);
    const echo = (await update({ params: { path: { id: "1" } }, body: { name: "z" } })) as unknown as Echo;
    expect(echo.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(echo.body)).toEqual({ name: "z" });
  });

  it("204 and empty bodies give undefined, other types give text", async () => {
    const r = rt();
    await expect(
      r.operation<P["/sessions/{id}"]["delete"]>(ops.deleteSession)({ params: { path: { id: "1" } } }),
    ).resolves.toBeUndefined();
    await expect(r.operation({ ...ops.health, path: "/empty" })()).resolves.toBeUndefined();
    await expect(r.operation<P["/health"]["get"]>(ops.health)()).resolves.toBe("ok");
  });
});

describe("headers, fetch options, injectable fetch, raw", () => {
  it("merges client headers, per-call headers (case-insensitively, call wins) and passes fetchOptions", async () => {
    const health = rt({ headers: { "X-Client": "c", "X-Both": "client" } }).operation({ ...ops.health, path: "/echo" });
    const echo = (await health(undefined, {
      headers: { "x-both": "call", "X-Call": "k" },
      fetchOptions: { keepalive: true },
    })) as Echo;
    expect(echo.headers).toMatchObject({ "x-client": "c", "x-both": "call", "x-call": "k" });
  });

  it("calls an injected fetch with a Request", async () => {
    const seen: Request[] = [];
    const health = rt({
      fetch: (req) => {
        seen.push(req);
        return fetch(req);
      },
    }).operation<P["/health"]["get"]>(ops.health);
    await expect(health()).resolves.toBe("ok");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(Request);
    expect(seen[0]?.url).toBe(`${server.url}/v1/health`);
  });

  it("raw is openapi-fetch configured with the same baseUrl, fetch, headers and query serializer", async () => {
    let calls = 0;
    const raw = createRawClient<P>(definition, {
      server: { variables: { port } },
      headers: { "x-client": "c" },
      fetch: (req) => {
        calls++;
        return fetch(req);
      },
    });
    const { data, response } = await raw.GET("/sessions", { params: { query: { "filter[location]": "SAO" } } });
    expect(response.status).toBe(200);
    expect(calls).toBe(1);
    const echo = data as unknown as Echo;
    expect(echo.url).toBe("/v1/sessions?filter%5Blocation%5D=SAO");
    expect(echo.headers["x-client"]).toBe("c");
  });
});
