import { TimeoutError } from "./errors.js";
const NOTHING_TO_END = () => void 0;
function startDeadline(opId, timeoutMs, caller) {
  if (!(timeoutMs > 0 && timeoutMs < 2 ** 31)) return { signal: caller, end: NOTHING_TO_END };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutError(opId, timeoutMs)), timeoutMs);
  const forward = () => controller.abort(caller?.reason);
  if (caller?.aborted) forward();
  else caller?.addEventListener("abort", forward, { once: true });
  return {
    signal: controller.signal,
    end: () => {
      clearTimeout(timer);
      caller?.removeEventListener("abort", forward);
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
