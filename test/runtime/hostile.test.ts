// Hostile answers and hostile configuration, over real HTTP on 127.0.0.1: each defence of the
// README's security section has a table here. No timing assumptions: "never settles" cases use a
// small timeoutMs or an abort and assert the error class, not how long it took.
import type { ServerResponse } from "node:http";
import { inspect } from "node:util";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  createRuntime,
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_RESPONSE_BYTES,
  NetworkError,
  offsetPages,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  UsageError,
  type ClientOptions,
  type Middleware,
} from "../../generator/runtime/index.js";
import { createRawClient } from "../../generator/runtime/raw.js";
import { REDACTED, redactHeaders, redactUrl } from "../../generator/runtime/redact.js";
import { definition, features, ops } from "./fixture.js";
import type { paths } from "./fixture-schema.js";
import { closedPort, json, startServer, type Handler, type TestServer } from "./server.js";

type P = paths;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(handler: Handler, options: ClientOptions = {}) {
  server = await startServer(handler);
  return createRuntime<P>(
    definition,
    { baseUrl: server.url, retry: false, ...options },
    { ...features, pagers: { offset: offsetPages } },
  );
}
const ok: Handler = (_req, res) => json(res, 200, { ok: true });
/** The "./raw" entry's client on a server of its own. */
async function setupRaw(handler: Handler) {
  server = await startServer(handler);
  return createRawClient<P>(definition, { baseUrl: server.url });
}

describe("timeoutMs of any size", () => {
  it.each([2 ** 31 - 1, 2 ** 31, 2 ** 40, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Infinity])(
    "timeoutMs %d does not fire at once",
    async (timeoutMs) => {
      const rt = await setup(ok);
      await expect(rt.operation(ops.health)(undefined, { timeoutMs })).resolves.toEqual({ ok: true });
    },
  );
});

describe("a call the deadline cut short lets go of its connection", () => {
  // The budget is not a signal on the request (runtime/deadline.ts): the call fails at the deadline,
  // and the connection is closed as soon as the server next sends something, never kept for its answer.
  const cases: [string, (res: ServerResponse) => void, (res: ServerResponse) => void][] = [
    [
      "answers after the deadline",
      () => undefined,
      (res) => void res.writeHead(200, { "content-type": "application/json" }).write("["),
    ],
    [
      "drips its body past the deadline",
      (res) => void res.writeHead(200, { "content-type": "application/json" }).write("["),
      (res) => void res.write("1,"),
    ],
  ];
  it.each(cases)(
    "a server that %s sees the connection closed",
    async (_name, first, later) => {
      let held!: (res: ServerResponse) => void;
      const response = new Promise<ServerResponse>((resolve) => (held = resolve));
      const rt = await setup((_req, res) => {
        first(res);
        held(res);
      });
      const call = rt.operation(ops.health)(undefined, { timeoutMs: 50 });
      await expect(call).rejects.toBeInstanceOf(TimeoutError);
      const res = await response;
      const closed = new Promise<void>((resolve) => res.on("close", resolve));
      later(res);
      await closed; // without the release the connection stays open and the test times out
      expect(res.writableFinished).toBe(false);
    },
    5000,
  ); // the close follows within milliseconds; left to itself the connection lingers 10 s and more
});

