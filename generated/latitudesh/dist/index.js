export * from "./client.js";
import {
  ApiError,
  NetworkError,
  TimeoutError,
  ValidationError
} from "./runtime.js";
export {
  ApiError,
  NetworkError,
  TimeoutError,
  ValidationError
};
