export * from "./client.js";
import {
  ApiError,
  DEFAULT_TIMEOUT_MS,
  NetworkError,
  TimeoutError
} from "./runtime/index.js";
export {
  ApiError,
  DEFAULT_TIMEOUT_MS,
  NetworkError,
  TimeoutError
};
