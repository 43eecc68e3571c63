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
class CallError extends Error {
  constructor(name, operationId, message, cause) {
    super(message, cause === void 0 ? void 0 : { cause });
    this.name = name;
    this.operationId = operationId;
  }
}
class ApiError extends CallError {
  /** `method` and `path` (the spec's template) name the request in the message. */
  constructor(operationId, response, body, method, path) {
    const requestId = requestIdOf(response.headers);
    const said = serverMessage(body);
    super(
      "ApiError",
      operationId,
      `${operationId}${method === void 0 ? "" : ` (${method} ${path})`} failed: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}${said === void 0 ? "" : `: ${said}`}${requestId === void 0 ? "" : ` [request id ${requestId}]`}`
    );
    Object.assign(this, {
      kind: "api",
      status: response.status,
      body,
      headers: response.headers,
      response: new Response(null, response),
      requestId
    });
  }
}
class NetworkError extends CallError {
  constructor(operationId, cause) {
    const detail = cause instanceof Error ? cause.cause instanceof Error ? cause.cause.message : cause.message : String(cause);
    super("NetworkError", operationId, `${operationId} failed: network error (${detail})`, cause);
    Object.assign(this, { kind: "network" });
  }
}
class TimeoutError extends CallError {
  constructor(operationId, timeoutMs) {
    super("TimeoutError", operationId, `${operationId} timed out after ${timeoutMs} ms`);
    Object.assign(this, { kind: "timeout", timeoutMs });
  }
}
class UsageError extends CallError {
  constructor(operationId, problem) {
    super("UsageError", operationId, `${operationId} failed: ${problem}`);
    Object.assign(this, { kind: "usage" });
  }
}
class ResponseParseError extends CallError {
  constructor(operationId, status, cause) {
    super("ResponseParseError", operationId, `${operationId} failed: HTTP ${status} body is not JSON`, cause);
    Object.assign(this, { kind: "parse", status });
  }
}
class ResponseTooLargeError extends CallError {
  constructor(operationId, maxResponseBytes) {
    super(
      "ResponseTooLargeError",
      operationId,
      `${operationId} failed: body over maxResponseBytes (${maxResponseBytes})`
    );
    Object.assign(this, { kind: "too-large", maxResponseBytes });
  }
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
