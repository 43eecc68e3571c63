// Copied by apigen from its client runtime (generator/runtime/execute.ts). Do not edit.
/** One logical call: deadline, request, middleware once, then attempts (with redirects) beneath it, then the result. */
import { resolveAuth } from "./auth.js";
import { classify, startDeadline } from "./deadline.js";
import { UsageError } from "./errors.js";
import { withMiddleware } from "./middleware.js";
import type { CallOptions } from "./options.js";
import { draftRequest, finishRequest } from "./request.js";
import { readResult } from "./response.js";
import { discard } from "./transport.js";
import { callRetry, send } from "./retry.js";
import type { Bound, Input, State } from "./state.js";
import { report } from "./validate.js";

/** A call's result with the answer it came from (`withResponse`, Link-header paging). */
export interface Answer {
  readonly data: unknown;
  readonly response: Response;
}

export async function execute(
  state: State,
  op: Bound,
  input: Input | undefined,
  call: CallOptions | undefined,
): Promise<unknown> {
  return (await answer(state, op, input, call)).data;
}

/** `target`: a full URL replacing the operation's path and query (a next-page link). */
export async function answer(
  state: State,
  op: Bound,
  input: Input | undefined,
  call: CallOptions | undefined,
  target?: string,
): Promise<Answer> {
  // The budget starts first so token providers and middleware count against it too.
  const deadline = startDeadline(op.id, call?.timeoutMs ?? state.timeoutMs, call?.signal);
  try {
    if (deadline.stopped) throw deadline.stopped.reason;
    const v = state.validate;
    if (v?.request) report(v, v.request, v.validators.request(op.id, input ?? {}, state.headers));
    const draft = draftRequest(state, op, input);
    const credentials = op.staticAuth ?? (op.auth.length === 0 ? undefined : await deadline.race(resolveAuth(op.auth)));
    if (credentials === undefined && op.auth.length > 0 && !op.anonymous)
      throw new UsageError(op.id, "no credential (auth returned none)");
    const { url, init } = finishRequest(state, op, draft, credentials, input, call, deadline.signal, target);
    const retry = callRetry(state.retry, call?.retry);
    // Middleware is user code that may never settle: the deadline interrupts it.
    const response =
      state.middleware.length === 0
        ? await send(state, op, url, init, retry, deadline)
        : await deadline.race(withMiddleware(state, op, url, init, input, retry, deadline), discard);
    const data = await deadline.race(
      readResult(op, response, call?.maxResponseBytes ?? state.maxResponseBytes, call?.stream, deadline),
    );
    if (v?.response) report(v, v.response, v.validators.response(op.id, response.status, data));
    return { data, response };
  } catch (error) {
    throw classify(error, deadline);
  } finally {
    deadline.end();
  }
}
