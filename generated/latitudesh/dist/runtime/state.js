import { bindAuth, credentialCarriers } from "./auth.js";
import { bodyKind } from "./body.js";
import { createLog } from "./log.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./limits.js";
import { clientRetry, IDEMPOTENT_METHODS } from "./retry.js";
import { assignHeaders } from "./serialize.js";
import { resolveBaseUrl } from "./servers.js";
import { validationOptions } from "./validate.js";
const DEFAULT_TIMEOUT_MS = 6e4;
function clientState(definition, options, features) {
  const headers = {};
  if (options.headers !== void 0) assignHeaders(headers, options.headers);
  const carriers = credentialCarriers(definition);
  return {
    baseUrl: resolveBaseUrl(definition, options, features.serverVariables),
    headers,
    init: { ...options.requestInit },
    fetch: options.fetch,
    retry: clientRetry(options.retry),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    middleware: options.middleware ?? [],
    mwOptions: void 0,
    credentialHeaders: carriers.headers,
    credentialQuery: carriers.query,
    log: createLog(
      options.logger,
      options.logLevel,
      [...carriers.headers, ...options.redactHeaders ?? []],
      carriers.query
    ),
    validate: validationOptions(options),
    cookies: features.cookies
  };
}
function bind(definition, auth, meta, features) {
  const { formData, files } = features;
  const method = meta.method.toUpperCase();
  return {
    ...meta,
    method,
    segments: meta.path.split(/\{([^}]+)\}/),
    // odd indexes are parameter names
    // A declared idempotency key makes a repeated POST/PATCH safe, so it retries like a PUT.
    idempotent: IDEMPOTENT_METHODS.has(method) || meta.idempotencyHeader !== void 0,
    bodyKind: bodyKind(meta.bodyContentType),
    ...bindAuth(definition, auth, meta, features.basicAuth),
    anonymous: meta.security.length === 0 || meta.security.some((set) => set.length === 0),
    idempotencyHeader: meta.idempotencyHeader?.toLowerCase(),
    formData: formData && ((body) => formData(body, meta.multipartEncoding)),
    readFile: meta.binaryResponse && files
  };
}
export {
  DEFAULT_TIMEOUT_MS,
  bind,
  clientState
};