describe("middleware inside the deadline and the caller's signal", () => {
  const never = () => new Promise<never>(() => undefined);
  // Each hook on a path that reaches it: /health answers, /reset drops the connection (onError).
  const stuck: [string, string, Middleware][] = [
    ["onRequest", "/health", { onRequest: never }],
    ["onResponse", "/health", { onResponse: never }],
    ["onError", "/reset", { onError: never }],
  ];
  const handler: Handler = (req, res) => (req.path === "/health" ? ok(req, res, 0) : void res.socket?.destroy());
  it.each(stuck)("a %s that never settles ends in TimeoutError", async (_name, path, m) => {
    const rt = await setup(handler, { middleware: [m] });
    await expect(rt.operation({ ...ops.health, path })(undefined, { timeoutMs: 50 })).rejects.toBeInstanceOf(
      TimeoutError,
    );
  });
  it.each(stuck)("a %s that never settles ends with the caller's abort reason", async (_name, path, m) => {
    let hooked!: () => void;
    const reached = new Promise<void>((resolve) => (hooked = resolve));
    const spy: Middleware = { onRequest: () => void hooked() };
    const rt = await setup(handler, { middleware: [m, spy] });
    const controller = new AbortController();
    const reason = new Error("cancelled");
    const pending = rt.operation({ ...ops.health, path })(undefined, { signal: controller.signal });
    if (_name !== "onRequest") await reached; // abort once the call is inside the middleware chain
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});

describe("redirects only to http: and https:", () => {
  it.each([
    ["data:", 302, 'data:application/json,{"stolen":true}'],
    ["data: (307)", 307, "data:text/plain,hello"],
    ["file:", 301, "file:///etc/passwd"],
    ["javascript:", 302, "javascript:alert(1)"],
    ["ftp:", 303, "ftp://127.0.0.1/x"],
    ["blob:", 308, "blob:http://127.0.0.1/x"],
  ])("a redirect to %s is not followed: the 3xx rejects as ApiError", async (_name, status, location) => {
    const rt = await setup((_req, res) => {
      res.writeHead(status, { location });
      res.end();
    });
    const error = await rt
      .operation(ops.health)()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status });
    expect(server?.requests).toHaveLength(1);
  });
});

describe("raw follows the same credential rules as the methods", () => {
  it("a per-call credential header on raw stays on its origin; same-origin hops keep it", async () => {
    const other = await startServer(ok);
    try {
      const raw = await setupRaw((req, res) => {
        res.writeHead(302, { location: req.path === "/cross" ? `${other.url}/landed` : "/health-same" });
        res.end();
      });
      const headers = {
        "zt-session": "MARKER-raw-1",
        authorization: "Bearer MARKER-raw-2",
        cookie: "sid=MARKER-raw-3",
      };
      const cross = await raw.GET("/cross" as "/health", { headers });
      expect(cross.response.status).toBe(200);
      expect(other.requests).toHaveLength(1);
      expect(JSON.stringify(other.requests[0]?.headers)).not.toContain("MARKER");
      await raw.GET("/same" as "/health", { headers });
      expect(server?.requests[2]?.headers["zt-session"]).toBe("MARKER-raw-1"); // /cross, /same, /health-same
    } finally {
      await other.close();
    }
  });

  it("raw does not follow a redirect to data:", async () => {
    const raw = await setupRaw((_req, res) => {
      res.writeHead(302, { location: 'data:application/json,{"stolen":true}' });
      res.end();
    });
    const { data, response } = await raw.GET("/health");
    expect(response.status).toBe(302);
    expect(data).toBeUndefined();
  });
});

/** Every way an error can be shown or serialised; a credential must appear in none of them. */
function renderings(error: unknown): string {
  const e = error as Error;
  return [
    e.message,
    e.stack,
    String(e),
    JSON.stringify(e),
    inspect(e, { depth: 8, showHidden: true }),
    inspect((e as { cause?: unknown }).cause, { depth: 8, showHidden: true }),
  ].join("\n");
}

