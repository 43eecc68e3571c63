// Error model (ApiError / NetworkError / TimeoutError / caller abort), retries with backoff and
// Retry-After, and middleware running once per logical call, over real HTTP. Delays are tiny and
// assertions count requests instead of timing them.
import { getEventListeners } from "node:events";
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  ApiError,
  createRuntime,
  isApiError,
  NetworkError,
  TimeoutError,
  type ClientOptions,
  type Middleware,
  type OperationMeta,
} from "../../generator/runtime/index.js";
import { createRawClient } from "../../generator/runtime/raw.js";
import { definition, ops } from "./fixture.js";
import type { operations, paths } from "./fixture-schema.js";
import { closedPort, json, startServer, type Handler, type TestServer } from "./server.js";

type P = paths;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const fast = { baseDelayMs: 1, maxDelayMs: 5 };
async function setup(handler: Handler, options: ClientOptions = {}) {
  server = await startServer(handler);
  return createRuntime<P>(definition, { baseUrl: server.url, retry: fast, ...options });
}
/** Fails with `status` for the first `failures` requests, then answers 200 {"n": n}. */
const flaky =
  (failures: number, status = 503, headers: Record<string, string> = {}): Handler =>
  (_req, res, n) =>
    n <= failures ? json(res, status, { message: `fail ${n}` }, headers) : json(res, 200, { n });
const hang = (): Handler => () => undefined; // never answers (closed by server.close)

describe("errors", () => {
  it("non-2xx throws ApiError with status, parsed body, headers, response and operationId", async () => {
    const rt = await setup((_req, res) =>
      json(res, 404, { code: "NOT_FOUND", resource: "session" }, { "x-request-id": "r1" }),
    );
    const error = await rt
      .operation<P["/sessions/{id}"]["get"]>(ops.detailSession)({ params: { path: { id: "x" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      kind: "api",
      name: "ApiError",
      status: 404,
      operationId: "detailSession",
      body: { code: "NOT_FOUND", resource: "session" },
    });
    const api = error as ApiError;
    expect(api.headers.get("x-request-id")).toBe("r1");
    expect(api.response).toBeInstanceOf(Response);
    expect(api.message).toBe(
      "detailSession (GET /sessions/{id}) failed: HTTP 404 Not Found: NOT_FOUND [request id r1]",
    );
    expect(api.requestId).toBe("r1");
    expect(isApiError<operations, "detailSession">(error, "detailSession")).toBe(true);
    expect(isApiError<operations, "health">(error, "health")).toBe(false);
  });

  it("keeps non-JSON and invalid-JSON error bodies as text", async () => {
    const rt = await setup(
      (_req, res) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end("<html>oops</html>");
      },
      { retry: false },
    );
    await expect(rt.operation(ops.health)()).rejects.toMatchObject({ status: 500, body: "<html>oops</html>" });
  });

  it("connection failures throw NetworkError with the cause kept", async () => {
    const port = await closedPort();
    const rt = createRuntime<P>(definition, { baseUrl: `http://127.0.0.1:${port}`, retry: false });
    const error = await rt
      .operation(ops.health)()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: "network", operationId: "health" });
    expect((error as NetworkError).cause).toBeInstanceOf(TypeError);
    expect((error as NetworkError).message).toMatch(/ECONNREFUSED/);
  });

  it("timeoutMs (client or call) throws TimeoutError; per-call 0 disables the client's", async () => {
    const rt = await setup(
      (req, res) => {
        if (req.path === "/slow") setTimeout(() => json(res, 200, {}), 300);
      },
      { timeoutMs: 30 },
    );
    const op = rt.operation({ ...ops.health, path: "/hang" });
    await expect(op()).rejects.toBeInstanceOf(TimeoutError);
    await expect(op(undefined, { timeoutMs: 20 })).rejects.toMatchObject({
      kind: "timeout",
      timeoutMs: 20,
      operationId: "health",
    });
    await expect(rt.operation({ ...ops.health, path: "/slow" })(undefined, { timeoutMs: 0 })).resolves.toEqual({});
  });

  it("calls started together on the client's budget time out each as itself; those answered are not touched", async () => {
    // Each call has a budget of its own (runtime/deadline.ts), and each TimeoutError names its operation.
    // A second is ample for the answered call on a loaded machine (a first fetch loads undici, too).
    const rt = await setup((req, res) => (req.path === "/hang" ? undefined : json(res, 200, { at: req.path })), {
      timeoutMs: 1000,
      retry: false,
    });
    const hanging = rt.operation({ ...ops.health, path: "/hang" });
    const keyed = rt.operation({ ...ops.keyed, path: "/hang", security: [] });
    const answered = rt.operation(ops.health);
    const calls = [hanging(), keyed(), answered(), hanging()].map((p) => p.catch((e: unknown) => e));
    const [a, b, c, d] = await Promise.all(calls);
    expect(a).toMatchObject({ name: "TimeoutError", operationId: "health", timeoutMs: 1000 });
    expect(b).toMatchObject({ name: "TimeoutError", operationId: "keyed", timeoutMs: 1000 });
    expect(c).toEqual({ at: "/health" });
    expect(d).toBeInstanceOf(TimeoutError);
    // After a deadline fired, the next call gets a budget of its own, not the spent one.
    await expect(answered()).resolves.toEqual({ at: "/health" });
  });

  it("the timeout covers the whole call including retries and backoff, and is not retried", async () => {
    // Retry-After (a minute, within the retry budget) dwarfs the timeout (a second), which leaves the
    // first request ample time to arrive.
    const retry = { attempts: 10, maxDelayMs: 120_000, maxElapsedMs: 120_000 };
    const rt = await setup(flaky(100, 503, { "retry-after": "60" }), { timeoutMs: 1000, retry });
    await expect(rt.operation(ops.health)()).rejects.toMatchObject({ kind: "timeout", timeoutMs: 1000 });
    expect(server?.requests).toHaveLength(1); // aborted while waiting for the Retry-After minute
  });

  it("the timeout also bounds a hanging token provider", async () => {
    const rt = await setup(flaky(0), {
      timeoutMs: 30,
      auth: { ztSession: () => new Promise<string>(() => undefined) },
    });
    await expect(
      rt.operation<P["/sessions/{id}"]["get"]>(ops.detailSession)({ params: { path: { id: "x" } } }),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(server?.requests).toHaveLength(0);
  });

  it("the caller's abort propagates as-is (not TimeoutError), also when combined with a timeout", async () => {
    const rt = await setup(hang(), { timeoutMs: 10_000 });
    const op = rt.operation(ops.health);
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    const pending = op(undefined, { signal: controller.signal });
    await server?.received(1); // the request is in flight: the server holds it
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);

    const c2 = new AbortController();
    const p2 = op(undefined, { signal: c2.signal, timeoutMs: 0 });
    await server?.received(2);
    c2.abort();
    await expect(p2).rejects.toMatchObject({ name: "AbortError" });

    const c3 = new AbortController();
    c3.abort(reason);
    await expect(op(undefined, { signal: c3.signal })).rejects.toBe(reason);
    await expect(op(undefined, { signal: c3.signal, timeoutMs: 0 })).rejects.toBe(reason);
    expect(server?.requests).toHaveLength(2); // the two in-flight ones; pre-aborted calls send nothing

    // A long-lived caller signal gets no listener left behind after calls complete.
    const longLived = new AbortController();
    const ok = (await setup(flaky(0), { timeoutMs: 5000 })).operation(ops.health);
    for (let i = 0; i < 3; i++) await ok(undefined, { signal: longLived.signal });
    expect(getEventListeners(longLived.signal, "abort")).toHaveLength(0);
  });
});

