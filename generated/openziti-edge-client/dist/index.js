export * from "./client.js";
import {
  ApiError,
  NetworkError,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  UsageError
} from "./runtime/index.js";
export {
  ApiError,
  NetworkError,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  UsageError
};