describe("invalid request headers fail once as UsageError, value not shown", () => {
  const bad: [string, ClientOptions, Record<string, string>][] = [
    ["a token with a line break (apiKey cookie)", { auth: { apiKeyCookie: "MARKER-hdr\r\nx-evil: 1" } }, {}],
    ["a token with a line break (bearer provider)", { auth: { bearerAuth: () => "MARKER-hdr\nx" } }, {}],
    ["a token with a NUL (bearer)", { auth: { bearerAuth: "MARKER-hdr\u0000" } }, {}],
    ["a client header with LF", { headers: { "x-token": "MARKER-hdr\nsecond" } }, {}],
    ["a per-call header beyond Latin-1", {}, { "x-token": "MARKER-hdr-\u20ac" }],
    ["a per-call header with trailing space", {}, { "x-token": "MARKER-hdr " }],
    ["a header value with a tab at the start", {}, { "x-token": "\tMARKER-hdr" }],
  ];
  it.each(bad)("%s", async (_name, options, headers) => {
    const rt = await setup(ok, { ...options, retry: { attempts: 3, baseDelayMs: 1 } });
    const op = rt.operation<P["/keyed"]["get"]>(ops.keyed);
    const error = await op(undefined, { headers }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(renderings(error)).not.toContain("MARKER");
    expect(server?.requests).toHaveLength(0);
  });
});

describe("an auth provider returning no credential", () => {
  it.each([null, undefined, ""])(
    "%j for an operation that requires auth: UsageError before anything is sent",
    async (value) => {
      const rt = await setup(ok, { auth: { ztSession: () => value as string, oauth2: async () => value as string } });
      const error = await rt
        .operation<P["/sessions/{id}"]["get"]>(ops.detailSession)({ params: { path: { id: "x" } } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect(server?.requests).toHaveLength(0);
    },
  );
  it("falls back to a configured alternative, and to anonymous where the operation allows it", async () => {
    const rt = await setup(ok, { auth: { ztSession: () => null, oauth2: "tok" } });
    await rt.operation<P["/sessions/{id}"]["get"]>(ops.detailSession)({ params: { path: { id: "x" } } });
    expect(server?.requests[0]?.headers.authorization).toBe("Bearer tok");
    const anon = await setup(ok, { auth: { bearerAuth: () => null } });
    await anon.operation({ ...ops.keyed, security: [["bearerAuth"], []] })();
    expect(server?.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe("2xx bodies that are not the declared JSON reject with ResponseParseError", () => {
  const jsonOp = { ...ops.health, jsonResponse: true };
  const cases: [string, string, string][] = [
    ["malformed JSON", "application/json", '{"a":'],
    ["an HTML page labelled JSON", "application/json; charset=utf-8", "<html>oops</html>"],
    ["an HTML page where JSON is declared", "text/html", "<!doctype html><p>maintenance</p>"],
    ["text where JSON is declared", "text/plain", "OK"],
    ["no content-type where JSON is declared", "", "not json"],
  ];
  it.each(cases)("%s", async (_name, type, body) => {
    const rt = await setup(
      (_req, res) => {
        res.writeHead(200, type === "" ? {} : { "content-type": type });
        res.end(body);
      },
      { retry: { attempts: 3, baseDelayMs: 1 } },
    );
    const error = await rt
      .operation(jsonOp)()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toMatchObject({ kind: "parse", status: 200, operationId: "health" });
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect(server?.requests).toHaveLength(1);
  });
  it("text stays text where the operation does not declare only JSON, and JSON labelled text/plain parses where it does", async () => {
    const rt = await setup((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end('{"n":1}');
    });
    await expect(rt.operation(ops.health)()).resolves.toBe('{"n":1}');
    await expect(rt.operation(jsonOp)()).resolves.toEqual({ n: 1 });
  });
});

describe("maxResponseBytes", () => {
  it("the default stops a gzip bomb (64 MiB of zeros in 64 KiB) while it decodes", async () => {
    const bomb = gzipSync(Buffer.alloc(2 ** 26));
    const rt = await setup((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(bomb);
    });
    await expect(rt.operation(ops.health)()).rejects.toMatchObject({
      name: "ResponseTooLargeError",
      maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
    });
  });
  it("per call: an endless body is cut off and its read aborted", async () => {
    let closed!: () => void;
    const gone = new Promise<void>((resolve) => (closed = resolve));
    const rt = await setup((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(16_384, 0x20);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on("drain", pump);
      res.on("close", closed);
      pump();
    });
    await expect(rt.operation(ops.health)(undefined, { maxResponseBytes: 65_536 })).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
    await gone; // the connection was let go: the read was aborted, not drained
  });
  it("client option: over the limit rejects (also for an error status); at the limit passes", async () => {
    const rt = await setup(
      (req, res) => (req.path === "/health" ? json(res, 200, "x".repeat(1022)) : json(res, 500, "x".repeat(1023))),
      { maxResponseBytes: 1024 },
    );
    await expect(rt.operation(ops.health)()).resolves.toBe("x".repeat(1022)); // 1024 bytes with the quotes
    await expect(rt.operation({ ...ops.health, path: "/big" })()).rejects.toBeInstanceOf(ResponseTooLargeError);
  });
  const JSON_TYPE = { "content-type": "application/json" };
  // A stated Content-Length is read whole in one go, anything else chunk by chunk: one limit for both.
  const framings: { given: string; send: (res: import("node:http").ServerResponse, body: string) => void }[] = [
    {
      given: "Content-Length",
      send: (res, body) =>
        res.writeHead(200, { ...JSON_TYPE, "content-length": String(Buffer.byteLength(body)) }).end(body),
    },
    {
      given: "chunked",
      send: (res, body) => {
        res.writeHead(200, { ...JSON_TYPE, "transfer-encoding": "chunked" });
        res.write(body.slice(0, 3));
        res.end(body.slice(3));
      },
    },
    {
      given: "gzip with its compressed length",
      send: (res, body) => {
        const bytes = gzipSync(body);
        res
          .writeHead(200, { ...JSON_TYPE, "content-encoding": "gzip", "content-length": String(bytes.length) })
          .end(bytes);
      },
    },
  ];
  it.each(framings)("$given: at the limit the body arrives, a byte past it is refused", async ({ send }) => {
    const rt = await setup((req, res) => send(res, JSON.stringify("x".repeat(req.path === "/health" ? 1022 : 1023))));
    const health = rt.operation(ops.health);
    await expect(health(undefined, { maxResponseBytes: 1024 })).resolves.toBe("x".repeat(1022));
    await expect(
      rt.operation({ ...ops.health, path: "/big" })(undefined, { maxResponseBytes: 1024 }),
    ).rejects.toBeInstanceOf(ResponseTooLargeError);
  });
});

describe("no credential in any error or what it holds", () => {
  // Every credential place at once, each holding a unique marker: apiKey query, bearer, cookie, apiKey header.
  const secret = "MARKER-s3cr3t";
  const auth: ClientOptions = {
    auth: { apiKeyQuery: `${secret}-query` },
    headers: { authorization: `Bearer ${secret}-bearer`, cookie: `sid=${secret}-cookie`, "zt-session": `${secret}-zt` },
  };
  function expectClean(error: unknown, cls: abstract new (...args: never[]) => unknown) {
    expect(error).toBeInstanceOf(cls);
    expect(renderings(error)).not.toContain("MARKER");
  }

  it("ApiError: message, stack, JSON, inspect and its response (no URL kept)", async () => {
    const rt = await setup((_req, res) => json(res, 401, { error: "unauthorized" }, { "x-request-id": "r1" }), auth);
    const error = (await rt
      .operation(ops.keyed)()
      .catch((e: unknown) => e)) as ApiError;
    expect(server?.requests[0]?.url).toContain("MARKER"); // the credential was sent ...
    expectClean(error, ApiError); // ... and is nowhere in the error
    expect(inspect(error.response, { showHidden: true })).not.toContain("MARKER");
    expect(error.response.url).toBe("");
    expect([error.response.status, error.headers.get("x-request-id")]).toEqual([401, "r1"]);
  });

  it("NetworkError from a refused connection", async () => {
    const port = await closedPort();
    const rt = createRuntime<P>(definition, { ...auth, baseUrl: `http://127.0.0.1:${port}`, retry: false }, features);
    const error = await rt
      .operation(ops.keyed)()
      .catch((e: unknown) => e);
    expectClean(error, NetworkError);
    expect((error as NetworkError).cause).toBeInstanceOf(TypeError); // the cause is kept, redacted
  });

  it.each([
    [
      "the URL and a header in its message",
      (r: Request) => new TypeError(`failed ${r.url} ${r.headers.get("authorization")}`),
    ],
    [
      "the URL in a nested cause and a property",
      (r: Request) =>
        Object.assign(new TypeError("fetch failed", { cause: new Error(`connect ${r.url}`) }), {
          url: r.url,
          cookie: r.headers.get("cookie"),
        }),
    ],
    ["the encoded query value alone", (r: Request) => new Error(new URL(r.url).search)],
    ["a non-Error holding the request", (r: Request) => ({ request: r, headers: Object.fromEntries(r.headers) })],
  ])("NetworkError whose cause quotes %s (custom fetch)", async (_name, fail) => {
    const rt = createRuntime<P>(
      definition,
      {
        ...auth,
        baseUrl: "http://127.0.0.1:9",
        retry: false,
        fetch: async (r) => Promise.reject(fail(r)),
      },
      features,
    );
    expectClean(
      await rt
        .operation(ops.keyed)()
        .catch((e: unknown) => e),
      NetworkError,
    );
  });

  it("NetworkError from an unparsable redirect Location (the error names the base URL)", async () => {
    const rt = await setup((_req, res) => {
      res.writeHead(302, { location: "http://[::1" });
      res.end();
    }, auth);
    expectClean(
      await rt
        .operation(ops.keyed)()
        .catch((e: unknown) => e),
      NetworkError,
    );
  });

  it("TimeoutError", async () => {
    const rt = await setup(() => undefined, auth);
    expectClean(
      await rt
        .operation(ops.keyed)(undefined, { timeoutMs: 30 })
        .catch((e: unknown) => e),
      TimeoutError,
    );
  });

  it("ResponseParseError and ResponseTooLargeError", async () => {
    const rt = await setup(
      (req, res) =>
        req.path === "/keyed"
          ? json(res, 200, { big: "x".repeat(100) })
          : void res.writeHead(200, { "content-type": "application/json" }).end("{oops"),
      auth,
    );
    expectClean(
      await rt
        .operation(ops.keyed)(undefined, { maxResponseBytes: 10 })
        .catch((e: unknown) => e),
      ResponseTooLargeError,
    );
    expectClean(
      await rt
        .operation({ ...ops.keyed, path: "/bad" })()
        .catch((e: unknown) => e),
      ResponseParseError,
    );
  });
});

describe("redact.ts (shared with the logger)", () => {
  it("redactUrl and redactHeaders replace exactly the named credentials", () => {
    expect(redactUrl("https://a.test/x?api_key=MARKER&q=1&api_key=MARKER2", ["api_key"])).toBe(
      `https://a.test/x?api_key=${encodeURIComponent(REDACTED)}&q=1`,
    );
    expect(redactHeaders({ Authorization: "Bearer MARKER", "X-Trace": "t1" }, ["authorization"])).toEqual({
      authorization: REDACTED,
      "x-trace": "t1",
    });
  });
});

describe("pagination that never ends", () => {
  const page = (ids: number[], total: unknown) => ({
    data: ids.map((id) => ({ id })),
    meta: { pagination: { totalCount: total } },
  });
  const cases: [string, Handler, number, number][] = [
    // name, server, pages the server sees, items yielded
    ["the same page forever with a lying total", (_req, res) => json(res, 200, page([1, 2], 1e9)), 2, 2],
    ["the same full page forever without a total", (_req, res) => json(res, 200, page([1, 2], undefined)), 2, 2],
    ["two pages in turn forever", (_req, res, n) => json(res, 200, page(n % 2 ? [1, 2] : [3, 4], "1000000")), 3, 4],
    [
      "new items forever with a lying total",
      (req, res) => json(res, 200, page([Number(req.query.get("offset")), -1], 1e9)),
      DEFAULT_MAX_PAGES,
      2 * DEFAULT_MAX_PAGES,
    ],
  ];
  it.each(cases)("%s: stops", async (_name, handler, requests, count) => {
    const rt = await setup(handler, { auth: { ztSession: "t" } });
    const list = rt.paginated<P["/sessions"]["get"], { id: number }>(ops.listSessions);
    let n = 0;
    for await (const _item of list.items({ params: { query: { limit: 2 } } })) n++;
    expect([server?.requests.length, n]).toEqual([requests, count]);
  });
  it("maxPages bounds an iteration", async () => {
    const rt = await setup((req, res) => json(res, 200, page([Number(req.query.get("offset"))], 1e9)), {
      auth: { ztSession: "t" },
    });
    const pages = [];
    for await (const p of rt
      .paginated<P["/sessions"]["get"], { id: number }>(ops.listSessions)
      .pages({ params: { query: { limit: 1 } } }, { maxPages: 5 }))
      pages.push(p);
    expect(pages).toHaveLength(5);
  });
});
