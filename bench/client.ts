/**
 * Section 3: client overhead. The same `GET /vpn_sessions` (latitudesh's
 * spec, static credential, JSON body parsed) over loopback keep-alive through
 * raw fetch, plain openapi-fetch, our generated client and, for reference,
 * the @hey-api SDK generated from the same spec. Server and load generator are
 * separate processes (client-server.ts, client-runner.ts).
 */
import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { CONTROL, type CheckResult, type Mode, type RunnerJob, type SliceTime } from "./client-runner.ts";
import { log, measure, median, round, summarize, WORK, type Summary } from "./proc.ts";
import { ensureHeyApi } from "./tools.ts";

export interface ClientVariantResult {
  /** Requests per second, median over rounds. */
  rps: Record<Mode, number>;
  /** Microseconds per request, median over rounds. */
  usPerRequest: Record<Mode, number>;
  /** Time per request / raw fetch's, per round (paired), summarized. */
  overRawFetch: Record<Mode, Summary>;
  /** Client-process CPU microseconds per request, median over rounds. */
  cpuUsPerRequest: Record<Mode, number>;
  /** Client CPU per request / raw fetch's, per round (paired), median. */
  cpuOverRawFetch: Record<Mode, number>;
  /** Microseconds per call with fetch stubbed out (no network), median over rounds. */
  stubUsPerCall: number;
  /** stubUsPerCall minus raw fetch's: what the library adds to every call. */
  overheadUsPerCall: number;
}

export interface ClientResult {
  operation: string;
  n: number;
  concurrency: number;
  rounds: number;
  slice: number;
  variants: Record<string, ClientVariantResult>;
  clientOverRawFetch: number;
  clientOverRawFetchConcurrent: number;
  clientOverOpenapiFetch: number;
  clientOverOpenapiFetchConcurrent: number;
  /** Raw fetch in a second process / raw fetch, sequential: how much of a ratio is process-to-process noise. */
  controlOverRawFetch?: Summary;
  /** The validating client (./validate entry, request and response "throw") / the plain one, paired per round. */
  validatingOverClient?: { sequential: number; concurrent: number; stubUsPerCall: number };
}

export interface ClientOptions {
  n: number;
  concurrency: number;
  rounds: number;
  /** Requests per variant per interleaved slice. */
  slice: number;
  /** Folder holding generated packages (latitudesh is used). */
  packagesDir: string;
  heyApi: boolean;
}

const OURS = "apigen client";
const VALIDATING = "apigen client (validating)";

