// What an app developer sees beyond the plain call, over real HTTP: readable errors,
// .withResponse(), logging with redaction, idempotency keys, page/cursor/Link pagination,
// multipart and binary bodies, binary answers.
import { Buffer } from "node:buffer";
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  createRuntime,
  DEFAULT_TIMEOUT_MS,
  cursorPages,
  formData,
  linkPages,
  offsetPages,
  pageNumberPages,
  type ClientOptions,
  type OperationMeta,
} from "../../generator/runtime/index.js";
import { definition, features } from "./fixture.js";
import { json, startServer, type Handler, type TestServer } from "./server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client whose spec has every feature: basic auth, cookies, files, multipart bodies and all paging styles. */
async function runtime(handler: Handler, options: ClientOptions = {}) {
  server = await startServer(handler);
  return createRuntime<Record<string, never>>(
    definition,
    { baseUrl: server.url, retry: { baseDelayMs: 1 }, ...options },
    {
      ...features,
      formData,
      pagers: { offset: offsetPages, page: pageNumberPages, cursor: cursorPages, link: linkPages },
    },
  );
}

/** Loose typing: these tests are about the wire, the type tests are in runtime.test-d.ts. */
type AnyOp = {
  parameters: { query?: Record<string, unknown> };
  requestBody?: { content: { "*/*": unknown } };
  responses: { 200: { content: { "*/*": unknown } } };
};

function op(meta: Partial<OperationMeta> & Pick<OperationMeta, "id">): OperationMeta {
  return { method: "get", path: "/things", security: [], ...meta };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

describe("errors say what the server said", () => {
  const cases: { given: { body: unknown; type?: string; headers?: Record<string, string> }; want: string }[] = [
    {
      given: { body: { message: "session expired" } },
      want: "listThings (GET /things) failed: HTTP 409 Conflict: session expired",
    },
    { given: { body: { error: { code: "UNAUTHORIZED", message: "token is invalid" } } }, want: ": token is invalid" },
    { given: { body: { errors: [{ code: "bad", detail: "name is too long" }] } }, want: ": name is too long" },
    { given: { body: { error: "invalid_grant", error_description: "code expired" } }, want: ": code expired" },
    { given: { body: { title: "Conflict", detail: "version mismatch" } }, want: ": version mismatch" },
    { given: { body: { code: "E42" } }, want: "HTTP 409 Conflict: E42" },
    { given: { body: "plain words\nover two lines", type: "text/plain" }, want: ": plain words over two lines" },
    { given: { body: "<html><body>oops</body></html>", type: "text/html" }, want: "HTTP 409 Conflict" },
    { given: { body: { message: "x" }, headers: { "x-correlation-id": "c-7" } }, want: ": x [request id c-7]" },
    { given: { body: { message: "y".repeat(300) } }, want: `: ${"y".repeat(199)}…` },
  ];
  it.each(cases)("$want", async ({ given, want }) => {
    const rt = await runtime((_req, res) => {
      res.writeHead(409, { "content-type": given.type ?? "application/json", ...given.headers });
      res.end(typeof given.body === "string" ? given.body : JSON.stringify(given.body));
    });
    const error = await rt
      .operation<AnyOp>(op({ id: "listThings" }))()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message.endsWith(want)).toBe(true);
    expect((error as Error).message).toMatch(/^listThings \(GET \/things\) failed: HTTP 409 Conflict/);
  });
});

describe("withResponse", () => {
  it("resolves to the data with status, headers, request id and the Response", async () => {
    const rt = await runtime((_req, res) =>
      json(res, 201, { id: "t1" }, { "x-request-id": "req-9", "x-rate-limit": "10" }),
    );
    const result = await rt.operation<AnyOp>(op({ id: "createThing", method: "post" })).withResponse({ body: {} });
    expect(result.data).toEqual({ id: "t1" });
    expect(result.status).toBe(201);
    expect(result.headers.get("x-rate-limit")).toBe("10");
    expect(result.requestId).toBe("req-9");
    expect(result.response).toBeInstanceOf(Response);
  });

  it("throws the same errors as the plain call", async () => {
    const rt = await runtime((_req, res) => json(res, 404, { message: "gone" }));
    await expect(rt.operation<AnyOp>(op({ id: "getThing" })).withResponse()).rejects.toMatchObject({
      status: 404,
      message: expect.stringContaining("gone"),
    });
  });
});

