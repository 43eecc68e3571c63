export interface Deadline {
    /** Aborts when the budget runs out (TimeoutError) or the caller aborts (the caller's reason). */
    readonly signal: AbortSignal | undefined;
    /** What a failure of the call surfaces as: TimeoutError or the caller's reason once the signal fired, else itself. */
    failure(error: unknown): unknown;
    /** Stops the timer and lets go of the caller's signal; call once the call has settled. */
    end(): void;
}
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
/** `slots`: the client's, when this call may share (no caller signal, no own budget, no body outliving the call). */
export declare function startDeadline(opId: string, timeoutMs: number, caller: AbortSignal | undefined, slots?: DeadlineSlots): Deadline;
/** Lets the call's signal interrupt a promise that ignores it (e.g. a hanging token provider). */
export declare function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T>;
/** An aborted signal's reason wins (TimeoutError for our timer, the caller's reason otherwise). */
export declare function classify(error: unknown, signal: AbortSignal | null | undefined): unknown;
export {};
