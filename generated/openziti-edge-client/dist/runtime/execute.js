import { resolveAuth } from "./auth.js";
import { classify, startDeadline } from "./deadline.js";
import { UsageError } from "./errors.js";
import { withMiddleware } from "./middleware.js";
import { draftRequest, finishRequest } from "./request.js";
import { readResult } from "./response.js";
import { discard } from "./transport.js";
import { callRetry, send } from "./retry.js";
import { report } from "./validate.js";
async function execute(state, op, input, call) {
  return (await answer(state, op, input, call)).data;
}
async function answer(state, op, input, call, target) {
  const deadline = startDeadline(op.id, call?.timeoutMs ?? state.timeoutMs, call?.signal);
  try {
    if (deadline.stopped) throw deadline.stopped.reason;
    const v = state.validate;
    if (v?.request) report(v, v.request, v.validators.request(op.id, input ?? {}, state.headers));
    const draft = draftRequest(state, op, input);
    const credentials = op.staticAuth ?? (op.auth.length === 0 ? void 0 : await deadline.race(resolveAuth(op.auth)));
    if (credentials === void 0 && op.auth.length > 0 && !op.anonymous)
      throw new UsageError(op.id, "no credential (auth returned none)");
    const { url, init } = finishRequest(state, op, draft, credentials, input, call, deadline.signal, target);
    const retry = callRetry(state.retry, call?.retry);
    const response = state.middleware.length === 0 ? await send(state, op, url, init, retry, deadline) : await deadline.race(withMiddleware(state, op, url, init, input, retry, deadline), discard);
    const data = await deadline.race(
      readResult(op, response, call?.maxResponseBytes ?? state.maxResponseBytes, call?.stream, deadline)
    );
    if (v?.response) report(v, v.response, v.validators.response(op.id, response.status, data));
    return { data, response };
  } catch (error) {
    throw classify(error, deadline);
  } finally {
    deadline.end();
  }
}
export {
  answer,
  execute
};
