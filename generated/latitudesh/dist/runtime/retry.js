import { NetworkError } from "./errors.js";
import { isValidationError } from "./validate.js";
import { redactError, secretsIn } from "./redact.js";
import { discard, follow } from "./transport.js";
const DEFAULT_RETRY = {
  attempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 5e3,
  maxElapsedMs: 3e4,
  retryNonIdempotent: false,
  statuses: [429, 500, 502, 503, 504]
};
const IDEMPOTENT_METHODS = /* @__PURE__ */ new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);
function mergeRetry(base, o) {
  const out = { ...base };
  for (const key in o) if (o[key] !== void 0) out[key] = o[key];
  return out;
}
function clientRetry(option) {
  return option === false ? null : option === void 0 ? DEFAULT_RETRY : mergeRetry(DEFAULT_RETRY, option);
}
function callRetry(client, option) {
  return option === void 0 ? client : option === false ? null : mergeRetry(client ?? DEFAULT_RETRY, option);
}
async function sleep(ms, deadline) {
  let timer;
  try {
    await deadline.race(new Promise((resolve) => timer = setTimeout(resolve, ms)));
  } finally {
    clearTimeout(timer);
  }
}
function retryAfterMs(value) {
  if (value === null) return void 0;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1e3;
  const at = Date.parse(value);
  return Number.isNaN(at) ? void 0 : Math.max(0, at - Date.now());
}
function backoff(retry, attempt, response) {
  const retryAfter = response === void 0 ? void 0 : retryAfterMs(response.headers.get("retry-after"));
  if (retryAfter !== void 0) return Math.min(retryAfter, retry.maxDelayMs);
  return Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
}
function failed(state, op, url, init, deadline, error) {
  if (deadline.stopped) throw deadline.stopped.reason;
  if (isValidationError(error)) throw error;
  return {
    failure: error instanceof NetworkError ? error : new NetworkError(
      op.id,
      redactError(error, secretsIn(url, init.headers, state.credentialHeaders, state.credentialQuery))
    )
  };
}
function settle(outcome) {
  if (outcome.response !== void 0) return outcome.response;
  throw outcome.failure;
}
async function send(state, op, url, init, retry, deadline) {
  const max = retry === null || !op.idempotent && !retry.retryNonIdempotent || init.body instanceof ReadableStream ? 1 : retry.attempts;
  const started = Date.now();
  const log = state.log;
  for (let n = 1; ; n++) {
    const attemptStarted = log === void 0 ? 0 : Date.now();
    let outcome;
    try {
      outcome = { response: await follow(state, url, init, deadline) };
    } catch (error) {
      outcome = failed(state, op, url, init, deadline, error);
    }
    const final = n >= max || retry === null || outcome.response !== void 0 && !retry.statuses.includes(outcome.response.status);
    const delay = final || retry === null ? 0 : backoff(retry, n, outcome.response);
    const givesUp = final || retry === null || Date.now() - started + delay > retry.maxElapsedMs;
    if (log !== void 0) logAttempt(log, op, url, init, n, attemptStarted, outcome, givesUp ? void 0 : delay);
    if (givesUp) return settle(outcome);
    if (outcome.response !== void 0) discard(outcome.response);
    await sleep(delay, deadline);
  }
}
function logAttempt(log, op, url, init, n, started, outcome, retryInMs) {
  log.attempt({
    operationId: op.id,
    method: op.method,
    url,
    attempt: n,
    durationMs: Date.now() - started,
    ...outcome.response === void 0 ? { error: outcome.failure.message } : { status: outcome.response.status },
    ...retryInMs === void 0 ? {} : { retryInMs },
    headers: init.headers
  });
}
export {
  DEFAULT_RETRY,
  IDEMPOTENT_METHODS,
  callRetry,
  clientRetry,
  send
};
