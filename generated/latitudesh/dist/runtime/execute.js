import { resolveAuth } from "./auth.js";
import { abortable, classify, startDeadline } from "./deadline.js";
import { UsageError } from "./errors.js";
import { withMiddleware } from "./middleware.js";
import { draftRequest, finishRequest } from "./request.js";
import { readResult } from "./response.js";
import { callRetry, send } from "./retry.js";
async function execute(state, op, input, call) {
  const deadline = startDeadline(op.id, call?.timeoutMs ?? state.timeoutMs, call?.signal);
  const signal = deadline.signal;
  try {
    if (signal?.aborted) throw signal.reason;
    const draft = draftRequest(state, op, input);
    const credentials = op.staticAuth ?? (op.auth.length === 0 ? void 0 : await providedCredentials(op, signal));
    if (credentials === void 0 && op.auth.length > 0 && !op.anonymous) throw new UsageError(op.id, "no credential (auth returned none)");
    const { url, init } = finishRequest(state, op, draft, credentials, input, call, signal);
    const retry = callRetry(state.retry, call?.retry);
    const response = state.middleware.length === 0 ? await send(state, op, url, init, retry) : await abortable(withMiddleware(state, op, url, init, input, retry), signal);
    return await readResult(op, response, call?.maxResponseBytes ?? state.maxResponseBytes);
  } catch (error) {
    throw classify(error, signal);
  } finally {
    deadline.end();
  }
}
function providedCredentials(op, signal) {
  return abortable(resolveAuth(op.auth), signal);
}
export {
  execute
};
