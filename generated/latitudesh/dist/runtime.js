import createClient from "openapi-fetch";
class ApiError extends Error {
  kind = "api";
  operationId;
  status;
  /** Parsed JSON for JSON media types, text otherwise, undefined when empty. */
  body;
  headers;
  response;
  constructor(operationId, response, body) {
    super(`${operationId} failed: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
    this.name = "ApiError";
    this.operationId = operationId;
    this.status = response.status;
    this.body = body;
    this.headers = response.headers;
    this.response = response;
  }
}
class NetworkError extends Error {
  kind = "network";
  operationId;
  cause;
  constructor(operationId, cause) {
    const detail = cause instanceof Error ? cause.cause instanceof Error ? cause.cause.message : cause.message : String(cause);
    super(`${operationId} failed: network error (${detail})`, { cause });
    this.name = "NetworkError";
    this.operationId = operationId;
    this.cause = cause;
  }
}
class TimeoutError extends Error {
  kind = "timeout";
  operationId;
  timeoutMs;
  constructor(operationId, timeoutMs) {
    super(`${operationId} timed out after ${timeoutMs} ms`);
    this.name = "TimeoutError";
    this.operationId = operationId;
    this.timeoutMs = timeoutMs;
  }
}
function isApiError(error, operationId) {
  return error instanceof ApiError && error.operationId === operationId;
}
const DEFAULT_RETRY = { attempts: 3, baseDelayMs: 200, maxDelayMs: 5e3, maxElapsedMs: 3e4, retryNonIdempotent: false, statuses: [429, 500, 502, 503, 504] };
const IDEMPOTENT_METHODS = /* @__PURE__ */ new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);
const MAX_REDIRECTS = 5;
const EMPTY = Object.freeze({});
function mergeRetry(base, o) {
  return {
    attempts: o.attempts ?? base.attempts,
    baseDelayMs: o.baseDelayMs ?? base.baseDelayMs,
    maxDelayMs: o.maxDelayMs ?? base.maxDelayMs,
    maxElapsedMs: o.maxElapsedMs ?? base.maxElapsedMs,
    retryNonIdempotent: o.retryNonIdempotent ?? base.retryNonIdempotent,
    statuses: o.statuses ?? base.statuses
  };
}
function resolveBaseUrl(definition, options) {
  let url = options.baseUrl;
  if (url === void 0) {
    const index = options.server?.index ?? 0;
    const server = definition.servers[index];
    if (server === void 0) {
      if (definition.servers.length > 0 || index !== 0) throw new Error(`server index ${index} out of range (${definition.servers.length} servers)`);
      throw new Error("the API defines no servers: pass options.baseUrl");
    }
    const given = options.server?.variables ?? {};
    for (const name in given) if (!(name in server.variables)) throw new Error(`server ${server.url} has no variable "${name}"`);
    url = server.url.replace(/\{([^}]+)\}/g, (match, name) => {
      const variable = server.variables[name];
      if (variable === void 0) return match;
      const value = given[name] ?? variable.default;
      if (variable.enum && !variable.enum.includes(value)) {
        throw new Error(`server variable "${name}" must be one of ${variable.enum.map((v) => JSON.stringify(v)).join(", ")}; got ${JSON.stringify(value)}`);
      }
      return value;
    });
  }
  url = url.replace(/\/+$/, "");
  try {
    new URL(url, globalThis.location?.href);
  } catch {
    throw new Error(`base URL ${JSON.stringify(url)} is not absolute: pass options.baseUrl`);
  }
  return url;
}
function base64(text2) {
  let binary = "";
  for (const byte of new TextEncoder().encode(text2)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
function bind(definition, auth, meta) {
  const segments = meta.path.split(/\{([^}]+)\}/);
  const alternatives = [];
  for (const set of meta.security) {
    if (set.length === 0) continue;
    const parts = [];
    for (const key of set) {
      const scheme = definition.securitySchemes[key];
      if (scheme === void 0) throw new Error(`${meta.id}: unknown security scheme "${key}"`);
      const credential = auth?.[key];
      if (credential === void 0) break;
      parts.push(credentialPart(meta.id, key, scheme, credential));
    }
    if (parts.length === set.length) alternatives.push(parts);
  }
  const first = alternatives[0];
  const bodyType = meta.bodyContentType?.toLowerCase();
  return {
    id: meta.id,
    method: meta.method.toUpperCase(),
    path: meta.path,
    segments,
    idempotent: IDEMPOTENT_METHODS.has(meta.method.toUpperCase()),
    bodyType: meta.bodyContentType,
    bodyKind: bodyType === void 0 || isJson(bodyType) ? "json" : bodyType.startsWith("application/x-www-form-urlencoded") ? "form" : bodyType.startsWith("multipart/form-data") ? "multipart" : "raw",
    query: meta.query,
    staticAuth: first?.every((p) => p.value !== void 0) ? first.map((p) => ({ place: p.place, name: p.name, value: p.value })) : void 0,
    auth: alternatives,
    pagination: meta.pagination
  };
}
function credentialPart(opId, key, scheme, credential) {
  let place = "header", name = "authorization", prefix = "Bearer ";
  if (scheme.type === "apiKey") {
    place = scheme.in === "query" ? "query" : scheme.in === "cookie" ? "cookie" : "header";
    name = place === "header" ? scheme.name.toLowerCase() : scheme.name;
    prefix = "";
  } else if (scheme.type === "http") {
    const s = scheme.scheme.toLowerCase();
    prefix = s === "bearer" ? "Bearer " : s === "basic" ? "Basic " : `${scheme.scheme} `;
  }
  if (typeof credential === "function") return { place, name, prefix, value: void 0, provider: credential };
  if (typeof credential === "string") return { place, name, prefix, value: prefix + credential, provider: void 0 };
  if (prefix !== "Basic ") throw new TypeError(`${opId}: credential for "${key}" must be a string or a provider`);
  return { place, name, prefix, value: prefix + base64(`${credential.username}:${credential.password}`), provider: void 0 };
}
async function resolveAuth(alternatives) {
  next: for (const parts of alternatives) {
    const applied = [];
    for (const part of parts) {
      let value = part.value;
      if (part.provider !== void 0) {
        const raw = await part.provider();
        if (raw === void 0) continue next;
        value = part.prefix + raw;
      }
      applied.push({ place: part.place, name: part.name, value });
    }
    return applied;
  }
  return void 0;
}
function isJson(contentType) {
  const semi = contentType.indexOf(";");
  const type = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return type === "application/json" || type.endsWith("+json");
}
function text(value) {
  return value instanceof Date ? value.toISOString() : String(value);
}
function buildPath(op, path) {
  const s = op.segments;
  let out = s[0];
  for (let i = 1; i < s.length; i += 2) {
    const name = s[i];
    const value = path?.[name];
    if (value === void 0 || value === null || value === "") throw new Error(`${op.id}: missing required path parameter "${name}"`);
    const encoded = Array.isArray(value) ? value.map((v) => encodeURIComponent(text(v))).join(",") : encodeURIComponent(text(value));
    if (encoded === "." || encoded === "..") throw new Error(`${op.id}: path parameter "${name}" cannot be ${JSON.stringify(encoded)}`);
    out += encoded + s[i + 1];
  }
  return out;
}
function serializeQuery(query, styles) {
  let out = "";
  for (const name in query) {
    const value = query[name];
    if (value === void 0 || value === null) continue;
    const key = encodeURIComponent(name);
    const style = styles?.[name];
    if (Array.isArray(value)) {
      if (style === void 0 || style.explode !== false && (style.style ?? "form") === "form") {
        for (const item of value) if (item !== void 0 && item !== null) out += `&${key}=${encodeURIComponent(text(item))}`;
      } else if (value.length > 0) {
        const sep = style.style === "spaceDelimited" ? "%20" : style.style === "pipeDelimited" ? "|" : ",";
        out += `&${key}=${value.map((v) => encodeURIComponent(text(v))).join(sep)}`;
      }
    } else if (typeof value === "object" && !(value instanceof Date)) {
      const entries = Object.entries(value).filter((e) => e[1] !== void 0 && e[1] !== null);
      if (style?.style === "deepObject") {
        for (const [k, v] of entries) out += `&${encodeURIComponent(`${name}[${k}]`)}=${encodeURIComponent(text(v))}`;
      } else if (style?.explode === false) {
        out += `&${key}=${entries.map(([k, v]) => `${encodeURIComponent(k)},${encodeURIComponent(text(v))}`).join(",")}`;
      } else {
        for (const [k, v] of entries) out += `&${encodeURIComponent(k)}=${encodeURIComponent(text(v))}`;
      }
    } else {
      out += `&${key}=${encodeURIComponent(text(value))}`;
    }
  }
  return out.slice(1);
}
function assignHeaders(target, source) {
  for (const name in source) {
    const value = source[name];
    if (value !== void 0 && value !== null) target[name.toLowerCase()] = text(value);
  }
}
function encodeBody(op, body, headers) {
  if (op.bodyKind === "json") {
    headers["content-type"] = op.bodyType ?? "application/json";
    return JSON.stringify(body);
  }
  if (op.bodyKind === "multipart") {
    if (body instanceof FormData) return body;
    const form = new FormData();
    for (const [k, v] of Object.entries(body)) {
      for (const item of Array.isArray(v) ? v : [v]) {
        if (item !== void 0 && item !== null) form.append(k, item instanceof Blob ? item : typeof item === "object" ? JSON.stringify(item) : text(item));
      }
    }
    return form;
  }
  headers["content-type"] = op.bodyType;
  if (op.bodyKind === "form" && body !== null && typeof body === "object" && !(body instanceof URLSearchParams)) {
    return serializeQuery(body, void 0);
  }
  return body;
}
function abortWithTimeout(controller, opId, ms) {
  controller.abort(new TimeoutError(opId, ms));
}
function abortable(promise, signal) {
  if (signal === void 0) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
function discard(response) {
  response.body?.cancel().catch(() => void 0);
}
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal === void 0) {
      setTimeout(resolve, ms);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
function retryAfterMs(value) {
  if (value === null) return void 0;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1e3;
  const at2 = Date.parse(value);
  return Number.isNaN(at2) ? void 0 : Math.max(0, at2 - Date.now());
}
function doFetch(state, url, init) {
  return state.fetch === void 0 ? fetch(url, init) : state.fetch(new Request(url, init));
}
async function follow(state, url, init) {
  let response = await doFetch(state, url, init);
  let origin;
  for (let hops = 0; ; hops++) {
    const status = response.status;
    if (status !== 301 && status !== 302 && status !== 303 && status !== 307 && status !== 308) return response;
    const location = response.headers.get("location");
    if (location === null || hops === MAX_REDIRECTS) return response;
    const keepsBody = status === 307 || status === 308;
    if (keepsBody && init.body instanceof ReadableStream) return response;
    discard(response);
    origin ??= new URL(url).origin;
    const next = new URL(location, url);
    const headers = new Headers(init.headers);
    if (next.origin !== origin) {
      for (const name of state.credentialHeaders) headers.delete(name);
      for (const name of state.credentialQuery) next.searchParams.delete(name);
    }
    init = { ...init, headers };
    if (!keepsBody && init.method !== "HEAD") {
      init.method = "GET";
      init.body = null;
      headers.delete("content-type");
      headers.delete("content-length");
    }
    url = next.href;
    response = await doFetch(state, url, init);
  }
}
async function send(state, op, url, init, retry) {
  const signal = init.signal ?? void 0;
  const max = retry === null || !op.idempotent && !retry.retryNonIdempotent || init.body instanceof ReadableStream ? 1 : retry.attempts;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    let response;
    let failure;
    try {
      response = await follow(state, url, init);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (isValidationError(error)) throw error;
      failure = error instanceof NetworkError ? error : new NetworkError(op.id, error);
    }
    if (attempt >= max || retry === null || response !== void 0 && !retry.statuses.includes(response.status)) {
      if (response !== void 0) return response;
      throw failure;
    }
    let delay = Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
    const retryAfter = response === void 0 ? void 0 : retryAfterMs(response.headers.get("retry-after"));
    if (retryAfter !== void 0) delay = Math.min(retryAfter, retry.maxDelayMs);
    if (Date.now() - started + delay > retry.maxElapsedMs) {
      if (response !== void 0) return response;
      throw failure;
    }
    if (response !== void 0) discard(response);
    await sleep(delay, signal);
  }
}
async function withMiddleware(state, op, url, init, input, retry) {
  const original = new Request(url, init);
  let request = original;
  const params = input?.params ?? EMPTY;
  const id = Math.random().toString(36).slice(2, 11);
  const options = state.mwOptions ??= middlewareOptions(state);
  for (const m of state.middleware) {
    if (typeof m.onRequest !== "function") continue;
    const result = await m.onRequest({ request, schemaPath: op.path, params, options, id });
    if (result instanceof Request) request = result;
    else if (result instanceof Response) return result;
    else if (result) throw new Error("onRequest: must return new Request() or Response() when modifying the request");
  }
  const body = request === original ? init.body ?? null : request.body === null ? null : await request.arrayBuffer();
  const sendInit = { ...init, method: request.method, headers: request.headers, body };
  let response;
  try {
    response = await send(state, op, request.url, sendInit, retry);
  } catch (thrown) {
    let error = classify(thrown, init.signal);
    let replaced;
    for (let i = state.middleware.length - 1; i >= 0 && replaced === void 0; i--) {
      const m = state.middleware[i];
      if (typeof m?.onError !== "function") continue;
      const result = await m.onError({ request, error, schemaPath: op.path, params, options, id });
      if (result instanceof Response) replaced = result;
      else if (result instanceof Error) error = result;
      else if (result !== void 0) throw new Error("onError: must return new Response() or instance of Error");
    }
    if (replaced === void 0) throw error;
    response = replaced;
  }
  for (let i = state.middleware.length - 1; i >= 0; i--) {
    const m = state.middleware[i];
    if (typeof m?.onResponse !== "function") continue;
    const result = await m.onResponse({ request, response, schemaPath: op.path, params, options, id });
    if (result instanceof Response) response = result;
    else if (result) throw new Error("onResponse: must return new Response() when modifying the response");
  }
  return response;
}
function middlewareOptions(state) {
  return Object.freeze({
    baseUrl: state.baseUrl,
    parseAs: "json",
    querySerializer: (query) => serializeQuery(query, void 0),
    bodySerializer: (body) => JSON.stringify(body),
    pathSerializer: (path) => path,
    fetch: state.fetch ?? fetch
  });
}
function classify(error, signal) {
  return signal?.aborted ? signal.reason : error;
}
async function readResult(op, response) {
  const ok = response.status >= 200 && response.status < 300;
  let data;
  if (response.status !== 204 && response.status !== 205 && response.status !== 304 && op.method !== "HEAD") {
    let raw;
    try {
      raw = await response.text();
    } catch (error) {
      throw new NetworkError(op.id, error);
    }
    const type = response.headers.get("content-type");
    data = raw === "" ? void 0 : raw;
    if (raw !== "" && type !== null && isJson(type)) {
      try {
        data = JSON.parse(raw);
      } catch (error) {
        if (ok) throw new Error(`${op.id}: HTTP ${response.status} response is not valid JSON`, { cause: error });
      }
    }
  } else discard(response);
  if (!ok) throw new ApiError(op.id, response, data);
  return data;
}
async function execute(state, op, input, call) {
  const timeoutMs = call?.timeoutMs ?? state.timeoutMs;
  const caller = call?.signal;
  let signal = caller;
  let timer;
  let forward;
  if (timeoutMs > 0 && timeoutMs < Infinity) {
    const controller = new AbortController();
    timer = setTimeout(abortWithTimeout, timeoutMs, controller, op.id, timeoutMs);
    if (caller !== void 0) {
      forward = () => controller.abort(caller.reason);
      if (caller.aborted) forward();
      else caller.addEventListener("abort", forward, { once: true });
    }
    signal = controller.signal;
  }
  try {
    if (signal?.aborted) throw signal.reason;
    if (state.validate !== void 0) validateRequest(state, op, input);
    const p = input?.params;
    let url = state.baseUrl + buildPath(op, p?.path);
    let query = p?.query === void 0 ? "" : serializeQuery(p.query, op.query);
    const headers = { ...state.headers };
    const body = input?.body === void 0 ? void 0 : encodeBody(op, input.body, headers);
    let cookie = "";
    const credentials = op.staticAuth ?? (op.auth.length === 0 ? void 0 : await abortable(resolveAuth(op.auth), signal));
    if (credentials !== void 0) for (const c of credentials) {
      if (c.place === "header") headers[c.name] = c.value;
      else if (c.place === "query") query += `${query ? "&" : ""}${encodeURIComponent(c.name)}=${encodeURIComponent(c.value)}`;
      else cookie += `; ${c.name}=${c.value}`;
    }
    if (p?.header !== void 0) assignHeaders(headers, p.header);
    if (p?.cookie !== void 0) for (const name in p.cookie) {
      const v = p.cookie[name];
      if (v !== void 0 && v !== null) cookie += `; ${name}=${encodeURIComponent(text(v))}`;
    }
    if (call?.headers !== void 0) assignHeaders(headers, call.headers);
    if (cookie !== "") headers.cookie = headers.cookie ? headers.cookie + cookie : cookie.slice(2);
    if (query !== "") url += `?${query}`;
    const init = { ...state.init, ...call?.fetchOptions, method: op.method, headers, redirect: "manual" };
    if (body !== void 0) init.body = body;
    if (body instanceof ReadableStream) init.duplex = "half";
    if (signal !== void 0) init.signal = signal;
    const retry = call?.retry === void 0 ? state.retry : call.retry === false ? null : mergeRetry(state.retry ?? DEFAULT_RETRY, call.retry);
    const response = state.middleware.length === 0 ? await send(state, op, url, init, retry) : await withMiddleware(state, op, url, init, input, retry);
    const result = await readResult(op, response);
    if (state.validate !== void 0) validateResponse(state.validate, op.id, response.status, result);
    return result;
  } catch (error) {
    throw classify(error, signal);
  } finally {
    if (timer !== void 0) clearTimeout(timer);
    if (forward !== void 0) caller?.removeEventListener("abort", forward);
  }
}
function at(value, path) {
  for (const key of path) value = value !== null && typeof value === "object" ? value[key] : void 0;
  return value;
}
async function* pages(state, op, input, call) {
  const pg = op.pagination;
  const query = input?.params?.query ?? {};
  const given = query[pg.limit];
  let limit = given === void 0 || given === null ? void 0 : Number(given);
  let offset = Number(query[pg.offset] ?? 0);
  for (; ; ) {
    const page = await execute(state, op, { ...input, params: { ...input?.params, query: { ...query, [pg.offset]: offset } } }, call);
    yield page;
    const items2 = at(page, pg.items);
    const count = Array.isArray(items2) ? items2.length : 0;
    if (count === 0) return;
    offset += count;
    const total = at(page, pg.total);
    if (typeof total === "number" || typeof total === "string" && total !== "" && !Number.isNaN(Number(total))) {
      if (offset >= Number(total)) return;
    } else {
      limit ??= count;
      if (count < limit) return;
    }
  }
}
async function* items(state, op, input, call) {
  const path = op.pagination.items;
  for await (const page of pages(state, op, input, call)) {
    const list = at(page, path);
    if (Array.isArray(list)) yield* list;
  }
}
function createRuntime(definition, options = {}) {
  const baseUrl = resolveBaseUrl(definition, options);
  const headers = {};
  if (options.headers !== void 0) assignHeaders(headers, options.headers);
  const credentialHeaders = ["authorization", "proxy-authorization", "cookie"];
  const credentialQuery = [];
  for (const key in definition.securitySchemes) {
    const s = definition.securitySchemes[key];
    if (s?.type === "apiKey" && s.in === "header") credentialHeaders.push(s.name.toLowerCase());
    if (s?.type === "apiKey" && s.in === "query") credentialQuery.push(s.name);
  }
  const state = {
    baseUrl,
    headers,
    init: { ...options.requestInit },
    fetch: options.fetch,
    retry: options.retry === false ? null : options.retry === void 0 ? DEFAULT_RETRY : mergeRetry(DEFAULT_RETRY, options.retry),
    timeoutMs: options.timeoutMs ?? 0,
    middleware: options.middleware ?? [],
    mwOptions: void 0,
    credentialHeaders,
    credentialQuery,
    validate: validationOptions(options.validate)
  };
  const raw = createClient({
    ...options.requestInit,
    baseUrl,
    querySerializer: (query) => serializeQuery(query, void 0),
    ...options.headers === void 0 ? {} : { headers: options.headers },
    ...options.fetch === void 0 ? {} : { fetch: options.fetch }
  });
  if (state.middleware.length > 0) raw.use(...state.middleware);
  return {
    raw,
    operation(meta) {
      const op = bind(definition, options.auth, meta);
      return ((input, call) => execute(state, op, input, call));
    },
    paginated(meta) {
      if (meta.pagination === void 0) throw new Error(`${meta.id}: no pagination metadata`);
      const op = bind(definition, options.auth, meta);
      return Object.assign((input, call) => execute(state, op, input, call), {
        pages: (input, call) => pages(state, op, input, call),
        items: (input, call) => items(state, op, input, call)
      });
    }
  };
}
function validationOptions(options) {
  if (options === void 0 || (options.request ?? "off") === "off" && (options.response ?? "off") === "off") return void 0;
  if (typeof options.validators?.request !== "function") throw new Error(`validate: pass the package's validators, e.g. import { validators } from "@apigen/<provider>/validate"`);
  return options;
}
function isValidationError(error) {
  return error instanceof Error && error.kind === "validation";
}
function report(mode, error) {
  if (error === void 0 || mode === "off" || mode === void 0) return;
  if (mode === "throw") throw error;
  console.warn(error.message);
}
function validateRequest(state, op, input) {
  const v = state.validate;
  if ((v.request ?? "off") !== "off") report(v.request, v.validators.request(op.id, input ?? {}, state.headers));
}
function validateResponse(v, operationId, status, body) {
  if ((v.response ?? "off") !== "off") report(v.response, v.validators.response(operationId, status, body));
}
export {
  ApiError,
  DEFAULT_RETRY,
  IDEMPOTENT_METHODS,
  NetworkError,
  TimeoutError,
  createRuntime,
  isApiError
};
