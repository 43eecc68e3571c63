/** Retries: the policy, and the attempt loop (exponential backoff, full jitter, Retry-After) around one attempt. */
import type { Deadline } from "./deadline.js";
import type { RetryOptions } from "./options.js";
import type { Bound, State } from "./state.js";
/** A complete retry policy: RetryOptions with every field decided. */
export interface RetryPolicy {
    readonly attempts: number;
    readonly baseDelayMs: number;
    readonly maxDelayMs: number;
    readonly maxElapsedMs: number;
    readonly retryNonIdempotent: boolean;
    readonly statuses: readonly number[];
}
/** What the client does when no `retry` option is given (documented in each package's docs). */
export declare const DEFAULT_RETRY: RetryPolicy;
/** Methods retried without `retryNonIdempotent`: repeating them cannot act twice. */
export declare const IDEMPOTENT_METHODS: ReadonlySet<string>;
/** The client's policy from its `retry` option; `null` = no retries. */
export declare function clientRetry(option: RetryOptions | false | undefined): RetryPolicy | null;
/** A call's policy: the call's `retry` option merged over the client's. */
export declare function callRetry(client: RetryPolicy | null, option: RetryOptions | false | undefined): RetryPolicy | null;
/** Attempts with exponential backoff + full jitter; returns the final response, throws NetworkError/aborts. */
export declare function send(state: State, op: Bound, url: string, init: RequestInit, retry: RetryPolicy | null, deadline: Deadline): Promise<Response>;
