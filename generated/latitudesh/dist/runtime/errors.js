class ApiError extends Error {
  kind = "api";
  operationId;
  status;
  /** Parsed JSON for JSON media types, text otherwise, undefined when empty. */
  body;
  headers;
  response;
  constructor(operationId, response, body) {
    super(`${operationId} failed: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
    this.name = "ApiError";
    this.operationId = operationId;
    this.status = response.status;
    this.body = body;
    this.headers = response.headers;
    this.response = response;
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
function isApiError(error, operationId) {
  return error instanceof ApiError && error.operationId === operationId;
}
export {
  ApiError,
  NetworkError,
  TimeoutError,
  isApiError
};