export async function benchClient(options: ClientOptions): Promise<ClientResult> {
  const apigenModule = join(options.packagesDir, "latitudesh", "dist", "index.js");
  if (!existsSync(apigenModule)) throw new Error(`client: ${apigenModule} is missing (run the regen section first)`);
  const heyApiModule = options.heyApi
    ? await heyApiBundle(join(options.packagesDir, "latitudesh", "openapi.json"))
    : undefined;

  const server = fork(join(import.meta.dirname, "client-server.ts"), [], {
    execArgv: ["--import", import.meta.resolve("tsx")],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  try {
    const { port } = await nextMessage<{ port: number }>(
      server,
      (m) => typeof (m as { port?: unknown }).port === "number",
    );
    const job: Omit<RunnerJob, "kind"> = {
      port,
      concurrency: options.concurrency,
      rounds: options.rounds,
      warmup: Math.min(2000, options.n),
      stubN: 20_000,
      apigenModule,
      heyApiModule,
    };
    log(
      `client: ${options.rounds} rounds x ${options.n} GETs, sequential and ${options.concurrency} concurrent, server pid ${server.pid}`,
    );
    const checker = forkRunner();
    checker.send({ ...job, kind: "check" } satisfies RunnerJob);
    const checked = await answer<{ result: CheckResult }>(checker, "result");
    const result = await timeSlices(checked.result, job, options);
    server.send("stats");
    const stats = await nextMessage<{ unauthorized: number }>(
      server,
      (m) => typeof (m as { unauthorized?: unknown }).unauthorized === "number",
    );
    if (stats.unauthorized > 0)
      throw new Error(`client: ${stats.unauthorized} requests reached the server without the credential`);
    return analyse(result, options);
  } finally {
    server.disconnect();
  }
}

/** What the slices measured, per mode and variant, one entry per round. */
interface RunnerResult extends CheckResult {
  /** Requests per variant per round (n rounded to whole slices). */
  n: number;
  times: Record<Mode, Record<string, number[]>>;
  cpu: Record<Mode, Record<string, number[]>>;
}

function forkRunner(): ChildProcess {
  return fork(join(import.meta.dirname, "client-runner.ts"), [], {
    execArgv: ["--import", import.meta.resolve("tsx"), "--expose-gc"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

/** The next reply carrying `key`, or the runner's error. */
async function answer<T>(child: ChildProcess, key: string): Promise<T> {
  const reply = await nextMessage<Record<string, unknown>>(
    child,
    (m) => key in (m as object) || "error" in (m as object),
  );
  if ("error" in reply) throw new Error(`client runner failed:\n${String(reply.error)}`);
  return reply as T;
}

/**
 * Each variant in a process of its own, driven slice by slice: every slice runs each variant once, in
 * rotating order, so a change in machine load lands on all variants alike, while no variant's calls
 * run in a process whose fetch internals another client's calls have warmed (or collect its garbage).
 * Every round starts fresh processes: one process runs a few percent faster or slower than another
 * running the same code (JIT decisions, heap layout, which core it lands on; see CONTROL), and with
 * processes kept for the whole run that luck would be the same in every round instead of averaging out.
 */
async function timeSlices(
  checked: CheckResult,
  job: Omit<RunnerJob, "kind">,
  options: ClientOptions,
): Promise<RunnerResult> {
  const names = [checked.variants[0]!, CONTROL, ...checked.variants.slice(1)];
  const modes: Mode[] = ["sequential", "concurrent"];
  const slices = Math.max(1, Math.round(options.n / options.slice));
  const perSlice = Math.round(options.n / slices);
  const times = { sequential: {}, concurrent: {} } as RunnerResult["times"];
  const cpu = { sequential: {}, concurrent: {} } as RunnerResult["cpu"];
  for (const mode of modes) for (const name of names) [times[mode][name], cpu[mode][name]] = [[], []];
  for (let round = 0; round < options.rounds; round++) {
    const runners = await startRunners(names, job);
    try {
      for (const mode of modes) {
        const wall = new Map(names.map((n) => [n, 0]));
        const used = new Map(names.map((n) => [n, 0]));
        for (let s = 0; s < slices; s++) {
          for (let i = 0; i < names.length; i++) {
            const name = names[(i + s + round) % names.length]!;
            const runner = runners.get(name)!;
            runner.send({ mode, n: perSlice });
            const { slice } = await answer<{ slice: SliceTime }>(runner, "slice");
            wall.set(name, wall.get(name)! + slice.ms);
            used.set(name, used.get(name)! + slice.cpuMs);
          }
        }
        for (const name of names) {
          times[mode][name]!.push(wall.get(name)!);
          cpu[mode][name]!.push(used.get(name)!);
        }
      }
    } finally {
      for (const runner of runners.values()) if (runner.connected) runner.disconnect();
    }
    log(`client: round ${round + 1}/${options.rounds} done`);
  }
  return { ...checked, n: slices * perSlice, times, cpu };
}

/** One warmed-up process per variant, started one after another so start-up work does not overlap. */
async function startRunners(
  names: readonly string[],
  job: Omit<RunnerJob, "kind">,
): Promise<Map<string, ChildProcess>> {
  const runners = new Map<string, ChildProcess>();
  try {
    for (const name of names) {
      const runner = forkRunner();
      runners.set(name, runner);
      runner.send({ ...job, kind: "serve", variant: name } satisfies RunnerJob);
      await answer(runner, "ready");
    }
    return runners;
  } catch (error) {
    for (const runner of runners.values()) if (runner.connected) runner.disconnect();
    throw error;
  }
}

function analyse(result: RunnerResult, options: ClientOptions): ClientResult {
  const variants: Record<string, ClientVariantResult> = {};
  const modes: Mode[] = ["sequential", "concurrent"];
  const n = result.n;
  const pairedRatio = (mode: Mode, a: string, b: string, what: "times" | "cpu" = "times") =>
    summarize(result[what][mode][a]!.map((ms, i) => ms / result[what][mode][b]![i]!));
  for (const name of Object.keys(result.times.sequential)) {
    const rps = {} as Record<Mode, number>;
    const us = {} as Record<Mode, number>;
    const over = {} as Record<Mode, Summary>;
    const cpuUs = {} as Record<Mode, number>;
    const cpuOver = {} as Record<Mode, number>;
    for (const mode of modes) {
      const ms = median(result.times[mode][name]!);
      rps[mode] = round((n / ms) * 1000, 0);
      us[mode] = round((ms * 1000) / n, 2);
      over[mode] = pairedRatio(mode, name, "raw fetch");
      cpuUs[mode] = round((median(result.cpu[mode][name]!) * 1000) / n, 2);
      cpuOver[mode] = round(pairedRatio(mode, name, "raw fetch", "cpu").median, 4);
    }
    const stub = median(result.stubUs[name] ?? []);
    const overhead = stub - median(result.stubUs["raw fetch"] ?? []);
    variants[name] = {
      rps,
      usPerRequest: us,
      overRawFetch: over,
      cpuUsPerRequest: cpuUs,
      cpuOverRawFetch: cpuOver,
      stubUsPerCall: round(stub, 2),
      overheadUsPerCall: round(overhead, 2),
    };
  }
  return {
    operation: "latitudesh GET /vpn_sessions (vpnSessions.getVpnSessions), 2-item JSON body",
    n,
    concurrency: options.concurrency,
    rounds: options.rounds,
    slice: options.slice,
    variants,
    clientOverRawFetch: pairedRatio("sequential", OURS, "raw fetch").median,
    clientOverRawFetchConcurrent: pairedRatio("concurrent", OURS, "raw fetch").median,
    clientOverOpenapiFetch: pairedRatio("sequential", OURS, "openapi-fetch").median,
    clientOverOpenapiFetchConcurrent: pairedRatio("concurrent", OURS, "openapi-fetch").median,
    controlOverRawFetch: pairedRatio("sequential", CONTROL, "raw fetch"),
    validatingOverClient:
      variants[VALIDATING] === undefined
        ? undefined
        : {
            sequential: pairedRatio("sequential", VALIDATING, OURS).median,
            concurrent: pairedRatio("concurrent", VALIDATING, OURS).median,
            // What validation adds to each call with the network out of the way.
            stubUsPerCall: round(variants[VALIDATING].stubUsPerCall - variants[OURS]!.stubUsPerCall, 2),
          },
  };
}

/** The @hey-api SDK for the same spec, generated and bundled into one ESM file node can import. */
async function heyApiBundle(spec: string): Promise<string | undefined> {
  try {
    const tool = await ensureHeyApi();
    const dir = join(WORK, "client");
    const out = join(dir, "hey-latitudesh");
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await measure(
      process.execPath,
      [tool.bin, "--input", spec, "--output", out, "--client", "@hey-api/client-fetch", "--silent", "--no-log-file"],
      { cwd: dir },
    );
    const { build } = await import("esbuild");
    const outfile = join(dir, "hey-latitudesh.mjs");
    // index.ts exports the SDK functions; the client instance they default to lives in client.gen.ts.
    const contents = `export * from "./hey-latitudesh/index.ts";\nexport { client } from "./hey-latitudesh/client.gen.ts";\n`;
    await build({
      stdin: { contents, resolveDir: dir, loader: "ts" },
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      outfile,
      logLevel: "error",
    });
    return outfile;
  } catch (error) {
    log(`client: no @hey-api SDK variant (${(error as Error).message.split("\n")[0]})`);
    return undefined;
  }
}

function nextMessage<T>(child: ChildProcess, accept: (message: unknown) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (!accept(message)) return;
      cleanup();
      resolve(message as T);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`child ${child.pid} exited with ${code} before answering`));
    };
    const cleanup = () => {
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}
