import { createRuntime } from "./create.js";
import { formData } from "./multipart.js";
import { basicAuth } from "./basic-auth.js";
import { cookies } from "./cookies.js";
import { readFile } from "./files.js";
import { serverVariables } from "./servers.js";
import { cursorPages, offsetPages, pageNumberPages } from "./pagination.js";
import { linkPages } from "./link-pages.js";
import {
  ApiError,
  isApiError,
  NetworkError,
  REQUEST_ID_HEADERS,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  UsageError
} from "./errors.js";
import { DEFAULT_TIMEOUT_MS } from "./state.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./limits.js";
import { DEFAULT_MAX_PAGES, pageGuard } from "./page-guard.js";
import { DEFAULT_RETRY, IDEMPOTENT_METHODS } from "./retry.js";
export {
  ApiError,
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  IDEMPOTENT_METHODS,
  NetworkError,
  REQUEST_ID_HEADERS,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  UsageError,
  basicAuth,
  cookies,
  createRuntime,
  cursorPages,
  formData,
  isApiError,
  linkPages,
  offsetPages,
  pageGuard,
  pageNumberPages,
  readFile,
  serverVariables
};
