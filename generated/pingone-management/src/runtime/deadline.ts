// Copied by apigen from its client runtime (generator/runtime/deadline.ts). Do not edit.
/** A call's time budget (`timeoutMs`) and the caller's signal, combined into one signal for the whole call. */
import { TimeoutError } from "./errors.js";

export interface Deadline {
  /** Aborts when the budget runs out (TimeoutError) or the caller aborts (the caller's reason). */
  readonly signal: AbortSignal | undefined;
  /** What a failure of the call surfaces as: TimeoutError or the caller's reason once the signal fired, else itself. */
  failure(error: unknown): unknown;
  /** Stops the timer and lets go of the caller's signal; call once the call has settled. */
  end(): void;
}

/**
 * Calls with the client's own budget share an AbortController when they start within SHARE_MS of
 * each other, up to SHARERS of them: in Node 20 creating an AbortSignal costs more (about 15 µs,
 * it is made transferable) than everything else the client adds to a call. A shared deadline
 * fires at the last joiner's: never before a call's own budget, at most SHARE_MS after it.
 */
const SHARE_MS = 5;
const SHARERS = 8;

/** One shared controller and the timer that aborts it, armed while any of its calls runs. */
interface Slot {
  readonly controller: AbortController;
  readonly openUntil: number;
  readonly firesAt: number;
  joined: number;
  running: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Where a client keeps the slot its next calls join. */
export interface DeadlineSlots {
  current: Slot | undefined;
}

/** Why a shared controller aborts; each call turns it into a TimeoutError naming its own operation. */
const EXPIRED: unique symbol = Symbol("deadline expired");

const NOTHING_TO_END = (): void => undefined;

function abortWithTimeout(controller: AbortController, opId: string, ms: number): void {
  controller.abort(new TimeoutError(opId, ms));
}

/** Budgets of 2^31 ms (~24.8 days) or more mean no timer: setTimeout would fire them at once. */
function bounded(timeoutMs: number): boolean {
  return timeoutMs > 0 && timeoutMs < 2 ** 31;
}

/** `slots`: the client's, when this call may share (no caller signal, no own budget, no body outliving the call). */
export function startDeadline(
  opId: string,
  timeoutMs: number,
  caller: AbortSignal | undefined,
  slots?: DeadlineSlots,
): Deadline {
  if (!bounded(timeoutMs)) return { signal: caller, failure: (error) => classify(error, caller), end: NOTHING_TO_END };
  if (caller === undefined && slots !== undefined) return shared(opId, timeoutMs, slots);
  const controller = new AbortController();
  const signal = controller.signal;
  const failure = (error: unknown): unknown => classify(error, signal);
  const timer = setTimeout(abortWithTimeout, timeoutMs, controller, opId, timeoutMs);
  if (caller === undefined) return { signal, failure, end: () => clearTimeout(timer) };
  // Forward the caller's abort by hand (removed in end) rather than AbortSignal.any, which
  // keeps every combined signal alive as long as a long-lived caller signal lives.
  const forward = (): void => controller.abort(caller.reason);
  if (caller.aborted) forward();
  else caller.addEventListener("abort", forward, { once: true });
  return {
    signal,
    failure,
    end: () => {
      clearTimeout(timer);
      caller.removeEventListener("abort", forward);
    },
  };
}

function shared(opId: string, timeoutMs: number, slots: DeadlineSlots): Deadline {
  const now = performance.now();
  let slot = slots.current;
  if (slot === undefined || now > slot.openUntil || slot.joined === SHARERS || slot.controller.signal.aborted) {
    const openUntil = now + SHARE_MS;
    slot = {
      controller: new AbortController(),
      openUntil,
      firesAt: openUntil + timeoutMs,
      joined: 0,
      running: 0,
      timer: undefined,
    };
    slots.current = slot;
  }
  slot.joined++;
  if (slot.running++ === 0) slot.timer = setTimeout(expire, slot.firesAt - now, slot.controller);
  const joined = slot;
  const signal = joined.controller.signal;
  return {
    signal,
    failure: (error) => (signal.aborted ? new TimeoutError(opId, timeoutMs) : error),
    end: () => {
      if (--joined.running === 0) clearTimeout(joined.timer);
    },
  };
}

function expire(controller: AbortController): void {
  controller.abort(EXPIRED);
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
