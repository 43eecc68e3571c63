/**
 * Logging of attempts: one line per attempt (method, redacted URL, status or failure, duration)
 * and one per retry wait. Built once per client; `undefined` when logging is off, so a client
 * that does not log pays one property check per attempt.
 */
import type { LogLevel, Logger } from "./options.js";
export interface AttemptRecord {
    readonly operationId: string;
    readonly method: string;
    readonly url: string;
    readonly attempt: number;
    readonly status?: number;
    readonly durationMs: number;
    readonly error?: string;
    readonly retryInMs?: number;
    /** The request's headers as sent; only a redacted copy is ever logged (at debug). */
    readonly headers?: HeadersInit | undefined;
}
export interface Log {
    attempt(record: AttemptRecord): void;
}
export declare function createLog(logger: Logger | undefined, level: LogLevel | undefined, secretHeaders: readonly string[], secretQuery: readonly string[]): Log | undefined;
