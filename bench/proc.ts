/**
 * Whole-process measurements: wall time (from this process, around spawn and
 * exit), CPU time and peak RSS (from GNU time's `-f` report, written to a
 * side file so the command's own stderr stays untouched), plus the small
 * statistics the sections share.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..");
/** Scratch that may hold .ts files: outside `bench/` so the repo's `tsc -p tsconfig.json` never sees it. */
export const WORK = join(ROOT, ".cache", "bench", "work");
/** Scratch for logs and profiles (git-ignored). */
export const LOGS = join(ROOT, "bench", ".work");
export const GNU_TIME = "/usr/bin/time";

export interface ProcessSample {
  /** Wall time in ms, spawn to exit. */
  ms: number;
  /** User + system CPU seconds of the process tree, from GNU time. */
  cpuS: number;
  /** Peak resident set size in KiB (GNU time's %M: the largest single process of the tree). */
  maxRssKb: number;
  exitCode: number;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the process after this long (default 15 minutes). */
  timeoutMs?: number;
  /** Return the sample (with its exit code) instead of throwing when the command fails. */
  allowFailure?: boolean;
}

/** Fails early with the fix when GNU time is missing (Debian package `time`). */
export function requireGnuTime(): void {
  if (existsSync(GNU_TIME)) return;
  throw new Error(`${GNU_TIME} not found: install it with \`apt-get install -y time\` (GNU time gives the peak RSS)`);
}

/** Runs `command args` to completion under GNU time; throws with its stderr when it exits non-zero. */
export async function measure(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<ProcessSample> {
  const dir = await mkdtemp(join(tmpdir(), "apigen-bench-"));
  const report = join(dir, "time.txt");
  try {
    const started = performance.now();
    const { code, stderr } = await spawnAndWait(GNU_TIME, ["-f", "%U %S %M", "-o", report, command, ...args], options);
    const ms = performance.now() - started;
    if (code !== 0 && !options.allowFailure)
      throw new Error(`${command} ${args.join(" ")} exited with ${code}:\n${stderr.slice(-4000)}`);
    // GNU time prefixes "Command exited with non-zero status N" on a failure: the figures are the last line.
    const [user, system, rss] = (await readFile(report, "utf8")).trim().split("\n").pop()!.split(" ").map(Number);
    return { ms, cpuS: (user ?? 0) + (system ?? 0), maxRssKb: rss ?? 0, exitCode: code };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function spawnAndWait(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout = keepTail(stdout + chunk)));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = keepTail(stderr + chunk)));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 15 * 60_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr: signal ? `${stderr}\nkilled by ${signal}` : stderr });
    });
  });
}

function keepTail(text: string): string {
  return text.length > 1_000_000 ? text.slice(-500_000) : text;
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(values: readonly number[]): Summary {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    samples: values.map((v) => round(v, 3)),
  };
}

export interface ProcessSummary {
  ms: Summary;
  cpuS: Summary;
  maxRssKb: Summary;
}

export function summarizeSamples(samples: readonly ProcessSample[]): ProcessSummary {
  return {
    ms: summarize(samples.map((s) => s.ms)),
    cpuS: summarize(samples.map((s) => s.cpuS)),
    maxRssKb: summarize(samples.map((s) => s.maxRssKb)),
  };
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Total bytes and file count below `dir`. */
export async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

/** One line per step on stderr, so stdout stays the table. */
export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Load on the machine: the bench shares it with whatever else runs, and says so in its results. */
export function machineLoad(): { loadavg1: number; cores: number } {
  return { loadavg1: round(loadavg()[0] ?? 0, 2), cores: cpus().length };
}

/** The commit and the files that differ from it: what was measured. */
export function gitState(): { commit: string; dirty: string[] } {
  const head = spawnSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  const status = spawnSync(
    "git",
    ["status", "--porcelain", "--", "generator", "templates", "package.json", "package-lock.json"],
    { cwd: ROOT, encoding: "utf8" },
  );
  return {
    commit: head.stdout.trim(),
    dirty: status.stdout
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => l.slice(3)),
  };
}

/**
 * Waits (up to `maxMs`) for the 1-minute load average to drop below the core
 * count, so a measurement does not start in the middle of someone's test run.
 * Returns the load when it started.
 */
export async function waitForQuiet(maxMs: number): Promise<number> {
  const deadline = Date.now() + maxMs;
  const limit = cpus().length;
  while ((loadavg()[0] ?? 0) >= limit && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5000));
  return round(loadavg()[0] ?? 0, 2);
}