describe("retries", () => {
  it("retries idempotent calls on the configured statuses, then succeeds", async () => {
    const rt = await setup(flaky(2, 503));
    await expect(rt.operation(ops.health)()).resolves.toEqual({ n: 3 });
    expect(server?.requests).toHaveLength(3);
  });

  it("gives up after `attempts` and throws the last ApiError", async () => {
    const rt = await setup(flaky(10, 502), { retry: { ...fast, attempts: 4 } });
    await expect(rt.operation(ops.health)()).rejects.toMatchObject({ status: 502, body: { message: "fail 4" } });
    expect(server?.requests).toHaveLength(4);
  });

  it("does not retry other statuses", async () => {
    const rt = await setup(flaky(1, 400));
    await expect(rt.operation(ops.health)()).rejects.toMatchObject({ status: 400 });
    expect(server?.requests).toHaveLength(1);
  });

  it("does not retry POST unless retryNonIdempotent; a retried body is re-sent intact", async () => {
    const rt = await setup(flaky(2, 503));
    const create = rt.operation<P["/sessions"]["post"]>(ops.createSession);
    await expect(create({ body: { name: "a" } })).rejects.toMatchObject({ status: 503 });
    expect(server?.requests).toHaveLength(1);
    await expect(create({ body: { name: "b" } }, { retry: { retryNonIdempotent: true } })).resolves.toEqual({ n: 3 });
    expect(server?.requests.map((r) => [r.method, r.body])).toEqual([
      ["POST", '{"name":"a"}'],
      ["POST", '{"name":"b"}'],
      ["POST", '{"name":"b"}'],
    ]);
  });

  it("per-call retry overrides the client's; false disables", async () => {
    const rt = await setup(flaky(1, 503), { retry: false });
    await expect(rt.operation(ops.health)(undefined, { retry: fast })).resolves.toEqual({ n: 2 });
    const rt2 = await setup(flaky(1, 500));
    await expect(rt2.operation(ops.health)(undefined, { retry: false })).rejects.toMatchObject({ status: 500 });
    await expect(rt2.operation(ops.health)(undefined, { retry: { ...fast, statuses: [418] } })).resolves.toEqual({
      n: 2,
    });
  });

  it("honours Retry-After in seconds and as an HTTP date, bounded by maxDelayMs", async () => {
    const rt = await setup(flaky(1, 429, { "retry-after": "0" }));
    await expect(rt.operation(ops.health)()).resolves.toEqual({ n: 2 });
    const rt2 = await setup(flaky(1, 503, { "retry-after": new Date(Date.now() + 60_000).toUTCString() }));
    const started = Date.now();
    await expect(rt2.operation(ops.health)()).resolves.toEqual({ n: 2 }); // waited maxDelayMs (5 ms), not a minute
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("stops retrying when the next wait would exceed maxElapsedMs", async () => {
    const rt = await setup(flaky(5, 503, { "retry-after": "1" }), {
      retry: { attempts: 5, maxDelayMs: 1000, maxElapsedMs: 200 },
    });
    await expect(rt.operation(ops.health)()).rejects.toMatchObject({ status: 503 });
    expect(server?.requests).toHaveLength(1);
  });

  it("retries network errors (connection reset) and wraps them when out of attempts", async () => {
    const rt = await setup((_req, res, n) => (n <= 1 ? void res.socket?.destroy() : json(res, 200, { n })));
    await expect(rt.operation(ops.health)()).resolves.toEqual({ n: 2 });
    const port = await closedPort();
    const dead = createRuntime<P>(definition, { baseUrl: `http://127.0.0.1:${port}`, retry: fast });
    await expect(dead.operation(ops.health)()).rejects.toBeInstanceOf(NetworkError);
  });
});

describe("middleware", () => {
  function counting() {
    const seen = { request: 0, response: 0, error: 0, statuses: [] as number[], ids: new Set<string>() };
    const m: Middleware = {
      onRequest({ request, id }) {
        seen.request++;
        seen.ids.add(id);
        request.headers.set("x-mw", "1"); // in-place edit must reach the wire on every attempt
      },
      onResponse({ response }) {
        seen.response++;
        seen.statuses.push(response.status);
      },
      onError() {
        seen.error++;
      },
    };
    return { m, seen };
  }

  it("runs once per logical call while retries happen beneath it", async () => {
    const { m, seen } = counting();
    const rt = await setup(flaky(2, 503), { middleware: [m] });
    await expect(rt.operation(ops.health)()).resolves.toEqual({ n: 3 });
    expect(server?.requests).toHaveLength(3);
    expect(server?.requests.map((r) => r.headers["x-mw"])).toEqual(["1", "1", "1"]);
    expect(seen).toMatchObject({ request: 1, response: 1, error: 0, statuses: [200] });
  });

  it("a replaced Request (with body) is what gets sent and retried", async () => {
    const m: Middleware = {
      async onRequest({ request }) {
        const body = JSON.parse(await request.text()) as { name: string };
        return new Request(request.url.replace("/sessions", "/other"), {
          method: request.method,
          headers: request.headers,
          body: JSON.stringify({ name: body.name.toUpperCase() }),
        });
      },
    };
    const rt = await setup(flaky(1, 503), { middleware: [m], retry: { ...fast, retryNonIdempotent: true } });
    await rt.operation<P["/sessions"]["post"]>(ops.createSession)({ body: { name: "a" } });
    expect(server?.requests.map((r) => [r.path, r.body])).toEqual([
      ["/other", '{"name":"A"}'],
      ["/other", '{"name":"A"}'],
    ]);
  });

  it("onRequest may answer with a Response; onError sees NetworkError and may recover", async () => {
    const shortCircuit: Middleware = { onRequest: () => Response.json({ cached: true }) };
    const rt = await setup(flaky(0), { middleware: [shortCircuit] });
    await expect(rt.operation(ops.health)()).resolves.toEqual({ cached: true });
    expect(server?.requests).toHaveLength(0);

    const errors: unknown[] = [];
    const recover: Middleware = {
      onError: ({ error }) => {
        errors.push(error);
        return Response.json({ recovered: true });
      },
    };
    const port = await closedPort();
    const dead = createRuntime<P>(definition, {
      baseUrl: `http://127.0.0.1:${port}`,
      retry: fast,
      middleware: [recover],
    });
    await expect(dead.operation(ops.health)()).resolves.toEqual({ recovered: true });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(NetworkError);
  });

  it("also applies to raw", async () => {
    const { m, seen } = counting();
    server = await startServer(flaky(0));
    await createRawClient<P>(definition, { baseUrl: server.url, middleware: [m] }).GET("/health");
    expect(seen.request).toBe(1);
    expect(server?.requests[0]?.headers["x-mw"]).toBe("1");
  });
});

describe("operations bound from metadata", () => {
  it("meta objects are used as-is (no mutation)", async () => {
    const meta: OperationMeta = Object.freeze({ ...ops.health });
    const rt = await setup((_req: unknown, res: ServerResponse) => json(res, 200, 1));
    await expect(rt.operation(meta)()).resolves.toBe(1);
  });
});
