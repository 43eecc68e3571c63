/** What every failed call throws: ApiError (an HTTP answer), NetworkError (none), TimeoutError (the budget ran out). */
import type { ApiErrorOf } from "./types.js";

export class ApiError<Status = number, Body = unknown> extends Error {
  readonly kind: "api" = "api";
  readonly operationId: string;
  readonly status: Status;
  /** Parsed JSON for JSON media types, text otherwise, undefined when empty. */
  readonly body: Body;
  readonly headers: Headers;
  readonly response: Response;
  constructor(operationId: string, response: Response, body: Body) {
    super(`${operationId} failed: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
    this.name = "ApiError";
    this.operationId = operationId;
    this.status = response.status as Status;
    this.body = body;
    this.headers = response.headers;
    this.response = response;
  }
}

/** The request never produced a response (connection refused/reset, DNS, TLS, body cut off). */
export class NetworkError extends Error {
  readonly kind: "network" = "network";
  readonly operationId: string;
  override readonly cause: unknown;
  constructor(operationId: string, cause: unknown) {
    const detail = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
    super(`${operationId} failed: network error (${detail})`, { cause });
    this.name = "NetworkError";
    this.operationId = operationId;
    this.cause = cause;
  }
}

/** The call's `timeoutMs` budget ran out (covers every attempt and backoff wait). */
export class TimeoutError extends Error {
  readonly kind: "timeout" = "timeout";
  readonly operationId: string;
  readonly timeoutMs: number;
  constructor(operationId: string, timeoutMs: number) {
    super(`${operationId} timed out after ${timeoutMs} ms`);
    this.name = "TimeoutError";
    this.operationId = operationId;
    this.timeoutMs = timeoutMs;
  }
}

export function isApiError<Ops, K extends keyof Ops & string>(error: unknown, operationId: K): error is ApiErrorOf<Ops[K]> {
  return error instanceof ApiError && error.operationId === operationId;
}
