/**
 * What the READMEs say about the runtime, read from the runtime's own constants: a default that
 * changes in generator/runtime/ changes the docs with it (the docs once said "no time limit"
 * after the runtime gained a 60 s default). Templates hold the sentences; the numbers come from here.
 */
import { DEFAULT_MAX_RESPONSE_BYTES } from "../runtime/limits.ts";
import { DEFAULT_MAX_PAGES } from "../runtime/page-guard.ts";
import { DEFAULT_RETRY, IDEMPOTENT_METHODS } from "../runtime/retry.ts";
import { DEFAULT_TIMEOUT_MS } from "../runtime/state.ts";
import { MAX_REDIRECTS } from "../runtime/transport.ts";

/**
 * The oldest Node.js a package runs on: global `fetch`, and `require()` of an ES module unflagged
 * (the package is ESM only and its "require" condition names the same files). `engines` says it too.
 */
export const MIN_NODE_VERSION = "20.19";

/** `60 s`, `250 ms`. */
function duration(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** `32 MiB`, `512 KiB`, or bytes. */
function bytes(n: number): string {
  for (const [unit, size] of [
    ["GiB", 2 ** 30],
    ["MiB", 2 ** 20],
    ["KiB", 2 ** 10],
  ] as const)
    if (n >= size && n % size === 0) return `${n / size} ${unit}`;
  return `${n} bytes`;
}

/** `a, b or c`. */
function either(items: readonly (string | number)[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** The runtime's defaults as README text: `{{{runtime.timeout}}}`, `{{{runtime.retry.statuses}}}`... */
export function runtimeFacts() {
  return {
    node: MIN_NODE_VERSION,
    timeout: duration(DEFAULT_TIMEOUT_MS),
    timeoutMs: String(DEFAULT_TIMEOUT_MS),
    maxRedirects: String(MAX_REDIRECTS),
    maxResponseBytes: bytes(DEFAULT_MAX_RESPONSE_BYTES),
    maxPages: String(DEFAULT_MAX_PAGES),
    retry: {
      attempts: String(DEFAULT_RETRY.attempts),
      statuses: either(DEFAULT_RETRY.statuses),
      baseDelay: duration(DEFAULT_RETRY.baseDelayMs),
      maxDelay: duration(DEFAULT_RETRY.maxDelayMs),
      maxElapsed: duration(DEFAULT_RETRY.maxElapsedMs),
      methods: [...IDEMPOTENT_METHODS].join(", "),
    },
  };
}
