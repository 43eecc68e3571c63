// Copied by apigen from its client runtime (generator/runtime/execute.ts). Do not edit.
/** One logical call: deadline, request, middleware once, then attempts (with redirects) beneath it, then the result. */
import { resolveAuth, type AppliedCredential } from "./auth.js";
import { abortable, classify, startDeadline } from "./deadline.js";
import { UsageError } from "./errors.js";
import { withMiddleware } from "./middleware.js";
import type { CallOptions } from "./options.js";
import { draftRequest, finishRequest } from "./request.js";
import { readResult } from "./response.js";
import { callRetry, send } from "./retry.js";
import type { Bound, Input, State } from "./state.js";

export async function execute(state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined): Promise<unknown> {
  // The budget starts first so token providers and middleware count against it too.
  const deadline = startDeadline(op.id, call?.timeoutMs ?? state.timeoutMs, call?.signal);
  const signal = deadline.signal;
  try {
    if (signal?.aborted) throw signal.reason;
    const draft = draftRequest(state, op, input);
    const credentials = op.staticAuth ?? (op.auth.length === 0 ? undefined : await providedCredentials(op, signal));
    if (credentials === undefined && op.auth.length > 0 && !op.anonymous) throw new UsageError(op.id, "no credential (auth returned none)");
    const { url, init } = finishRequest(state, op, draft, credentials, input, call, signal);
    const retry = callRetry(state.retry, call?.retry);
    // Middleware is user code that may never settle: the call's signal interrupts it.
    const response = state.middleware.length === 0 ? await send(state, op, url, init, retry) : await abortable(withMiddleware(state, op, url, init, input, retry), signal);
    return await readResult(op, response, call?.maxResponseBytes ?? state.maxResponseBytes);
  } catch (error) {
    throw classify(error, signal);
  } finally {
    deadline.end();
  }
}

/** Credentials from providers, interruptible by the call's signal (a provider may hang). */
function providedCredentials(op: Bound, signal: AbortSignal | undefined): Promise<AppliedCredential[] | undefined> {
  return abortable(resolveAuth(op.auth), signal);
}
