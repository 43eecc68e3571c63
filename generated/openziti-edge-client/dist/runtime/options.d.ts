/** What callers pass: client options (once per client) and call options (once per call). */
import type { Middleware } from "openapi-fetch";
import type { ValidateWithValidators } from "./validate.js";
/**
 * A static string, `{ username, password }` (http basic) or a provider called once per logical call
 * (for refresh); a provider returning undefined (or null, "") makes the next security alternative be tried;
 * when none is left and the operation requires auth, the call fails with UsageError before anything is sent.
 * For http basic a string (static or provided) is the already base64-encoded `user:pass`.
 */
export type Credential = string | {
    username: string;
    password: string;
} | (() => string | null | undefined | Promise<string | null | undefined>);
export interface RetryOptions {
    /** Total tries including the first. Default 3. */
    attempts?: number | undefined;
    /** Base of the exponential backoff (full jitter). Default 200. */
    baseDelayMs?: number | undefined;
    /** Cap on each wait, also on `Retry-After`. Default 5000. */
    maxDelayMs?: number | undefined;
    /** No retry is started whose wait would end later than this after the first attempt. Default 30000. */
    maxElapsedMs?: number | undefined;
    /** Also retry POST/PATCH. Default false. */
    retryNonIdempotent?: boolean | undefined;
    /** Default [429, 500, 502, 503, 504]. Network errors are always retryable. */
    statuses?: readonly number[] | undefined;
}
/** Fetch options we let callers set; redirect is ours (followed manually to keep credentials on-origin). */
export type FetchInit = Omit<RequestInit, "headers" | "body" | "method" | "signal" | "redirect">;
/** Which of the spec's servers to call; generated clients narrow it to their servers and variable values. */
export interface ServerChoice {
    /** Index into the spec's servers. Default 0. */
    index?: number | undefined;
    /** Values for the server URL's `{variables}`; one left out takes its default. Checked against the enum. */
    variables?: Readonly<Record<string, string | undefined>> | undefined;
}
export interface ClientOptions<Schemes extends string = string, Server extends ServerChoice = ServerChoice> {
    /** Overrides the spec servers. */
    baseUrl?: string | undefined;
    /** Pick a spec server (default index 0) and fill its `{variables}` (enum-checked). */
    server?: Server | undefined;
    auth?: {
        [K in Schemes]?: Credential | undefined;
    } | undefined;
    retry?: RetryOptions | false | undefined;
    /**
     * Budget for a whole logical call: middleware, every attempt, backoff waits, body read.
     * Default 60000 (`DEFAULT_TIMEOUT_MS`), so a stalled server cannot hold a call forever; 0, Infinity
     * (or 2^31 ms and more) = none.
     */
    timeoutMs?: number | undefined;
    headers?: Record<string, string> | undefined;
    /** Gets a `Request` per attempt (costs one Request construction per attempt). */
    fetch?: ((input: Request) => Promise<Response>) | undefined;
    /** openapi-fetch middleware: runs once per logical call; retries and redirects happen beneath it. */
    middleware?: readonly Middleware[] | undefined;
    requestInit?: FetchInit | undefined;
    /** Where attempts are logged (default `console` once a level is set). */
    logger?: Logger | undefined;
    /** Default "off", or the `APIGEN_LOG` environment variable; "info" when only `logger` is given. */
    logLevel?: LogLevel | undefined;
    /** Header names whose values are never logged, besides Authorization, cookies and the spec's apiKey names. */
    redactHeaders?: readonly string[] | undefined;
    /**
     * Opt-in schema validation of requests and responses. Create the client with the factory of the
     * package's "./validate" entry to pass only `{ request, response }`; here it also needs that entry's `validators`.
     */
    validate?: ValidateWithValidators | undefined;
    /** Largest response body read, counted as decoded (after gzip/br); past it the read is aborted with ResponseTooLargeError. Default 32 MiB (DEFAULT_MAX_RESPONSE_BYTES). */
    maxResponseBytes?: number | undefined;
}
/** console-compatible: each method gets one line of text and the structured record. */
export interface Logger {
    debug(message: string, record?: unknown): void;
    info(message: string, record?: unknown): void;
    warn(message: string, record?: unknown): void;
    error(message: string, record?: unknown): void;
}
/** "debug": also request headers (redacted); "info": each attempt's answer; "warn": retries and failures. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";
export interface CallOptions {
    /** Merged over the client's retry options; `false` disables retries for this call. */
    retry?: RetryOptions | false | undefined;
    /** Overrides the client's timeout for this call; 0 disables it. */
    timeoutMs?: number | undefined;
    signal?: AbortSignal | undefined;
    headers?: Record<string, string> | undefined;
    fetchOptions?: FetchInit | undefined;
    /** For operations answering with a file: resolve to the body's ReadableStream instead of a Blob. */
    stream?: boolean | undefined;
    /** pages()/items(): most pages fetched (default 1000, DEFAULT_MAX_PAGES); a repeated page also ends them. */
    maxPages?: number | undefined;
    /** Overrides the client's maxResponseBytes for this call. */
    maxResponseBytes?: number | undefined;
}
