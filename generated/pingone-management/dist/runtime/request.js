import { applyCredentials } from "./auth.js";
import { encodeBody } from "./body.js";
import { UsageError } from "./errors.js";
import { assignHeaders, buildPath, serializeQuery } from "./serialize.js";
function draftRequest(state, op, input) {
  const p = input?.params;
  const path = buildPath(op, p?.path);
  const query = p?.query === void 0 ? "" : serializeQuery(p.query, op.query);
  const headers = { ...state.headers };
  const body = input?.body === void 0 ? void 0 : encodeBody(op.bodyKind, op.bodyContentType, input.body, headers, op.formData);
  if (op.idempotencyHeader !== void 0) headers[op.idempotencyHeader] = globalThis.crypto.randomUUID();
  return { path, query, headers, body, cookie: "" };
}
function finishRequest(state, op, draft, credentials, input, call, signal, target) {
  const p = input?.params;
  if (credentials !== void 0) applyCredentials(credentials, draft);
  const { headers, body } = draft;
  if (p?.header !== void 0) assignHeaders(headers, p.header);
  if (call?.headers !== void 0) assignHeaders(headers, call.headers);
  state.cookies?.(headers, draft.cookie, p?.cookie);
  for (const name in headers)
    if (/[^\t -~\x80-\xff]|^[\t ]|[\t ]$/.test(headers[name]))
      throw new UsageError(op.id, `invalid header ${name}`);
  const init = { ...state.init, ...call?.fetchOptions, method: op.method, headers, redirect: "manual" };
  if (body !== void 0) init.body = body;
  if (body instanceof ReadableStream) init.duplex = "half";
  if (signal !== void 0) init.signal = signal;
  if (target !== void 0) return { url: withQuery(target, draft.query), init };
  return { url: state.baseUrl + draft.path + (draft.query === "" ? "" : `?${draft.query}`), init };
}
function withQuery(url, query) {
  return query === "" ? url : `${url}${url.includes("?") ? "&" : "?"}${query}`;
}
export {
  draftRequest,
  finishRequest
};
