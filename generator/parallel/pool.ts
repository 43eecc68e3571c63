/**
 * `--jobs N`: providers generated (or checked) on N worker threads at once.
 *
 * Each provider is independent (its own spec, its own folder), and a worker
 * runs the very same generatePackage/checkPackage a sequential run does, so
 * the output is byte-identical whatever N is. Results come back in target
 * order, so progress lines and reports read the same too.
 *
 * Up-to-date providers are settled on the main thread first (a manifest read
 * and a few hashes): workers, and the heavy libraries they import, start only
 * for stale providers, and not at all when at most one is stale. Without a
 * bundled worker script (generator/ run from source by tsx or vitest, where a
 * thread could not load .ts files) everything runs in-process, in order.
 */
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import { DescribedError } from "../errors.ts";
import { PROVIDER_WORKER } from "../paths.ts";
import {
  checkPackage,
  generatePackage,
  type CheckResult,
  type GenerateResult,
  type RunContext,
  type Target,
} from "../pipeline.ts";
import { isUpToDate, readManifest } from "../write/manifest.ts";
import { syncLockfileVersion } from "../write/lockfile.ts";

export type PoolJob =
  { kind: "generate"; target: Target; force: boolean; dryRun: boolean } | { kind: "check"; target: Target };
/** What a thread is started with. */
export interface ProviderWorkerData {
  fingerprint: string;
  /** V8 flags the pool set for the threads' run ("" for none). */
  v8Flags: string;
}
export type PoolReply = { ok: true; result: unknown; ms: number } | { ok: false; error: string; ms: number };

/** A result and how long its provider took (in a worker: its own time, not the time it queued). */
export type Timed<T> = T & { ms: number };

export const DEFAULT_JOBS: number = availableParallelism();

export interface Batch<T> {
  /** One per target, in target order. */
  results: Promise<Timed<T>>[];
  /** Waits for every result, stops the workers, and puts what they did in order. */
  close(): Promise<void>;
}

/** Brings every target up to date, `jobs` providers at a time. */
export function generateAll(
  targets: readonly Target[],
  ctx: RunContext,
  options: { force: boolean; dryRun: boolean; jobs: number },
): Batch<GenerateResult> {
  const fresh = targets.map((target) =>
    options.force ? Promise.resolve(undefined) : upToDate(target, ctx).catch(() => undefined),
  );
  // The stale targets are queued all at once, the largest spec first: a big one started last would leave
  // the other threads idle while it runs alone. Results still come back in target order.
  const queued = Promise.all(fresh).then(async (done) => {
    const stale = targets.flatMap((target, i) => (done[i] === undefined ? [{ target, i }] : []));
    const runner = await startRunner(ctx, Math.min(options.jobs, stale.length));
    const order = runner.parallel ? await largestFirst(stale) : stale;
    const started = new Map<number, Promise<Timed<GenerateResult>>>();
    for (const { target, i } of order)
      started.set(
        i,
        runner.run<GenerateResult>({ kind: "generate", target, force: options.force, dryRun: options.dryRun }),
      );
    for (const r of started.values()) r.catch(() => {}); // awaited below, in target order
    return { runner, started };
  });
  const results = targets.map((_, i) => fresh[i]!.then(async (done) => done ?? (await (await queued).started.get(i))!));
  for (const r of results) r.catch(() => {}); // each is awaited in turn; one failing early is not unhandled
  return {
    results,
    async close() {
      const settled = await Promise.allSettled(results);
      const { runner: pool } = await queued;
      await pool.stop();
      if (!pool.parallel || options.dryRun) return;
      // Workers update the workspace's package-lock.json at the same time: one may have written over
      // another's bump. Applied again here, one after another, in target order (a no-op when right).
      for (const [i, s] of settled.entries()) {
        if (s.status === "fulfilled" && s.value.status === "generated" && s.value.release) {
          await syncLockfileVersion(targets[i]!.outDir, s.value.release.version).catch(() => undefined);
        }
      }
    },
  };
}

/** Checks every target against what the generator would write, `jobs` providers at a time. */
export function checkAll(targets: readonly Target[], ctx: RunContext, jobs: number): Batch<CheckResult> {
  const runner = startRunner(ctx, Math.min(jobs, targets.length));
  // Largest first, as generateAll does.
  const queued = runner.then(async (pool) => {
    const all = targets.map((target, i) => ({ target, i }));
    const started = new Map<number, Promise<Timed<CheckResult>>>();
    for (const { target, i } of pool.parallel ? await largestFirst(all) : all)
      started.set(i, pool.run<CheckResult>({ kind: "check", target }));
    for (const r of started.values()) r.catch(() => {});
    return started;
  });
  const results = targets.map(async (_, i) => (await (await queued).get(i))!);
  for (const r of results) r.catch(() => {});
  return {
    results,
    async close() {
      await Promise.allSettled(results);
      await (await runner).stop();
    },
  };
}

