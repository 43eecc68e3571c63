/**
 * The load generator of the client section, forked by client.ts with
 * `--expose-gc` (a fresh heap, nothing else on its event loop). It gets its
 * job over IPC, times `n` keep-alive GETs per variant per round (sequential:
 * one at a time; concurrent: `concurrency` loops sharing them), and sends the
 * per-round wall and CPU times back. Variants alternate in slices of
 * `slice` requests with rotating order; a GC runs before each slice so one
 * variant's garbage is not collected on the next one's clock.
 */
import { pathToFileURL } from "node:url";
import { BODY, TOKEN } from "./client-body.ts";

export interface RunnerJob {
  port: number;
  n: number;
  concurrency: number;
  rounds: number;
  warmup: number;
  /** Requests per variant per slice (see run). */
  slice: number;
  /** Calls per variant per round with fetch replaced by an in-memory stub (0: skip). */
  stubN: number;
  /** The generated package to load (its dist/index.js). */
  apigenModule: string;
  /** A bundled @hey-api SDK for the same spec, when available. */
  heyApiModule: string | undefined;
}

export type Mode = "sequential" | "concurrent";
const MODES: Mode[] = ["sequential", "concurrent"];

export interface RunnerResult {
  variants: string[];
  /** Requests per variant per round (n rounded to whole slices). */
  n: number;
  /** Wall ms per round, by mode and variant. */
  times: Record<Mode, Record<string, number[]>>;
  /** CPU ms of the client process per round, by mode and variant (less sensitive to other load). */
  cpu: Record<Mode, Record<string, number[]>>;
  /** Microseconds per call with `fetch` stubbed (no network): the library's own cost, per round. */
  stubUs: Record<string, number[]>;
}

const PATH = "/vpn_sessions";

type Call = () => Promise<unknown>;

async function variants(job: RunnerJob): Promise<Map<string, Call>> {
  const baseUrl = `http://127.0.0.1:${job.port}`;
  const out = new Map<string, Call>();

  const url = baseUrl + PATH;
  const headers = { authorization: TOKEN };
  out.set("raw fetch", async () => {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  });

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

async function run(job: RunnerJob): Promise<RunnerResult> {
  const calls = await variants(job);
  const names = [...calls.keys()];
  const expected = JSON.stringify(await calls.get("raw fetch")!());
  for (const [name, call] of calls) {
    const got = JSON.stringify(await call());
    if (got !== expected) throw new Error(`${name} returned ${got.slice(0, 200)}, expected ${expected.slice(0, 200)}`);
  }
  for (const call of calls.values()) {
    await sequential(call, job.warmup);
    await concurrent(call, job.warmup, job.concurrency);
  }
  const times: RunnerResult["times"] = { sequential: {}, concurrent: {} };
  const cpu: RunnerResult["cpu"] = { sequential: {}, concurrent: {} };
  for (const mode of MODES) {
    for (const name of names) {
      times[mode][name] = [];
      cpu[mode][name] = [];
    }
  }
  // Each round is cut into slices; every slice runs each variant once, in rotating order, so
  // a change in machine load lands on all variants alike rather than on whichever ran then.
  const slices = Math.max(1, Math.round(job.n / job.slice));
  const perSlice = Math.round(job.n / slices);
  for (let round = 0; round < job.rounds; round++) {
    for (const mode of MODES) {
      const wall = new Map(names.map((n) => [n, 0]));
      const used = new Map(names.map((n) => [n, 0]));
      for (let s = 0; s < slices; s++) {
        for (let i = 0; i < names.length; i++) {
          const name = names[(i + s + round) % names.length]!;
          const call = calls.get(name)!;
          collect();
          const before = process.cpuUsage();
          const ms =
            mode === "sequential"
              ? await sequential(call, perSlice)
              : await concurrent(call, perSlice, job.concurrency);
          const after = process.cpuUsage(before);
          wall.set(name, wall.get(name)! + ms);
          used.set(name, used.get(name)! + (after.user + after.system) / 1000);
        }
      }
      for (const name of names) {
        times[mode][name]!.push(wall.get(name)!);
        cpu[mode][name]!.push(used.get(name)!);
      }
    }
    process.send?.({ progress: round + 1 });
  }
  const stubUs = job.stubN > 0 ? await stubbed(job) : {};
  return { variants: names, n: slices * perSlice, times, cpu, stubUs };
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
  process.once("message", (job: RunnerJob) => {
    run(job).then(
      (result) => process.send!({ result }, () => process.exit(0)),
      (error: unknown) =>
        process.send!({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () =>
          process.exit(1),
        ),
    );
  });
}
