export * from "./client.js";
export type { paths, components, operations } from "./schema.js";
export { ApiError, NetworkError, TimeoutError, type ApiErrorOf, type CallOptions, type ClientOptions, type Credential, type Operation, type PaginatedOperation, type ResponseData, type RetryOptions, type ServerChoice, type ValidateOptions, type ValidationMode, } from "./runtime/index.js";
