export * from "./client.js";
import {
  ApiError,
  NetworkError,
  TimeoutError
} from "./runtime.js";
export {
  ApiError,
  NetworkError,
  TimeoutError
};
