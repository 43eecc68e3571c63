/** What every failed call throws: ApiError (an HTTP answer), NetworkError (none), TimeoutError (the budget ran out). */
import type { ApiErrorOf } from "./types.js";
/** Response headers that carry a request id, most specific first; the first present one is used. */
export declare const REQUEST_ID_HEADERS: readonly string[];
export declare function requestIdOf(headers: Headers): string | undefined;
/** The server's own words from an error body, on one line and at most 200 characters. */
export declare function serverMessage(body: unknown): string | undefined;
export declare class ApiError<Status = number, Body = unknown> extends Error {
    readonly kind: "api";
    readonly operationId: string;
    readonly status: Status;
    /** Parsed JSON for JSON media types, text otherwise, undefined when empty. */
    readonly body: Body;
    readonly headers: Headers;
    readonly response: Response;
    /** The answer's request id (`x-request-id` and the like), to quote when asking the API's support. */
    readonly requestId: string | undefined;
    /** `method` and `path` (the spec's template) name the request in the message. */
    constructor(operationId: string, response: Response, body: Body, method?: string, path?: string);
}
/** The request never produced a response (connection refused/reset, DNS, TLS, body cut off). */
export declare class NetworkError extends Error {
    readonly kind: "network";
    readonly operationId: string;
    readonly cause: unknown;
    constructor(operationId: string, cause: unknown);
}
/** The call's `timeoutMs` budget ran out (covers every attempt and backoff wait). */
export declare class TimeoutError extends Error {
    readonly kind: "timeout";
    readonly operationId: string;
    readonly timeoutMs: number;
    constructor(operationId: string, timeoutMs: number);
}
export declare function isApiError<Ops, K extends keyof Ops & string>(error: unknown, operationId: K): error is ApiErrorOf<Ops[K]>;
