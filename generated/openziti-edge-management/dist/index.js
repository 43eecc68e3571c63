export * from "./client.js";
import {
  ApiError,
  NetworkError,
  TimeoutError
} from "./runtime/index.js";
export {
  ApiError,
  NetworkError,
  TimeoutError
};
