import { createRuntime } from "./create.js";
import { ApiError, isApiError, NetworkError, TimeoutError } from "./errors.js";
import { DEFAULT_RETRY, IDEMPOTENT_METHODS } from "./retry.js";
export {
  ApiError,
  DEFAULT_RETRY,
  IDEMPOTENT_METHODS,
  NetworkError,
  TimeoutError,
  createRuntime,
  isApiError
};
