/**
 * The load generator of the client section, forked by client.ts with `--expose-gc`. Two kinds of job
 * come over IPC:
 * - `serve`: one variant's client in a process of its own (so no other client's code warms or
 *   pollutes the fetch internals it runs through, as in an app that uses one client). It warms up,
 *   then answers each `{ mode, n }` slice with its wall and CPU milliseconds. client.ts drives one
 *   such process per variant, slice by slice in rotating order, so machine load lands on all alike.
 * - `check`: every variant in one process, each called once to check they return the same data,
 *   then timed with `fetch` stubbed out (the library's own cost per call).
 */
import { pathToFileURL } from "node:url";
import { BODY, TOKEN } from "./client-body.ts";

export interface RunnerJob {
  kind: "serve" | "check";
  port: number;
  /** serve: the variant this process runs. */
  variant?: string;
  concurrency: number;
  rounds: number;
  warmup: number;
  /** check: calls per variant per round with fetch replaced by an in-memory stub (0: skip). */
  stubN: number;
  /** The generated package to load (its dist/index.js). */
  apigenModule: string;
  /** A bundled @hey-api SDK for the same spec, when available. */
  heyApiModule: string | undefined;
}

export type Mode = "sequential" | "concurrent";

/** A timed slice: wall and client-process CPU milliseconds. */
export interface SliceTime {
  ms: number;
  cpuMs: number;
}

export interface CheckResult {
  variants: string[];
  /** Microseconds per call with `fetch` stubbed (no network): the library's own cost, per round. */
  stubUs: Record<string, number[]>;
}

const PATH = "/vpn_sessions";
/** Raw fetch again, as a variant of its own: the noise floor of the per-process comparison. */
export const CONTROL = "raw fetch (control)";

type Call = () => Promise<unknown>;

async function variants(job: RunnerJob): Promise<Map<string, Call>> {
  const baseUrl = `http://127.0.0.1:${job.port}`;
  const out = new Map<string, Call>();

  const url = baseUrl + PATH;
  const headers = { authorization: TOKEN };
  const rawFetch = async () => {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };
  out.set("raw fetch", rawFetch);
  // The same code in a process of its own: how far two processes running identical calls differ.
  if (job.kind === "serve") out.set(CONTROL, rawFetch);

  const { default: createClient } = await import("openapi-fetch");
  const plain = createClient<Record<string, never>>({ baseUrl, headers });
  out.set("openapi-fetch", async () => {
    const { data, error } = await (
      plain as unknown as { GET(path: string): Promise<{ data?: unknown; error?: unknown }> }
    ).GET(PATH);
    if (error !== undefined) throw new Error("openapi-fetch: error response");
    return data;
  });

  const pkg = (await import(pathToFileURL(job.apigenModule).href)) as Record<string, unknown>;
  const factory = pkg.createLatitudeshClient as (options: object) => {
    vpnSessions: { getVpnSessions: () => Promise<unknown> };
  };
  if (typeof factory !== "function") throw new Error(`${job.apigenModule}: no createLatitudeshClient export`);
  const api = factory({ baseUrl, auth: { Bearer: TOKEN } });
  out.set("apigen client", () => api.vpnSessions.getVpnSessions());
  // The same client from the package's "./validate" entry, checking each request and response
  // against the spec with the compiled validators (the shape the README shows).
  const validate = (await import(pathToFileURL(job.apigenModule.replace(/index\.js$/, "validate.js")).href)) as {
    createLatitudeshClient: typeof factory;
  };
  const validating = validate.createLatitudeshClient({
    baseUrl,
    auth: { Bearer: TOKEN },
    validate: { request: "throw", response: "throw" },
  });
  out.set("apigen client (validating)", () => validating.vpnSessions.getVpnSessions());

  if (job.heyApiModule !== undefined) {
    const sdk = (await import(pathToFileURL(job.heyApiModule).href)) as {
      client: { setConfig(config: object): void };
      getVpnSessions(options?: object): Promise<{ data?: unknown; error?: unknown }>;
    };
    sdk.client.setConfig({ baseUrl, auth: () => TOKEN });
    out.set("@hey-api SDK", async () => {
      const { data, error } = await sdk.getVpnSessions();
      if (error !== undefined) throw new Error("hey-api: error response");
      return data;
    });
  }
  return out;
}

async function sequential(call: Call, n: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i++) await call();
  return performance.now() - started;
}

async function concurrent(call: Call, n: number, concurrency: number): Promise<number> {
  let left = n;
  const loop = async () => {
    while (left > 0) {
      left--;
      await call();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  return performance.now() - started;
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** One variant, warmed up, then timing each slice the parent asks for until it disconnects. */
async function serve(job: RunnerJob): Promise<void> {
  const call = (await variants(job)).get(job.variant!);
  if (call === undefined) throw new Error(`no variant ${job.variant}`);
  await sequential(call, job.warmup);
  await concurrent(call, job.warmup, job.concurrency);
  process.on("message", (slice: { mode: Mode; n: number }) => {
    const before = process.cpuUsage();
    const timed = slice.mode === "sequential" ? sequential(call, slice.n) : concurrent(call, slice.n, job.concurrency);
    timed.then(
      (ms) => {
        const used = process.cpuUsage(before);
        process.send!({ slice: { ms, cpuMs: (used.user + used.system) / 1000 } satisfies SliceTime });
      },
      (error: unknown) =>
        process.send!({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  process.send!({ ready: true });
}

/** Every variant must return what raw fetch returns; then the stubbed-fetch figures. */
async function check(job: RunnerJob): Promise<CheckResult> {
  const calls = await variants(job);
  const expected = JSON.stringify(await calls.get("raw fetch")!());
  for (const [name, call] of calls) {
    const got = JSON.stringify(await call());
    if (got !== expected) throw new Error(`${name} returned ${got.slice(0, 200)}, expected ${expected.slice(0, 200)}`);
  }
  return { variants: [...calls.keys()], stubUs: job.stubN > 0 ? await stubbed(job) : {} };
}

/**
 * Every variant again with the global fetch replaced by a function that answers at once with a
 * ready Response: what is left is the cost of the library itself plus Response/body handling,
 * which raw fetch pays too. The difference to raw fetch is the library's overhead per call.
 */
async function stubbed(job: RunnerJob): Promise<Record<string, number[]>> {
  const real = globalThis.fetch;
  const init = {
    status: 200,
    headers: { "content-type": "application/vnd.api+json", "content-length": String(Buffer.byteLength(BODY)) },
  };
  globalThis.fetch = (async () => new Response(BODY, init)) as typeof fetch;
  try {
    const calls = await variants(job);
    const out: Record<string, number[]> = {};
    for (const name of calls.keys()) out[name] = [];
    for (const call of calls.values()) await sequential(call, Math.min(job.stubN, 5000));
    for (let round = 0; round < job.rounds; round++) {
      for (const [name, call] of calls) {
        collect();
        out[name]!.push(((await sequential(call, job.stubN)) * 1000) / job.stubN);
      }
    }
    return out;
  } finally {
    globalThis.fetch = real;
  }
}

if (process.send !== undefined) {
  const fail = (error: unknown) =>
    process.send!({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () =>
      process.exit(1),
    );
  process.once("message", (job: RunnerJob) => {
    if (job.kind === "serve") serve(job).catch(fail);
    else check(job).then((result) => process.send!({ result }, () => process.exit(0)), fail);
  });
  process.on("disconnect", () => process.exit(0));
}
