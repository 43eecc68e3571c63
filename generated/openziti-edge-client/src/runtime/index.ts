// Copied by apigen from its client runtime (generator/runtime/index.ts). Do not edit.
/**
 * Client runtime shared by every generated package (this folder is copied whole to `src/runtime/`).
 * The generated `client.ts` only describes operations (`OperationMeta`) and binds them here.
 *
 * Call shape: `op(params, options)`, where `params` is openapi-fetch's init minus its fetch
 * options, i.e. `{ params?: { path, query, header, cookie }, body? }`. `params`/`body` become
 * required exactly when the spec makes something inside them required, and the whole first
 * argument is optional when nothing is required:
 *
 *   await api.session.detailSession({ params: { path: { id: "abc" }, query: { verbose: true } } }, { timeoutMs: 2000 });
 *   await api.session.createSession({ body: { name: "x" } });
 *   await api.health();
 *
 * Every failure throws (ApiError | NetworkError | TimeoutError | UsageError | ResponseParseError |
 * ResponseTooLargeError | the caller's abort reason).
 * Requests go straight to `fetch(url, init)` built from per-operation data precomputed at bind
 * time; a `Request` object is only built when middleware or a custom `fetch` needs one.
 *
 * Modules: definition (what the generator emits), options (what callers pass), types (operation
 * typing), errors, servers, auth, serialize + body (parameters through openapi-fetch's serializers,
 * and bodies), request (URL and init), deadline (timeout and abort), transport (fetch and
 * redirects), retry, log, middleware, response, execute (one call), create (the entry point).
 * Features, passed to createRuntime only by clients whose spec needs them (so bundlers leave them
 * out of the others): basic-auth, cookies, files (binary answers), multipart (objects to FormData), serverVariables (servers.ts), pagination (a pager each for offset, page
 * and cursor paging), link-pages (Link-header paging). raw (openapi-fetch's client) is imported by the package's "./raw"
 * entry straight from raw.ts, never through this file, so that no other entry reaches openapi-fetch's createClient.
 * Likewise mock (the test kit's mock) is imported by the package's "./testing" entry only.
 */
export type { Client, Middleware } from "openapi-fetch";
export { createRuntime, type Features, type Pager } from "./create.js";
export { formData } from "./multipart.js";
export { basicAuth } from "./basic-auth.js";
export { cookies } from "./cookies.js";
export { readFile } from "./files.js";
export { serverVariables } from "./servers.js";
export { cursorPages, offsetPages, pageNumberPages } from "./pagination.js";
export { linkPages } from "./link-pages.js";
export type {
  ApiDefinition,
  HttpMethod,
  OperationMeta,
  PaginationMeta,
  PathStyle,
  QueryStyle,
  SecuritySchemeDef,
  ServerDef,
} from "./definition.js";
export {
  ApiError,
  isApiError,
  NetworkError,
  REQUEST_ID_HEADERS,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  UsageError,
} from "./errors.js";
export type {
  CallOptions,
  ClientOptions,
  Credential,
  FetchInit,
  Logger,
  LogLevel,
  RetryOptions,
  ServerChoice,
} from "./options.js";
export { DEFAULT_TIMEOUT_MS } from "./state.js";
export { DEFAULT_MAX_RESPONSE_BYTES } from "./limits.js";
export { DEFAULT_MAX_PAGES, pageGuard } from "./page-guard.js";
export { DEFAULT_RETRY, IDEMPOTENT_METHODS, type RetryPolicy } from "./retry.js";
export type {
  ApiErrorGuard,
  ApiErrorOf,
  Operation,
  OperationArgs,
  OperationParams,
  PaginatedOperation,
  ResponseData,
  Runtime,
  TypedHeaders,
  WithResponse,
} from "./types.js";
export type { ValidateOptions, ValidateWithValidators, ValidationMode, Validators } from "./validate.js";
