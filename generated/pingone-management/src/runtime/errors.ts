// Copied by apigen from its client runtime (generator/runtime/errors.ts). Do not edit.
/**
 * What every failed call throws: ApiError (an HTTP answer), NetworkError (none), TimeoutError (the
 * budget ran out), UsageError (the call was set up wrong), ResponseParseError (a 2xx body that is not
 * the declared JSON), ResponseTooLargeError (past maxResponseBytes). None holds a credential: see redact.ts.
 */
import type { ApiErrorOf } from "./types.js";

/** Response headers that carry a request id, most specific first; the first present one is used. */
export const REQUEST_ID_HEADERS: readonly string[] = [
  "x-request-id",
  "request-id",
  "x-correlation-id",
  "x-amzn-requestid",
  "x-amz-request-id",
  "x-github-request-id",
  "cf-ray",
];

export function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value !== null && value !== "") return value;
  }
  return undefined;
}

/** Where error bodies usually say what went wrong; the first string found is quoted in the message. */
const MESSAGE_PATHS: readonly (readonly (string | number)[])[] = [
  ["message"],
  ["error", "message"],
  ["error_description"],
  ["detail"],
  ["title"],
  ["errors", 0, "message"],
  ["errors", 0, "detail"],
  ["error"],
  ["error", "code"],
  ["code"],
];

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** The server's own words from an error body, on one line and at most 200 characters. */
export function serverMessage(body: unknown): string | undefined {
  let found: unknown;
  if (typeof body === "string")
    found = /^\s*</.test(body) ? undefined : body; // an HTML error page says nothing useful
  else
    for (const path of MESSAGE_PATHS) {
      let value: unknown = body;
      for (const key of path)
        value =
          value !== null && typeof value === "object" ? (value as Record<string | number, unknown>)[key] : undefined;
      if ((typeof value === "string" && value.trim() !== "") || typeof value === "number") {
        found = value;
        break;
      }
    }
  if (found === undefined) return undefined;
  // Control characters are what this removes: a server message must not break the error's one line.
  const line = String(found).replace(CONTROL_CHARACTERS, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * What every error below shares. Fields are `declare`d and set in the constructor: a field
 * declaration would be emitted into every package's JS again, bytes each browser app ships.
 * `name` is passed, not taken from the class: a minifier renames classes.
 */
abstract class CallError extends Error {
  declare readonly operationId: string;
  constructor(name: string, operationId: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = name;
    this.operationId = operationId;
  }
}

export class ApiError<Status = number, Body = unknown> extends CallError {
  declare readonly kind: "api";
  declare readonly status: Status;
  /** Parsed JSON for JSON media types, text otherwise, undefined when empty. */
  declare readonly body: Body;
  /** The response's headers (what the server sent, never the request's). */
  declare readonly headers: Headers;
  /** Status, statusText and headers of the response; no URL (it may carry an apiKey query) and no body (read into `body`). */
  declare readonly response: Response;
  /** The answer's request id (`x-request-id` and the like), to quote when asking the API's support. */
  declare readonly requestId: string | undefined;
  /** `method` and `path` (the spec's template) name the request in the message. */
  constructor(operationId: string, response: Response, body: Body, method?: string, path?: string) {
    const requestId = requestIdOf(response.headers);
    const said = serverMessage(body);
    super(
      "ApiError",
      operationId,
      `${operationId}${method === undefined ? "" : ` (${method} ${path})`} failed: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}` +
        `${said === undefined ? "" : `: ${said}`}${requestId === undefined ? "" : ` [request id ${requestId}]`}`,
    );
    Object.assign(this, {
      kind: "api",
      status: response.status,
      body,
      headers: response.headers,
      response: new Response(null, response),
      requestId,
    });
  }
}

/** The request never produced a response (connection refused/reset, DNS, TLS, body cut off). */
export class NetworkError extends CallError {
  declare readonly kind: "network";
  declare readonly cause: unknown;
  constructor(operationId: string, cause: unknown) {
    const detail =
      cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
    super("NetworkError", operationId, `${operationId} failed: network error (${detail})`, cause);
    Object.assign(this, { kind: "network" });
  }
}

/** The call's `timeoutMs` budget ran out (covers every attempt and backoff wait). */
export class TimeoutError extends CallError {
  declare readonly kind: "timeout";
  declare readonly timeoutMs: number;
  constructor(operationId: string, timeoutMs: number) {
    super("TimeoutError", operationId, `${operationId} timed out after ${timeoutMs} ms`);
    Object.assign(this, { kind: "timeout", timeoutMs });
  }
}

/** The call was set up wrong (an invalid header, no credential where one is required): thrown before anything is sent, never retried. */
export class UsageError extends CallError {
  declare readonly kind: "usage";
  constructor(operationId: string, problem: string) {
    super("UsageError", operationId, `${operationId} failed: ${problem}`);
    Object.assign(this, { kind: "usage" });
  }
}

/** A 2xx body that is not what the operation declares: malformed JSON, or HTML/text where JSON is declared. `cause` is the parse error. */
export class ResponseParseError extends CallError {
  declare readonly kind: "parse";
  declare readonly status: number;
  constructor(operationId: string, status: number, cause: unknown) {
    super("ResponseParseError", operationId, `${operationId} failed: HTTP ${status} body is not JSON`, cause);
    Object.assign(this, { kind: "parse", status });
  }
}

/** The response body grew past `maxResponseBytes` (counted as decoded, so a gzip bomb stops early); the read was aborted. */
export class ResponseTooLargeError extends CallError {
  declare readonly kind: "too-large";
  declare readonly maxResponseBytes: number;
  constructor(operationId: string, maxResponseBytes: number) {
    super(
      "ResponseTooLargeError",
      operationId,
      `${operationId} failed: body over maxResponseBytes (${maxResponseBytes})`,
    );
    Object.assign(this, { kind: "too-large", maxResponseBytes });
  }
}

export function isApiError<Ops, K extends keyof Ops & string>(
  error: unknown,
  operationId: K,
): error is ApiErrorOf<Ops[K]> {
  return error instanceof ApiError && error.operationId === operationId;
}
