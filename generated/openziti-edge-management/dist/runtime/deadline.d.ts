export interface Deadline {
    /** Aborts with TimeoutError when the budget runs out, with the caller's reason when the caller aborts. */
    readonly signal: AbortSignal | undefined;
    /** Stops the timer and lets go of the caller's signal; call once the call has settled. */
    end(): void;
}
/** Budgets of 2^31 ms (~24.8 days) or more mean no timer: setTimeout would fire them at once. */
export declare function startDeadline(opId: string, timeoutMs: number, caller: AbortSignal | undefined): Deadline;
/** Lets the call's signal interrupt a promise that ignores it (e.g. a hanging token provider). */
export declare function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T>;
/** An aborted signal's reason wins (TimeoutError for our timer, the caller's reason otherwise). */
export declare function classify(error: unknown, signal: AbortSignal | null | undefined): unknown;