describe("logging", () => {
  function capture() {
    const lines: { level: string; message: string; record: unknown }[] = [];
    const at = (level: string) => (message: string, record?: unknown) => lines.push({ level, message, record });
    return { lines, logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") } };
  }

  it("logs each attempt with status and retry wait; apiKey query values and credential headers are redacted", async () => {
    const { lines, logger } = capture();
    const rt = await runtime((_req, res, n) => (n === 1 ? json(res, 503, {}) : json(res, 200, { ok: true })), {
      logger,
      logLevel: "debug",
      auth: { apiKeyQuery: "SECRET-Q", bearerAuth: "SECRET-B" },
    });
    await rt.operation<AnyOp>(op({ id: "keyed", path: "/keyed", security: [["apiKeyQuery", "bearerAuth"]] }))();
    expect(lines.map((l) => l.level)).toEqual(["warn", "info"]);
    expect(lines[0]?.message).toMatch(
      /^keyed: GET http:\/\/127\.0\.0\.1:\d+\/keyed\?api_key=%5BREDACTED%5D -> HTTP 503 in \d+ ms \(attempt 1, retrying in \d+ ms\)$/,
    );
    expect(lines[1]?.message).toMatch(/-> HTTP 200 in \d+ ms \(attempt 2\)$/);
    expect(JSON.stringify(lines)).not.toMatch(/SECRET/);
    expect(lines[1]?.record).toMatchObject({ headers: { authorization: "[REDACTED]" } });
  });

  it("says nothing unless asked; APIGEN_LOG turns it on; headers the user marks are redacted", async () => {
    const quiet = capture();
    const rt = await runtime((_req, res) => json(res, 200, {}), { logger: quiet.logger, logLevel: "off" });
    await rt.operation<AnyOp>(op({ id: "a" }))();
    expect(quiet.lines).toEqual([]);

    const env = capture();
    process.env.APIGEN_LOG = "debug";
    try {
      const logged = createRuntime<Record<string, never>>(definition, {
        baseUrl: server?.url,
        logger: env.logger,
        headers: { "x-tenant-secret": "SECRET-T" },
        redactHeaders: ["X-Tenant-Secret"],
      });
      await logged.operation<AnyOp>(op({ id: "b" }))();
    } finally {
      delete process.env.APIGEN_LOG;
    }
    expect(env.lines).toHaveLength(1);
    expect(JSON.stringify(env.lines)).not.toContain("SECRET-T");
  });
});

describe("idempotency keys", () => {
  const create = op({
    id: "createThing",
    method: "post",
    bodyContentType: "application/json",
    idempotencyHeader: "Idempotency-Key",
  });

  it("sends one key per logical call, the same on every attempt, and retries the POST", async () => {
    const rt = await runtime((_req, res, n) => (n === 1 || n === 3 ? json(res, 503, {}) : json(res, 201, { n })));
    await rt.operation<AnyOp>(create)({ body: { name: "a" } });
    await rt.operation<AnyOp>(create)({ body: { name: "b" } });
    const keys = server?.requests.map((r) => r.headers["idempotency-key"]) ?? [];
    expect(keys).toHaveLength(4);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[3]).toBe(keys[2]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("keeps a key the caller gives", async () => {
    const rt = await runtime((_req, res) => json(res, 201, {}));
    await rt.operation<AnyOp>(create)({ body: {} }, { headers: { "Idempotency-Key": "mine" } });
    expect(server?.requests[0]?.headers["idempotency-key"]).toBe("mine");
  });

  it("a POST without one is still not retried", async () => {
    const rt = await runtime((_req, res) => json(res, 503, {}));
    await expect(rt.operation<AnyOp>(op({ id: "post", method: "post" }))({ body: {} })).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(server?.requests).toHaveLength(1);
  });
});

describe("pagination styles", () => {
  const ITEMS = Array.from({ length: 7 }, (_, i) => ({ id: i }));

  it("page number and size: walks pages from 1 until the total pages", async () => {
    const rt = await runtime((req, res) => {
      const page = Number(req.query.get("page")),
        size = Number(req.query.get("per_page") ?? 3);
      json(res, 200, {
        results: ITEMS.slice((page - 1) * size, page * size),
        meta: { pages: Math.ceil(ITEMS.length / size) },
      });
    });
    const list = rt.paginated<AnyOp, unknown>(
      op({
        id: "list",
        pagination: {
          style: "page",
          page: "page",
          size: "per_page",
          items: ["results"],
          totalPages: ["meta", "pages"],
        },
      }),
    );
    expect(await collect(list.items({ params: { query: { per_page: 3 } } }))).toEqual(ITEMS);
    expect(server?.requests.map((r) => r.url)).toEqual([
      "/things?per_page=3&page=1",
      "/things?per_page=3&page=2",
      "/things?per_page=3&page=3",
    ]);
  });

  it("page number without totals: stops at a short page", async () => {
    const rt = await runtime((req, res) => {
      const page = Number(req.query.get("page"));
      json(res, 200, { results: ITEMS.slice((page - 1) * 4, page * 4) });
    });
    const list = rt.paginated<AnyOp, unknown>(
      op({ id: "list", pagination: { style: "page", page: "page", items: ["results"] } }),
    );
    expect(await collect(list.items())).toEqual(ITEMS);
    expect(server?.requests).toHaveLength(2);
  });

  it("cursor: sends each body's next cursor until there is none", async () => {
    const rt = await runtime((req, res) => {
      const at = Number(req.query.get("after") ?? 0);
      json(res, 200, { data: ITEMS.slice(at, at + 3), next: at + 3 < ITEMS.length ? String(at + 3) : null });
    });
    const list = rt.paginated<AnyOp, unknown>(
      op({ id: "list", pagination: { style: "cursor", cursor: "after", next: ["next"], items: ["data"] } }),
    );
    expect(await collect(list.items())).toEqual(ITEMS);
    expect(server?.requests.map((r) => r.url)).toEqual(["/things", "/things?after=3", "/things?after=6"]);
  });

  it("cursor: a repeated cursor ends the walk, and so does a repeated page", async () => {
    const rt = await runtime((req, res) =>
      json(res, 200, req.query.get("after") === null ? { data: [1], next: "a" } : { data: [2], next: "a" }),
    );
    const list = rt.paginated<AnyOp, unknown>(
      op({ id: "list", pagination: { style: "cursor", cursor: "after", next: ["next"], items: ["data"] } }),
    );
    expect(await collect(list.items())).toEqual([1, 2]);
    expect(server?.requests).toHaveLength(2);

    await server?.close();
    const same = await runtime((_req, res) => json(res, 200, { data: [1], next: String(Math.random()) }));
    const endless = same.paginated<AnyOp, unknown>(
      op({ id: "list", pagination: { style: "cursor", cursor: "after", next: ["next"], items: ["data"] } }),
    );
    expect(await collect(endless.items())).toEqual([1]);
  });

  it("Link header: follows rel=next on the API's origin; the body is the array", async () => {
    const rt = await runtime((req, res) => {
      const page = Number(req.query.get("page") ?? 1);
      const next =
        page < 3
          ? `<${server?.url}/things?page=${page + 1}&per_page=3>; rel="next", <${server?.url}/things?page=3>; rel="last"`
          : `<${server?.url}/things?page=1>; rel="first"`;
      json(res, 200, ITEMS.slice((page - 1) * 3, page * 3), { link: next });
    });
    const list = rt.paginated<AnyOp, unknown>(op({ id: "list", pagination: { style: "link", items: [] } }));
    expect(await collect(list.items({ params: { query: { per_page: 3 } } }))).toEqual(ITEMS);
    expect(server?.requests.map((r) => r.url)).toEqual([
      "/things?per_page=3",
      "/things?page=2&per_page=3",
      "/things?page=3&per_page=3",
    ]);
  });

  it("Link header: a next link to another origin is not followed", async () => {
    const rt = await runtime((_req, res) =>
      json(res, 200, [1], { link: '<http://example.invalid/things?page=2>; rel="next"' }),
    );
    const list = rt.paginated<AnyOp, unknown>(op({ id: "list", pagination: { style: "link", items: [] } }));
    await expect(collect(list.items())).rejects.toThrow(/leaves http:\/\/127\.0\.0\.1:\d+; not followed/);
    expect(server?.requests).toHaveLength(1);
  });
});

describe("uploads and downloads", () => {
  it("multipart: files and bytes as file parts, arrays as repeated parts, objects as JSON, encoding kept", async () => {
    const rt = await runtime((req, res) => json(res, 200, { type: req.headers["content-type"], body: req.body }));
    const upload = op({
      id: "upload",
      method: "post",
      bodyContentType: "multipart/form-data",
      multipartEncoding: { meta: { contentType: "application/json" } },
    });
    const file = new File(["hello file"], "hello.txt", { type: "text/plain" });
    const { body, type } = (await rt.operation<AnyOp>(upload)({
      body: { file, bytes: new Uint8Array([1, 2, 3]), tags: ["a", "b"], meta: { size: 1 }, plain: { x: 1 } },
    })) as { body: string; type: string };
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    expect(body).toContain('name="file"; filename="hello.txt"\r\nContent-Type: text/plain\r\n\r\nhello file');
    expect(body).toContain(
      'name="bytes"; filename="bytes"\r\nContent-Type: application/octet-stream\r\n\r\n\u0001\u0002\u0003',
    );
    expect(body.match(/name="tags"\r\n\r\n[ab]/g)).toEqual(['name="tags"\r\n\r\na', 'name="tags"\r\n\r\nb']);
    expect(body).toMatch(/name="meta"; filename="blob"\r\nContent-Type: application\/json\r\n\r\n\{"size":1\}/);
    expect(body).toContain('name="plain"\r\n\r\n{"x":1}');
  });

  it("octet-stream: a Blob, bytes or a stream go as the body", async () => {
    const rt = await runtime((req, res) => json(res, 200, { type: req.headers["content-type"], body: req.body }));
    const put = rt.operation<AnyOp>(op({ id: "put", method: "put", bodyContentType: "application/octet-stream" }));
    expect(await put({ body: new Blob(["blob bytes"]) })).toEqual({
      type: "application/octet-stream",
      body: "blob bytes",
    });
    expect(await put({ body: new TextEncoder().encode("u8 bytes") })).toEqual({
      type: "application/octet-stream",
      body: "u8 bytes",
    });
    const stream = new Blob(["streamed"]).stream();
    expect(await put({ body: stream })).toEqual({ type: "application/octet-stream", body: "streamed" });
  });

  it("a binary answer resolves to a Blob, or its stream when asked", async () => {
    const bytes = Buffer.from([0, 255, 1, 254]);
    const rt = await runtime((_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(bytes);
    });
    const download = rt.operation<AnyOp>(op({ id: "download", binaryResponse: true }));
    const blob = (await download()) as Blob;
    expect(blob).toBeInstanceOf(Blob);
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(bytes);
    const stream = (await download(undefined, { stream: true })) as ReadableStream<Uint8Array>;
    expect(Buffer.from(await new Response(stream).arrayBuffer())).toEqual(bytes);
  });
});

describe("features a client is created without", () => {
  // A generated client passes exactly the features its spec uses (test/generator/runtime-features.test.ts);
  // a hand-made one without them fails before anything is sent.
  it.each([
    [
      "paging",
      (rt: ReturnType<typeof createRuntime>) =>
        rt.paginated(op({ id: "list", pagination: { style: "link", items: [] } })),
      /list: no pagination, or no pager for it/,
    ],
    [
      "multipart",
      (rt: ReturnType<typeof createRuntime>) =>
        rt.operation<AnyOp>(op({ id: "up", method: "post", bodyContentType: "multipart/form-data" }))({
          body: { a: 1 },
        }),
      TypeError,
    ],
    [
      "server variables",
      () =>
        createRuntime({
          servers: [{ url: "http://127.0.0.1:{port}", variables: { port: { default: "1" } } }],
          securitySchemes: {},
        }),
      /not absolute/,
    ],
  ] as const)("%s", async (_name, use, message) => {
    server = await startServer((_req, res) => json(res, 200, {}));
    const rt = createRuntime(definition, { baseUrl: server.url });
    await expect(async () => use(rt)).rejects.toThrow(message);
    expect(server.requests).toHaveLength(0);
  });
});

describe("default timeout", () => {
  it("is 60 s and documented as such; 0 and Infinity turn it off", () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(60_000);
  });
});
