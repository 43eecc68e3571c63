import { createRuntime } from "./create.js";
import { ApiError, isApiError, NetworkError, ResponseParseError, ResponseTooLargeError, TimeoutError, UsageError } from "./errors.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./limits.js";
import { DEFAULT_MAX_PAGES, pageGuard } from "./page-guard.js";
import { DEFAULT_RETRY, IDEMPOTENT_METHODS } from "./retry.js";
export {
  ApiError,
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_RETRY,
  IDEMPOTENT_METHODS,
  NetworkError,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  UsageError,
  createRuntime,
  isApiError,
  pageGuard
};
