import { resolveAuth } from "./auth.js";
import { abortable, classify, startDeadline } from "./deadline.js";
import { UsageError } from "./errors.js";
import { withMiddleware } from "./middleware.js";
import { draftRequest, finishRequest } from "./request.js";
import { readResult } from "./response.js";
import { callRetry, send } from "./retry.js";
import { validateRequest, validateResponse } from "./validate.js";
async function execute(state, op, input, call) {
  return (await answer(state, op, input, call)).data;
}
async function answer(state, op, input, call, target) {
  const deadline = startDeadline(op.id, call?.timeoutMs ?? state.timeoutMs, call?.signal);
  const signal = deadline.signal;
  try {
    if (signal?.aborted) throw signal.reason;
    if (state.validate !== void 0) validateRequest(state.validate, op.id, input, state.headers);
    const draft = draftRequest(state, op, input);
    const credentials = op.staticAuth ?? (op.auth.length === 0 ? void 0 : await providedCredentials(op, signal));
    if (credentials === void 0 && op.auth.length > 0 && !op.anonymous)
      throw new UsageError(op.id, "no credential (auth returned none)");
    const { url, init } = finishRequest(state, op, draft, credentials, input, call, signal, target);
    const retry = callRetry(state.retry, call?.retry);
    const response = state.middleware.length === 0 ? await send(state, op, url, init, retry) : await abortable(withMiddleware(state, op, url, init, input, retry), signal);
    const data = await readResult(op, response, call?.maxResponseBytes ?? state.maxResponseBytes, call?.stream);
    if (state.validate !== void 0) validateResponse(state.validate, op.id, response.status, data);
    return { data, response };
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
  answer,
  execute
};
