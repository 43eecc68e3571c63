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
  constructor(operationId, response, body) {
    super(`${operationId} failed: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
    this.name = "ApiError";
    this.operationId = operationId;
    this.status = response.status;
    this.body = body;
    this.headers = response.headers;
    this.response = new Response(null, response);
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
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  UsageError,
  isApiError
};
