export interface Deadline {
    /** For fetch: undefined unless the caller gave a signal. */
    readonly signal: AbortSignal | undefined;
    /** Why the call stopped (a TimeoutError, or the caller's abort reason) once it has; nothing more may start. */
    readonly stopped?: {
        readonly reason: unknown;
    } | undefined;
    /**
     * `work`, or a rejection with the stop reason if the call stops first. A value `work` delivers after
     * that goes to `late` (a response to discard, so its connection is released).
     */
    race<T>(work: Promise<T>, late?: (value: T) => void): Promise<T>;
    /** Stops the timer and lets go of the caller's signal; call once the call has settled. */
    end(): void;
}
/** Budgets of 2^31 ms (~24.8 days) or more mean no timer: setTimeout would fire them at once. */
export declare function startDeadline(opId: string, timeoutMs: number, caller: AbortSignal | undefined): Deadline;
/** Why a failed call failed: the stop reason wins (TimeoutError for the budget, the caller's reason for their abort). */
export declare function classify(error: unknown, deadline: Deadline): unknown;
