export * from "./client.js";
import {
  ApiError,
  DEFAULT_TIMEOUT_MS,
  NetworkError,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  UsageError
} from "./runtime/index.js";
export {
  ApiError,
  DEFAULT_TIMEOUT_MS,
  NetworkError,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  UsageError
};
