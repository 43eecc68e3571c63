// Hostile answers and hostile configuration, over real HTTP on 127.0.0.1: each defence of the
// README's security section has a table here. No timing assumptions: "never settles" cases use a
// small timeoutMs or an abort and assert the error class, not how long it took.
import { afterEach, describe, expect, it } from "vitest";
import { createRuntime, TimeoutError, type ClientOptions, type Middleware } from "../../generator/runtime/index.js";
import { definition, ops } from "./fixture.js";
import type { paths } from "./fixture-schema.js";
import { json, startServer, type Handler, type TestServer } from "./server.js";

type P = paths;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(handler: Handler, options: ClientOptions = {}) {
  server = await startServer(handler);
  return createRuntime<P>(definition, { baseUrl: server.url, retry: false, ...options });
}
const ok: Handler = (_req, res) => json(res, 200, { ok: true });

describe("timeoutMs of any size", () => {
  it.each([2 ** 31 - 1, 2 ** 31, 2 ** 40, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Infinity])("timeoutMs %d does not fire at once", async (timeoutMs) => {
    const rt = await setup(ok);
    await expect(rt.operation(ops.health)(undefined, { timeoutMs })).resolves.toEqual({ ok: true });
  });
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
    await expect(rt.operation({ ...ops.health, path })(undefined, { timeoutMs: 50 })).rejects.toBeInstanceOf(TimeoutError);
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
