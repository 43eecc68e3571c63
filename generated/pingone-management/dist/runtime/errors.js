const REQUEST_ID_HEADERS = [
  "x-request-id",
  "request-id",
  "x-correlation-id",
  "x-amzn-requestid",
  "x-amz-request-id",
  "x-github-request-id",
  "cf-ray"
];
function requestIdOf(headers) {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value !== null && value !== "") return value;
  }
  return void 0;
}
const MESSAGE_PATHS = [
  ["message"],
  ["error", "message"],
  ["error_description"],
  ["detail"],
  ["title"],
  ["errors", 0, "message"],
  ["errors", 0, "detail"],
  ["error"],
  ["error", "code"],
  ["code"]
];
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
function serverMessage(body) {
  let found;
  if (typeof body === "string")
    found = /^\s*</.test(body) ? void 0 : body;
  else
    for (const path of MESSAGE_PATHS) {
      let value = body;
      for (const key of path)
        value = value !== null && typeof value === "object" ? value[key] : void 0;
      if (typeof value === "string" && value.trim() !== "" || typeof value === "number") {
        found = value;
        break;
      }
    }
  if (found === void 0) return void 0;
  const line = String(found).replace(CONTROL_CHARACTERS, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}\u2026` : line;
}
class ApiError extends Error {
  kind = "api";
  operationId;
  status;
  /** Parsed JSON for JSON media types, text otherwise, undefined when empty. */
  body;
  /** The response's headers (what the server sent, never the request's). */
  headers;
  /** Status, statusText and headers of the response; no URL (it may carry an apiKey query) and no body (read into `body`). */
  response;
  /** The answer's request id (`x-request-id` and the like), to quote when asking the API's support. */
  requestId;
  /** `method` and `path` (the spec's template) name the request in the message. */
  constructor(operationId, response, body, method, path) {
    const requestId = requestIdOf(response.headers);
    const said = serverMessage(body);
    super(
      `${operationId}${method === void 0 ? "" : ` (${method} ${path})`} failed: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}${said === void 0 ? "" : `: ${said}`}${requestId === void 0 ? "" : ` [request id ${requestId}]`}`
    );
    this.name = "ApiError";
    this.operationId = operationId;
    this.status = response.status;
    this.body = body;
    this.headers = response.headers;
    this.response = new Response(null, response);
    this.requestId = requestId;
  }
}
class NetworkError extends Error {
  kind = "network";
  operationId;
  cause;
  constructor(operationId, cause) {
    const detail = cause instanceof Error ? cause.cause instanceof Error ? cause.cause.message : cause.message : String(cause);
    super(`${operationId} failed: network error (${detail})`, { cause });
    this.name = "NetworkError";
    this.operationId = operationId;
    this.cause = cause;
  }
}
class TimeoutError extends Error {
  kind = "timeout";
  operationId;
  timeoutMs;
  constructor(operationId, timeoutMs) {
    super(`${operationId} timed out after ${timeoutMs} ms`);
    this.name = "TimeoutError";
    this.operationId = operationId;
    this.timeoutMs = timeoutMs;
  }
}
class UsageError extends Error {
  constructor(operationId, problem) {
    super(`${operationId} failed: ${problem}`);
    this.operationId = operationId;
    this.name = "UsageError";
  }
  operationId;
  kind = "usage";
}
class ResponseParseError extends Error {
  constructor(operationId, status, cause) {
    super(`${operationId} failed: HTTP ${status} body is not JSON`, { cause });
    this.operationId = operationId;
    this.status = status;
    this.name = "ResponseParseError";
  }
  operationId;
  status;
  kind = "parse";
}
class ResponseTooLargeError extends Error {
  constructor(operationId, maxResponseBytes) {
    super(`${operationId} failed: body over maxResponseBytes (${maxResponseBytes})`);
    this.operationId = operationId;
    this.maxResponseBytes = maxResponseBytes;
    this.name = "ResponseTooLargeError";
  }
  operationId;
  maxResponseBytes;
  kind = "too-large";
}
function isApiError(error, operationId) {
  return error instanceof ApiError && error.operationId === operationId;
}
export {
  ApiError,
  NetworkError,
  REQUEST_ID_HEADERS,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  UsageError,
  isApiError,
  requestIdOf,
  serverMessage
};
