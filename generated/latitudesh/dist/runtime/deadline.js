import { TimeoutError } from "./errors.js";
const SHARE_MS = 5;
const SHARERS = 8;
const EXPIRED = /* @__PURE__ */ Symbol("deadline expired");
const NOTHING_TO_END = () => void 0;
function abortWithTimeout(controller, opId, ms) {
  controller.abort(new TimeoutError(opId, ms));
}
function bounded(timeoutMs) {
  return timeoutMs > 0 && timeoutMs < 2 ** 31;
}
function startDeadline(opId, timeoutMs, caller, slots) {
  if (!bounded(timeoutMs)) return { signal: caller, failure: (error) => classify(error, caller), end: NOTHING_TO_END };
  if (caller === void 0 && slots !== void 0) return shared(opId, timeoutMs, slots);
  const controller = new AbortController();
  const signal = controller.signal;
  const failure = (error) => classify(error, signal);
  const timer = setTimeout(abortWithTimeout, timeoutMs, controller, opId, timeoutMs);
  if (caller === void 0) return { signal, failure, end: () => clearTimeout(timer) };
  const forward = () => controller.abort(caller.reason);
  if (caller.aborted) forward();
  else caller.addEventListener("abort", forward, { once: true });
  return {
    signal,
    failure,
    end: () => {
      clearTimeout(timer);
      caller.removeEventListener("abort", forward);
    }
  };
}
function shared(opId, timeoutMs, slots) {
  const now = performance.now();
  let slot = slots.current;
  if (slot === void 0 || now > slot.openUntil || slot.joined === SHARERS || slot.controller.signal.aborted) {
    const openUntil = now + SHARE_MS;
    slot = {
      controller: new AbortController(),
      openUntil,
      firesAt: openUntil + timeoutMs,
      joined: 0,
      running: 0,
      timer: void 0
    };
    slots.current = slot;
  }
  slot.joined++;
  if (slot.running++ === 0) slot.timer = setTimeout(expire, slot.firesAt - now, slot.controller);
  const joined = slot;
  const signal = joined.controller.signal;
  return {
    signal,
    failure: (error) => signal.aborted ? new TimeoutError(opId, timeoutMs) : error,
    end: () => {
      if (--joined.running === 0) clearTimeout(joined.timer);
    }
  };
}
function expire(controller) {
  controller.abort(EXPIRED);
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