/** Biggest spec file first (a stand-in for its work); one that cannot be read goes last and fails in its thread. */
async function largestFirst<T extends { target: Target }>(items: readonly T[]): Promise<T[]> {
  const sizes = await Promise.all(
    items.map(({ target }) =>
      stat(target.specFile).then(
        (s) => s.size,
        () => -1,
      ),
    ),
  );
  return items
    .map((item, k) => ({ item, size: sizes[k]! }))
    .sort((a, b) => b.size - a.size)
    .map(({ item }) => item);
}

async function upToDate(target: Target, ctx: RunContext): Promise<Timed<GenerateResult> | undefined> {
  const started = performance.now();
  const manifest = await readManifest(target.outDir);
  if (!(await isUpToDate(target.outDir, ctx.fingerprint, manifest))) return undefined;
  return {
    status: "up-to-date",
    changed: [],
    fileCount: Object.keys(manifest!.outputs).length + 1,
    warnings: [],
    ms: performance.now() - started,
  };
}

interface Runner {
  parallel: boolean;
  run<T>(job: PoolJob): Promise<Timed<T>>;
  stop(): Promise<void>;
}

async function startRunner(ctx: RunContext, size: number): Promise<Runner> {
  if (size <= 1 || PROVIDER_WORKER === undefined) return inProcess(ctx);
  return new ThreadPool(PROVIDER_WORKER, ctx.fingerprint, size);
}

/** One provider after another on this thread: what `--jobs 1` does. */
function inProcess(ctx: RunContext): Runner {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    parallel: false,
    run<T>(job: PoolJob) {
      const next = queue.then(async () => {
        const started = performance.now();
        const result =
          job.kind === "generate"
            ? await generatePackage(job.target, ctx, job.force, job.dryRun)
            : await checkPackage(job.target, ctx);
        return Object.assign(result as object, { ms: performance.now() - started }) as Timed<T>;
      });
      queue = next.catch(() => undefined);
      return next;
    },
    async stop() {},
  };
}

interface Task {
  job: PoolJob;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** Threads started on demand up to `size`; each takes the next queued provider when it finishes one. */
class ThreadPool implements Runner {
  readonly parallel = true;
  private readonly queue: Task[] = [];
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();

  private readonly tiering = new OptimizerLimit();

  constructor(
    private readonly script: string,
    private readonly fingerprint: string,
    private readonly size: number,
  ) {
    if (size >= DEFAULT_JOBS) this.tiering.apply();
  }

  run<T>(job: PoolJob): Promise<Timed<T>> {
    return new Promise<Timed<T>>((resolve, reject) => {
      this.queue.push({ job, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  async stop(): Promise<void> {
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
    this.tiering.restore();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.all.size < this.size ? this.spawn() : undefined);
      if (!worker) return;
      this.assign(worker, this.queue.shift()!);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.script, {
      workerData: { fingerprint: this.fingerprint, v8Flags: this.tiering.flags } satisfies ProviderWorkerData,
    });
    this.all.add(worker);
    return worker;
  }

  private assign(worker: Worker, task: Task): void {
    const onMessage = (reply: PoolReply) => {
      settle();
      if (reply.ok) task.resolve(Object.assign(reply.result as object, { ms: reply.ms }));
      else task.reject(new DescribedError(reply.error));
      this.idle.push(worker);
      this.dispatch();
    };
    // A thread that dies (out of memory, a crash in a library) fails its provider only; the next gets a new thread.
    const onGone = (cause: Error | number) => {
      settle();
      this.all.delete(worker);
      const why = typeof cause === "number" ? `exited with code ${cause}` : cause.message;
      task.reject(
        new DescribedError(`internal error: the worker generating ${task.job.target.provider} stopped: ${why}`),
      );
      void worker.terminate();
      this.dispatch();
    };
    const settle = () => {
      worker.off("message", onMessage);
      worker.off("error", onGone);
      worker.off("exit", onGone);
    };
    worker.on("message", onMessage);
    worker.once("error", onGone);
    worker.once("exit", onGone);
    worker.postMessage(task.job);
  }
}

/**
 * V8's optimizing compiler (TurboFan) works on background threads. A sequential
 * run gets that for free on an idle core; a pool with a thread per core does
 * not: on the 40-spec bench (2 cores) it took about a quarter of the pool's CPU
 * and saved the threads less time than it took. So while a pool fills every
 * core, code stays in V8's cheaper tiers (the interpreter and Sparkplug, and
 * Maglev where V8 ships it). Same code, same results: only its speed differs.
 * V8 flags are the process's (a Worker cannot take its own), so this is set
 * before the threads start and undone when they stop; a --max-opt given to
 * node by the user wins.
 */
class OptimizerLimit {
  /** What is set now ("" for nothing): the threads' code cache keys by it (bin/code-cache.mjs). */
  flags = "";

  apply(): void {
    const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((arg) => arg.includes("max-opt"));
    if (given) return;
    this.flags = "--max-opt=2";
    setFlagsFromString(this.flags);
  }

  restore(): void {
    if (this.flags === "") return;
    setFlagsFromString("--max-opt=999"); // V8's default: no limit
    this.flags = "";
  }
}
