import { TimeoutError } from "./errors.js";
const NOTHING_TO_END = () => void 0;
function abortWithTimeout(controller, opId, ms) {
  controller.abort(new TimeoutError(opId, ms));
}
function startDeadline(opId, timeoutMs, caller) {
  if (!(timeoutMs > 0 && timeoutMs < 2 ** 31)) return { signal: caller, end: NOTHING_TO_END };
  const controller = new AbortController();
  const timer = setTimeout(abortWithTimeout, timeoutMs, controller, opId, timeoutMs);
  if (caller === void 0) return { signal: controller.signal, end: () => clearTimeout(timer) };
  const forward = () => controller.abort(caller.reason);
  if (caller.aborted) forward();
  else caller.addEventListener("abort", forward, { once: true });
  return {
    signal: controller.signal,
    end: () => {
      clearTimeout(timer);
      caller.removeEventListener("abort", forward);
    }
  };
}
function abortable(promise, signal) {
  if (signal === void 0) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
function classify(error, signal) {
  return signal?.aborted ? signal.reason : error;
}
export {
  abortable,
  classify,
  startDeadline
};
