// Copied by apigen from its client runtime (generator/runtime/deadline.ts). Do not edit.
/**
 * A call's time budget (`timeoutMs`) and the caller's signal. The budget is a timer the call's waits
 * race, not a signal handed to fetch: undici pays for any request signal (an abort listener, a WeakRef
 * and a finalizer per request, some 25-40 µs on a 300 µs loopback GET), more than the rest of the
 * client together. Only a caller who passes a signal pays that: fetch then gets a per-call signal that
 * follows theirs and the budget, so either stops the request itself. Not theirs directly: undici
 * would leave a listener on it per request until garbage collection, and a long-lived signal collects them.
 */
import { TimeoutError } from "./errors.js";

export interface Deadline {
  /** For fetch: undefined unless the caller gave a signal. */
  readonly signal: AbortSignal | undefined;
  /** Why the call stopped (a TimeoutError, or the caller's abort reason) once it has; nothing more may start. */
  readonly stopped?: { readonly reason: unknown } | undefined;
  /**
   * `work`, or a rejection with the stop reason if the call stops first. A value `work` delivers after
   * that goes to `late` (a response to discard, so its connection is released).
   */
  race<T>(work: Promise<T>, late?: (value: T) => void): Promise<T>;
  /** Stops the timer and lets go of the caller's signal; call once the call has settled. */
  end(): void;
}

const noop = (): void => undefined;

/** Budgets of 2^31 ms (~24.8 days) or more mean no timer: setTimeout would fire them at once. */
export function startDeadline(opId: string, timeoutMs: number, caller: AbortSignal | undefined): Deadline {
  const controller = caller && new AbortController();
  let reject = noop as (reason: unknown) => void;
  const stop = new Promise<never>((_, r) => (reject = r));
  stop.catch(noop); // it may fire while nothing is racing (between two steps, or after the call settled)
  const deadline: Deadline & { stopped?: { reason: unknown } } = {
    signal: controller?.signal,
    race(work, late) {
      if (late !== undefined) work.then((value) => deadline.stopped && late(value), noop);
      return deadline.stopped ? Promise.reject(deadline.stopped.reason) : Promise.race([work, stop]);
    },
    end() {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onAbort);
    },
  };
  const halt = (reason: unknown): void => {
    deadline.stopped ??= { reason };
    reject(reason);
    controller?.abort(reason);
  };
  const timer =
    timeoutMs > 0 && timeoutMs < 2 ** 31
      ? setTimeout(() => halt(new TimeoutError(opId, timeoutMs)), timeoutMs)
      : undefined;
  const onAbort = (): void => halt(caller?.reason);
  if (caller?.aborted) onAbort();
  else caller?.addEventListener("abort", onAbort, { once: true });
  return deadline;
}

/** Why a failed call failed: the stop reason wins (TimeoutError for the budget, the caller's reason for their abort). */
export function classify(error: unknown, deadline: Deadline): unknown {
  return deadline.stopped ? deadline.stopped.reason : error;
}
