/**
 * V8's optimizing compiler (TurboFan) on or off for a run that fills both cores on its own: the main
 * thread regenerating a small API while a worker makes its types (emit/types-job.ts). TurboFan
 * compiles on background threads, which a short run cannot spare: in a run that regenerates one small
 * spec it took about a fifth of the CPU and saved less time than it took (0.72 against 0.55 s of
 * CPU, wall 0.72 against 0.56 s, medians of 8 interleaved runs at load 4). The provider pool limits it
 * for the same reason (parallel/pool.ts). Same code, same results: only its speed differs; a big API
 * (whose types stay on the main thread) runs with no limit. V8 flags are the process's; what is set is
 * recorded where the code cache keys its entries by it (bin/code-cache.mjs: cached data made under one
 * `--max-opt` is rejected under another). A --max-opt given to node by the user wins.
 */
import { setFlagsFromString } from "node:v8";

const RUNTIME_FLAGS = Symbol.for("apigen.runtimeV8Flags");
const LIMIT = "--max-opt=2";

/** Code stays in V8's cheaper tiers from now on (the interpreter, Sparkplug). Returns the flags set ("" for none). */
export function limitOptimizer(): string {
  if (userGiven()) return "";
  if (current() !== LIMIT) {
    setFlagsFromString(LIMIT);
    (globalThis as Record<symbol, unknown>)[RUNTIME_FLAGS] = LIMIT;
  }
  return LIMIT;
}

/** V8's default again: no limit. */
export function unlimitOptimizer(): void {
  if (current() === "") return;
  setFlagsFromString("--max-opt=999");
  (globalThis as Record<symbol, unknown>)[RUNTIME_FLAGS] = "";
}

function current(): string {
  const flags = (globalThis as Record<symbol, unknown>)[RUNTIME_FLAGS];
  return typeof flags === "string" ? flags : "";
}

function userGiven(): boolean {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((arg) => arg.includes("max-opt"));
}
