import { TimeoutError } from "./errors.js";
const noop = () => void 0;
function startDeadline(opId, timeoutMs, caller) {
  const controller = caller && new AbortController();
  let reject = noop;
  const stop = new Promise((_, r) => reject = r);
  stop.catch(noop);
  const deadline = {
    signal: controller?.signal,
    race(work, late) {
      if (late !== void 0) work.then((value) => deadline.stopped && late(value), noop);
      return deadline.stopped ? Promise.reject(deadline.stopped.reason) : Promise.race([work, stop]);
    },
    end() {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onAbort);
    }
  };
  const halt = (reason) => {
    deadline.stopped ??= { reason };
    reject(reason);
    controller?.abort(reason);
  };
  const timer = timeoutMs > 0 && timeoutMs < 2 ** 31 ? setTimeout(() => halt(new TimeoutError(opId, timeoutMs)), timeoutMs) : void 0;
  const onAbort = () => halt(caller?.reason);
  if (caller?.aborted) onAbort();
  else caller?.addEventListener("abort", onAbort, { once: true });
  return deadline;
}
function classify(error, deadline) {
  return deadline.stopped ? deadline.stopped.reason : error;
}
export {
  classify,
  startDeadline
};
