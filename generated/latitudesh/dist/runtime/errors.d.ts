/**
 * What every failed call throws: ApiError (an HTTP answer), NetworkError (none), TimeoutError (the
 * budget ran out), UsageError (the call was set up wrong), ResponseParseError (a 2xx body that is not
 * the declared JSON), ResponseTooLargeError (past maxResponseBytes). None holds a credential: see redact.ts.
 */
import type { ApiErrorOf } from "./types.js";
/** Response headers that carry a request id, most specific first; the first present one is used. */
export declare const REQUEST_ID_HEADERS: readonly string[];
export declare function requestIdOf(headers: Headers): string | undefined;
/** The server's own words from an error body, on one line and at most 200 characters. */
export declare function serverMessage(body: unknown): string | undefined;
/**
 * What every error below shares. Fields are `declare`d and set in the constructor: a field
 * declaration would be emitted into every package's JS again, bytes each browser app ships.
 * `name` is passed, not taken from the class: a minifier renames classes.
 */
declare abstract class CallError extends Error {
    readonly operationId: string;
    constructor(name: string, operationId: string, message: string, cause?: unknown);
}
export declare class ApiError<Status = number, Body = unknown> extends CallError {
    readonly kind: "api";
    readonly status: Status;
    /** Parsed JSON for JSON media types, text otherwise, undefined when empty. */
    readonly body: Body;
    /** The response's headers (what the server sent, never the request's). */
    readonly headers: Headers;
    /** Status, statusText and headers of the response; no URL (it may carry an apiKey query) and no body (read into `body`). */
    readonly response: Response;
    /** The answer's request id (`x-request-id` and the like), to quote when asking the API's support. */
    readonly requestId: string | undefined;
    /** `method` and `path` (the spec's template) name the request in the message. */
    constructor(operationId: string, response: Response, body: Body, method?: string, path?: string);
}
/** The request never produced a response (connection refused/reset, DNS, TLS, body cut off). */
export declare class NetworkError extends CallError {
    readonly kind: "network";
    readonly cause: unknown;
    constructor(operationId: string, cause: unknown);
}
/** The call's `timeoutMs` budget ran out (covers every attempt and backoff wait). */
export declare class TimeoutError extends CallError {
    readonly kind: "timeout";
    readonly timeoutMs: number;
    constructor(operationId: string, timeoutMs: number);
}
/** The call was set up wrong (an invalid header, no credential where one is required): thrown before anything is sent, never retried. */
export declare class UsageError extends CallError {
    readonly kind: "usage";
    constructor(operationId: string, problem: string);
}
/** A 2xx body that is not what the operation declares: malformed JSON, or HTML/text where JSON is declared. `cause` is the parse error. */
export declare class ResponseParseError extends CallError {
    readonly kind: "parse";
    readonly status: number;
    constructor(operationId: string, status: number, cause: unknown);
}
/** The response body grew past `maxResponseBytes` (counted as decoded, so a gzip bomb stops early); the read was aborted. */
export declare class ResponseTooLargeError extends CallError {
    readonly kind: "too-large";
    readonly maxResponseBytes: number;
    constructor(operationId: string, maxResponseBytes: number);
}
export declare function isApiError<Ops, K extends keyof Ops & string>(error: unknown, operationId: K): error is ApiErrorOf<Ops[K]>;
export {};
