import { createRuntime } from "./create.js";
import { ApiError, isApiError, NetworkError, REQUEST_ID_HEADERS, TimeoutError } from "./errors.js";
import { DEFAULT_TIMEOUT_MS } from "./state.js";
import { DEFAULT_RETRY, IDEMPOTENT_METHODS } from "./retry.js";
export {
  ApiError,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  IDEMPOTENT_METHODS,
  NetworkError,
  REQUEST_ID_HEADERS,
  TimeoutError,
  createRuntime,
  isApiError
};
