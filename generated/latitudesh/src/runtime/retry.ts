// Copied by apigen from its client runtime (generator/runtime/retry.ts). Do not edit.
/** Retries: the policy, and the attempt loop (exponential backoff, full jitter, Retry-After) around one attempt. */
import type { Deadline } from "./deadline.js";
import { NetworkError } from "./errors.js";
import type { Log } from "./log.js";
import { isValidationError } from "./validate.js";
import type { RetryOptions } from "./options.js";
import { redactError, secretsIn } from "./redact.js";
import type { Bound, State } from "./state.js";
import { discard, follow } from "./transport.js";

/** A complete retry policy: RetryOptions with every field decided. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxElapsedMs: number;
  readonly retryNonIdempotent: boolean;
  readonly statuses: readonly number[];
}

/** What the client does when no `retry` option is given (documented in each package's docs). */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  maxElapsedMs: 30000,
  retryNonIdempotent: false,
  statuses: [429, 500, 502, 503, 504],
};
/** Methods retried without `retryNonIdempotent`: repeating them cannot act twice. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

function mergeRetry(base: RetryPolicy, o: RetryOptions): RetryPolicy {
  const out: Record<string, unknown> = { ...base };
  // Field by field: a field given as undefined keeps the base's value.
  for (const key in o) if (o[key as keyof RetryOptions] !== undefined) out[key] = o[key as keyof RetryOptions];
  return out as unknown as RetryPolicy;
}

/** The client's policy from its `retry` option; `null` = no retries. */
export function clientRetry(option: RetryOptions | false | undefined): RetryPolicy | null {
  return option === false ? null : option === undefined ? DEFAULT_RETRY : mergeRetry(DEFAULT_RETRY, option);
}

/** A call's policy: the call's `retry` option merged over the client's. */
export function callRetry(client: RetryPolicy | null, option: RetryOptions | false | undefined): RetryPolicy | null {
  return option === undefined ? client : option === false ? null : mergeRetry(client ?? DEFAULT_RETRY, option);
}

/** Waits `ms`, or less when the call's deadline stops it first (then its timer goes too). */
async function sleep(ms: number, deadline: Deadline): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await deadline.race(new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))));
  } finally {
    clearTimeout(timer);
  }
}

/** Retry-After as delta-seconds or HTTP date, in ms; undefined when absent or unparsable. */
function retryAfterMs(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** How long to wait before attempt `attempt + 1`: backoff with full jitter, or the server's Retry-After (capped). */
function backoff(retry: RetryPolicy, attempt: number, response: Response | undefined): number {
  const retryAfter = response === undefined ? undefined : retryAfterMs(response.headers.get("retry-after"));
  if (retryAfter !== undefined) return Math.min(retryAfter, retry.maxDelayMs);
  return Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
}

/** The outcome of one attempt: a response, or the NetworkError it ended in. */
type Outcome = { response: Response; failure?: undefined } | { response?: undefined; failure: unknown };

/** A failed attempt's outcome; stops and mock refusals are thrown instead, as retrying cannot help them. */
function failed(state: State, op: Bound, url: string, init: RequestInit, deadline: Deadline, error: unknown): Outcome {
  if (deadline.stopped) throw deadline.stopped.reason;
  if (isValidationError(error)) throw error; // a test mock refusing the request
  // The cause may quote the URL (an apiKey query) or a header: keep it, redacted.
  return {
    failure:
      error instanceof NetworkError
        ? error
        : new NetworkError(
            op.id,
            redactError(error, secretsIn(url, init.headers, state.credentialHeaders, state.credentialQuery)),
          ),
  };
}

function settle(outcome: Outcome): Response {
  if (outcome.response !== undefined) return outcome.response;
  throw outcome.failure;
}

/** Attempts with exponential backoff + full jitter; returns the final response, throws NetworkError/aborts. */
export async function send(
  state: State,
  op: Bound,
  url: string,
  init: RequestInit,
  retry: RetryPolicy | null,
  deadline: Deadline,
): Promise<Response> {
  const max =
    retry === null || (!op.idempotent && !retry.retryNonIdempotent) || init.body instanceof ReadableStream
      ? 1
      : retry.attempts;
  const started = Date.now();
  const log = state.log;
  for (let n = 1; ; n++) {
    const attemptStarted = log === undefined ? 0 : Date.now();
    // One attempt, in place rather than in an async helper: one promise less on every call.
    let outcome: Outcome;
    try {
      outcome = { response: await follow(state, url, init, deadline) };
    } catch (error) {
      outcome = failed(state, op, url, init, deadline, error);
    }
    const final =
      n >= max ||
      retry === null ||
      (outcome.response !== undefined && !retry.statuses.includes(outcome.response.status));
    const delay = final || retry === null ? 0 : backoff(retry, n, outcome.response);
    const givesUp = final || retry === null || Date.now() - started + delay > retry.maxElapsedMs;
    if (log !== undefined) logAttempt(log, op, url, init, n, attemptStarted, outcome, givesUp ? undefined : delay);
    if (givesUp) return settle(outcome);
    if (outcome.response !== undefined) discard(outcome.response);
    await sleep(delay, deadline);
  }
}

function logAttempt(
  log: Log,
  op: Bound,
  url: string,
  init: RequestInit,
  n: number,
  started: number,
  outcome: Outcome,
  retryInMs: number | undefined,
): void {
  log.attempt({
    operationId: op.id,
    method: op.method,
    url,
    attempt: n,
    durationMs: Date.now() - started,
    ...(outcome.response === undefined
      ? { error: (outcome.failure as Error).message }
      : { status: outcome.response.status }),
    ...(retryInMs === undefined ? {} : { retryInMs }),
    headers: init.headers,
  });
}
