export * from "./client.js";
export type { paths, components, operations } from "./schema.js";
export { ApiError, NetworkError, ResponseParseError, ResponseTooLargeError, TimeoutError, UsageError, type ApiErrorOf, type CallOptions, type ClientOptions, type Credential, type Operation, type PaginatedOperation, type ResponseData, type RetryOptions, type ServerChoice, } from "./runtime/index.js";
