import { bindAuth, credentialCarriers } from "./auth.js";
import { bodyKind } from "./body.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./limits.js";
import { clientRetry, IDEMPOTENT_METHODS } from "./retry.js";
import { assignHeaders } from "./serialize.js";
import { resolveBaseUrl } from "./servers.js";
function clientState(definition, options) {
  const headers = {};
  if (options.headers !== void 0) assignHeaders(headers, options.headers);
  const carriers = credentialCarriers(definition);
  return {
    baseUrl: resolveBaseUrl(definition, options),
    headers,
    init: { ...options.requestInit },
    fetch: options.fetch,
    retry: clientRetry(options.retry),
    timeoutMs: options.timeoutMs ?? 0,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    middleware: options.middleware ?? [],
    mwOptions: void 0,
    credentialHeaders: carriers.headers,
    credentialQuery: carriers.query
  };
}
function bind(definition, auth, meta) {
  const method = meta.method.toUpperCase();
  return {
    id: meta.id,
    method,
    path: meta.path,
    segments: meta.path.split(/\{([^}]+)\}/),
    // odd indexes are parameter names
    pathStyles: meta.pathStyles,
    idempotent: IDEMPOTENT_METHODS.has(method),
    bodyType: meta.bodyContentType,
    bodyKind: bodyKind(meta.bodyContentType),
    jsonResponse: meta.jsonResponse,
    query: meta.query,
    ...bindAuth(definition, auth, meta),
    anonymous: meta.security.length === 0 || meta.security.some((set) => set.length === 0),
    pagination: meta.pagination
  };
}
export {
  bind,
  clientState
};
