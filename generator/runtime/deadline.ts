/** A call's time budget (`timeoutMs`) and the caller's signal, combined into one signal for the whole call. */
import { TimeoutError } from "./errors.js";

export interface Deadline {
  /** Aborts with TimeoutError when the budget runs out, with the caller's reason when the caller aborts. */
  readonly signal: AbortSignal | undefined;
  /** Stops the timer and lets go of the caller's signal; call once the call has settled. */
  end(): void;
}

const NOTHING_TO_END = (): void => undefined;

/** Budgets of 2^31 ms (~24.8 days) or more mean no timer: setTimeout would fire them at once. */
export function startDeadline(opId: string, timeoutMs: number, caller: AbortSignal | undefined): Deadline {
  if (!(timeoutMs > 0 && timeoutMs < 2 ** 31)) return { signal: caller, end: NOTHING_TO_END };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutError(opId, timeoutMs)), timeoutMs);
  // Forward the caller's abort by hand (removed in end) rather than AbortSignal.any, which
  // keeps every combined signal alive as long as a long-lived caller signal lives.
  const forward = (): void => controller.abort(caller?.reason);
  if (caller?.aborted) forward();
  else caller?.addEventListener("abort", forward, { once: true });
  return {
    signal: controller.signal,
    end: () => {
      clearTimeout(timer);
      caller?.removeEventListener("abort", forward);
    },
  };
}

/** Lets the call's signal interrupt a promise that ignores it (e.g. a hanging token provider). */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** An aborted signal's reason wins (TimeoutError for our timer, the caller's reason otherwise). */
export function classify(error: unknown, signal: AbortSignal | null | undefined): unknown {
  return signal?.aborted ? signal.reason : error;
}
