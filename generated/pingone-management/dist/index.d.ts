export * from "./client.js";
export type { paths, components, operations } from "./schema.js";
export { ApiError, DEFAULT_TIMEOUT_MS, NetworkError, ResponseParseError, ResponseTooLargeError, TimeoutError, UsageError, type ApiErrorOf, type CallOptions, type ClientOptions, type Credential, type Logger, type LogLevel, type Operation, type PaginatedOperation, type ResponseData, type RetryOptions, type ServerChoice, type ValidateOptions, type ValidationMode, type WithResponse, } from "./runtime/index.js";
