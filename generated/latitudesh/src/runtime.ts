// Copied by apigen from its client runtime (generator/runtime/runtime.ts). Do not edit.
/**
 * Client runtime shared by every generated package (copied verbatim to `src/runtime.ts`).
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
 * Every failure throws (ApiError | NetworkError | TimeoutError | the caller's abort reason).
 * Requests go straight to `fetch(url, init)` built from per-operation data precomputed at bind
 * time; a `Request` object is only built when middleware or a custom `fetch` needs one.
 */
import createClient from "openapi-fetch";
import type { Client, MergedOptions, Middleware } from "openapi-fetch";

export type { Client, Middleware } from "openapi-fetch";

// ---- Definitions the generator emits ----

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** Non-default OpenAPI query serialization (default: style form, explode true). */
export interface QueryStyle {
  readonly style?: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  readonly explode?: boolean;
}

export interface OperationMeta {
  readonly id: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** OR of AND-sets of scheme keys; `[]` = no auth. An empty AND-set means "anonymous allowed". */
  readonly security: readonly (readonly string[])[];
  readonly pagination?: {
    readonly limit: string;
    readonly offset: string;
    readonly items: readonly string[];
    readonly total: readonly string[];
  };
  readonly bodyContentType?: string;
  /** Only for query parameters that are not form/explode; keyed by parameter name. */
  readonly query?: Readonly<Record<string, QueryStyle>>;
}

export type SecuritySchemeDef =
  | { readonly type: "apiKey"; readonly in: "header" | "query" | "cookie"; readonly name: string }
  | { readonly type: "http"; readonly scheme: string }
  | { readonly type: "oauth2" }
  | { readonly type: "openIdConnect" };

export interface ServerDef {
  readonly url: string;
  readonly variables: Readonly<Record<string, { readonly default: string; readonly enum?: readonly string[] }>>;
}

export interface ApiDefinition {
  readonly servers: readonly ServerDef[];
  readonly securitySchemes: Readonly<Record<string, SecuritySchemeDef>>;
}

// ---- Options ----

/**
 * A static string, `{ username, password }` (http basic) or a provider called once per logical call
 * (for refresh); a provider returning undefined makes the next security alternative be tried.
 * For http basic a string (static or provided) is the already base64-encoded `user:pass`.
 */
export type Credential =
  | string
  | { username: string; password: string }
  | (() => string | undefined | Promise<string | undefined>);

export interface RetryOptions {
  /** Total tries including the first. Default 3. */
  attempts?: number | undefined;
  /** Base of the exponential backoff (full jitter). Default 200. */
  baseDelayMs?: number | undefined;
  /** Cap on each wait, also on `Retry-After`. Default 5000. */
  maxDelayMs?: number | undefined;
  /** No retry is started whose wait would end later than this after the first attempt. Default 30000. */
  maxElapsedMs?: number | undefined;
  /** Also retry POST/PATCH. Default false. */
  retryNonIdempotent?: boolean | undefined;
  /** Default [429, 500, 502, 503, 504]. Network errors are always retryable. */
  statuses?: readonly number[] | undefined;
}

/** Fetch options we let callers set; redirect is ours (followed manually to keep credentials on-origin). */
export type FetchInit = Omit<RequestInit, "headers" | "body" | "method" | "signal" | "redirect">;

/** Which of the spec's servers to call; generated clients narrow it to their servers and variable values. */
export interface ServerChoice {
  /** Index into the spec's servers. Default 0. */
  index?: number | undefined;
  /** Values for the server URL's `{variables}`; one left out takes its default. Checked against the enum. */
  variables?: Readonly<Record<string, string | undefined>> | undefined;
}

export interface ClientOptions<Schemes extends string = string, Server extends ServerChoice = ServerChoice> {
  /** Overrides the spec servers. */
  baseUrl?: string | undefined;
  /** Pick a spec server (default index 0) and fill its `{variables}` (enum-checked). */
  server?: Server | undefined;
  auth?: { [K in Schemes]?: Credential | undefined } | undefined;
  retry?: RetryOptions | false | undefined;
  /** Budget for a whole logical call: middleware, every attempt, backoff waits, body read. 0/undefined = none. */
  timeoutMs?: number | undefined;
  headers?: Record<string, string> | undefined;
  /** Gets a `Request` per attempt (costs one Request construction per attempt). */
  fetch?: ((input: Request) => Promise<Response>) | undefined;
  /** openapi-fetch middleware: runs once per logical call; retries and redirects happen beneath it. */
  middleware?: readonly Middleware[] | undefined;
  requestInit?: FetchInit | undefined;
  /** Opt-in schema validation of requests and responses (see "Validation hook" below). */
  validate?: ValidateOptions | undefined;
}

export interface CallOptions {
  /** Merged over the client's retry options; `false` disables retries for this call. */
  retry?: RetryOptions | false | undefined;
  /** Overrides the client's timeout for this call; 0 disables it. */
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
  fetchOptions?: FetchInit | undefined;
}

// ---- Types over an openapi-typescript operation object ----
// Re-derived here: openapi-typescript-helpers is not a dependency of generated packages.

type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type ValueOf<T> = [keyof T] extends [never] ? undefined : T[keyof T];

type ParamsPart<Op> = Op extends { parameters: infer P }
  ? [RequiredKeys<P>] extends [never] ? { params?: P | undefined } : { params: P }
  : { params?: never };
type BodyContent<B> = B extends { content: infer C } ? ValueOf<C> : never;
type BodyPart<Op> = Op extends { requestBody: infer B }
  ? { body: BodyContent<B> }
  : Op extends { requestBody?: infer B }
    ? [NonNullable<B>] extends [never] ? { body?: never } : { body?: BodyContent<NonNullable<B>> | undefined }
    : { body?: never };

/** First argument of an operation: `{ params?: { path, query, header, cookie }, body? }`. */
export type OperationParams<Op> = Simplify<ParamsPart<Op> & BodyPart<Op>>;
/** Arguments of an operation; `params` is optional when nothing inside it is required. */
export type OperationArgs<Op> = [RequiredKeys<OperationParams<Op>>] extends [never]
  ? [params?: OperationParams<Op> | undefined, options?: CallOptions | undefined]
  : [params: OperationParams<Op>, options?: CallOptions | undefined];

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type ToNumber<S> = S extends `${infer N extends number}` ? N : never;
type StatusRange<H extends number> = ToNumber<`${H}${Digit}${Digit}`>;
/** Statuses an operation can end with as an error (1xx never surface, 2xx are success). */
type ErrorStatus = StatusRange<3 | 4 | 5>;
type SuccessKey = StatusRange<2> | "2XX";
type Responses<Op> = Op extends { responses: infer R } ? R : {};
type ContentOf<R> = R extends { content: infer C } ? ValueOf<C> : undefined;
type SuccessKeys<R> = Extract<keyof R, SuccessKey>;
type DeclaredCodes<R> = Extract<keyof R, number>;
type DeclaredRanges<R> = keyof R extends infer K ? (K extends `${infer H extends number}XX` ? StatusRange<H> : never) : never;
type ErrorKeys<R> = Exclude<keyof R, SuccessKey>;
// "4XX" covers the 4xx codes not declared on their own; "default" covers every error status left.
type StatusOfKey<K, R> = K extends number
  ? K
  : K extends `${infer H extends number}XX`
    ? Exclude<StatusRange<H>, DeclaredCodes<R>>
    : Exclude<ErrorStatus, DeclaredCodes<R> | DeclaredRanges<R>>;
type Undeclared<R> = "default" extends keyof R ? never : Exclude<ErrorStatus, DeclaredCodes<R> | DeclaredRanges<R>>;
type ErrorMember<S, B> = [S] extends [never] ? never : ApiError<S, B>;

/** The 2xx body (union over 2xx statuses; `undefined` for bodiless ones such as 204). */
export type ResponseData<Op> = [SuccessKeys<Responses<Op>>] extends [never]
  ? unknown
  : { [K in SuccessKeys<Responses<Op>>]: ContentOf<Responses<Op>[K]> }[SuccessKeys<Responses<Op>>];

/**
 * ApiError narrowed to Op's declared error responses, discriminated by `status`. Statuses are
 * literal unions (ranges expand to 300..599 minus what is declared), so `err.status === 404`
 * narrows to exactly the 404 body; statuses the spec does not declare have `body: unknown`.
 */
export type ApiErrorOf<Op> =
  | { [K in ErrorKeys<Responses<Op>>]: ErrorMember<StatusOfKey<K, Responses<Op>>, ContentOf<Responses<Op>[K]>> }[ErrorKeys<Responses<Op>>]
  | ErrorMember<Undeclared<Responses<Op>>, unknown>;

export type Operation<Op> = (...args: OperationArgs<Op>) => Promise<ResponseData<Op>>;
export type PaginatedOperation<Op, Item> = Operation<Op> & {
  /** Yields each page body, following limit/offset until offset >= total, a short page or an empty page. */
  pages(...args: OperationArgs<Op>): AsyncIterableIterator<ResponseData<Op>>;
  items(...args: OperationArgs<Op>): AsyncIterableIterator<Item>;
};

/** `isApiError` bound to a package's `operations` map: `const isApiError: ApiErrorGuard<operations> = ...`. */
export type ApiErrorGuard<Ops> = <K extends keyof Ops & string>(error: unknown, operationId: K) => error is ApiErrorOf<Ops[K]>;

export interface Runtime<Paths extends {}> {
  /** openapi-fetch client with the same baseUrl/fetch/headers/requestInit/middleware (no auth, retries, timeouts). */
  readonly raw: Client<Paths>;
  operation<Op>(meta: OperationMeta): Operation<Op>;
  paginated<Op, Item>(meta: OperationMeta): PaginatedOperation<Op, Item>;
}

// ---- Errors ----

export class ApiError<Status = number, Body = unknown> extends Error {
  readonly kind: "api" = "api";
  readonly operationId: string;
  readonly status: Status;
  /** Parsed JSON for JSON media types, text otherwise, undefined when empty. */
  readonly body: Body;
  readonly headers: Headers;
  readonly response: Response;
  constructor(operationId: string, response: Response, body: Body) {
    super(`${operationId} failed: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
    this.name = "ApiError";
    this.operationId = operationId;
    this.status = response.status as Status;
    this.body = body;
    this.headers = response.headers;
    this.response = response;
  }
}

/** The request never produced a response (connection refused/reset, DNS, TLS, body cut off). */
export class NetworkError extends Error {
  readonly kind: "network" = "network";
  readonly operationId: string;
  override readonly cause: unknown;
  constructor(operationId: string, cause: unknown) {
    const detail = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
    super(`${operationId} failed: network error (${detail})`, { cause });
    this.name = "NetworkError";
    this.operationId = operationId;
    this.cause = cause;
  }
}

/** The call's `timeoutMs` budget ran out (covers every attempt and backoff wait). */
export class TimeoutError extends Error {
  readonly kind: "timeout" = "timeout";
  readonly operationId: string;
  readonly timeoutMs: number;
  constructor(operationId: string, timeoutMs: number) {
    super(`${operationId} timed out after ${timeoutMs} ms`);
    this.name = "TimeoutError";
    this.operationId = operationId;
    this.timeoutMs = timeoutMs;
  }
}

export function isApiError<Ops, K extends keyof Ops & string>(error: unknown, operationId: K): error is ApiErrorOf<Ops[K]> {
  return error instanceof ApiError && error.operationId === operationId;
}

// ---- Internal state, precomputed once per client and once per operation ----

interface Input {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown>; cookie?: Record<string, unknown> };
  body?: unknown;
}
type Provider = () => string | undefined | Promise<string | undefined>;
type Place = "header" | "query" | "cookie";
/** A credential ready to apply; `value` already carries any "Bearer "/"Basic " prefix. */
interface AppliedCredential { readonly place: Place; readonly name: string; readonly value: string }
interface CredentialPart { readonly place: Place; readonly name: string; readonly prefix: string; readonly value: string | undefined; readonly provider: Provider | undefined }
type BodyKind = "json" | "form" | "multipart" | "raw";

/** A complete retry policy: RetryOptions with every field decided. */
export interface RetryPolicy {
  readonly attempts: number; readonly baseDelayMs: number; readonly maxDelayMs: number;
  readonly maxElapsedMs: number; readonly retryNonIdempotent: boolean; readonly statuses: readonly number[];
}
interface State {
  readonly baseUrl: string;
  readonly headers: Readonly<Record<string, string>>; // lower-cased names
  readonly init: FetchInit;
  readonly fetch: ((input: Request) => Promise<Response>) | undefined;
  readonly retry: RetryPolicy | null;
  readonly timeoutMs: number;
  readonly middleware: readonly Middleware[];
  mwOptions: MergedOptions | undefined; // built lazily, only middleware sees it
  readonly credentialHeaders: readonly string[]; // dropped on cross-origin redirects
  readonly credentialQuery: readonly string[];
  readonly validate: ValidateOptions | undefined;
}
interface Bound {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly segments: readonly string[]; // literal, param name, literal, param name, ..., literal
  readonly idempotent: boolean;
  readonly bodyType: string | undefined;
  readonly bodyKind: BodyKind;
  readonly query: Readonly<Record<string, QueryStyle>> | undefined;
  /** Set when the first usable alternative is all static: applied without awaiting anything. */
  readonly staticAuth: readonly AppliedCredential[] | undefined;
  readonly auth: readonly (readonly CredentialPart[])[]; // usable alternatives, in spec order
  readonly pagination: OperationMeta["pagination"];
}

/** What the client does when no `retry` option is given (documented in each package's docs). */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 200, maxDelayMs: 5000, maxElapsedMs: 30000, retryNonIdempotent: false, statuses: [429, 500, 502, 503, 504] };
/** Methods retried without `retryNonIdempotent`: repeating them cannot act twice. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);
const MAX_REDIRECTS = 5;
const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

function mergeRetry(base: RetryPolicy, o: RetryOptions): RetryPolicy {
  return {
    attempts: o.attempts ?? base.attempts, baseDelayMs: o.baseDelayMs ?? base.baseDelayMs, maxDelayMs: o.maxDelayMs ?? base.maxDelayMs,
    maxElapsedMs: o.maxElapsedMs ?? base.maxElapsedMs, retryNonIdempotent: o.retryNonIdempotent ?? base.retryNonIdempotent, statuses: o.statuses ?? base.statuses,
  };
}

function resolveBaseUrl(definition: ApiDefinition, options: ClientOptions): string {
  let url = options.baseUrl;
  if (url === undefined) {
    const index = options.server?.index ?? 0;
    const server = definition.servers[index];
    if (server === undefined) {
      if (definition.servers.length > 0 || index !== 0) throw new Error(`server index ${index} out of range (${definition.servers.length} servers)`);
      throw new Error("the API defines no servers: pass options.baseUrl");
    }
    const given = options.server?.variables ?? {};
    for (const name in given) if (!(name in server.variables)) throw new Error(`server ${server.url} has no variable "${name}"`);
    url = server.url.replace(/\{([^}]+)\}/g, (match, name: string) => {
      const variable = server.variables[name];
      if (variable === undefined) return match;
      const value = given[name] ?? variable.default;
      if (variable.enum && !variable.enum.includes(value)) {
        throw new Error(`server variable "${name}" must be one of ${variable.enum.map((v) => JSON.stringify(v)).join(", ")}; got ${JSON.stringify(value)}`);
      }
      return value;
    });
  }
  url = url.replace(/\/+$/, "");
  // Relative bases only work where there is a document to resolve against; fail early otherwise.
  try { new URL(url, (globalThis as { location?: { href: string } }).location?.href); } catch {
    throw new Error(`base URL ${JSON.stringify(url)} is not absolute: pass options.baseUrl`);
  }
  return url;
}

function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function bind(definition: ApiDefinition, auth: ClientOptions["auth"], meta: OperationMeta): Bound {
  const segments = meta.path.split(/\{([^}]+)\}/); // odd indexes are parameter names
  const alternatives: CredentialPart[][] = [];
  for (const set of meta.security) {
    if (set.length === 0) continue; // anonymous alternative: used anyway when nothing else applies
    const parts: CredentialPart[] = [];
    for (const key of set) {
      const scheme = definition.securitySchemes[key];
      if (scheme === undefined) throw new Error(`${meta.id}: unknown security scheme "${key}"`);
      const credential = auth?.[key];
      if (credential === undefined) break;
      parts.push(credentialPart(meta.id, key, scheme, credential));
    }
    if (parts.length === set.length) alternatives.push(parts);
  }
  const first = alternatives[0];
  const bodyType = meta.bodyContentType?.toLowerCase();
  return {
    id: meta.id, method: meta.method.toUpperCase(), path: meta.path, segments,
    idempotent: IDEMPOTENT_METHODS.has(meta.method.toUpperCase()),
    bodyType: meta.bodyContentType,
    bodyKind: bodyType === undefined || isJson(bodyType) ? "json"
      : bodyType.startsWith("application/x-www-form-urlencoded") ? "form"
      : bodyType.startsWith("multipart/form-data") ? "multipart" : "raw",
    query: meta.query,
    staticAuth: first?.every((p) => p.value !== undefined) ? first.map((p) => ({ place: p.place, name: p.name, value: p.value as string })) : undefined,
    auth: alternatives,
    pagination: meta.pagination,
  };
}

function credentialPart(opId: string, key: string, scheme: SecuritySchemeDef, credential: Credential): CredentialPart {
  let place: Place = "header", name = "authorization", prefix = "Bearer ";
  if (scheme.type === "apiKey") {
    place = scheme.in === "query" ? "query" : scheme.in === "cookie" ? "cookie" : "header";
    name = place === "header" ? scheme.name.toLowerCase() : scheme.name;
    prefix = "";
  } else if (scheme.type === "http") {
    const s = scheme.scheme.toLowerCase();
    prefix = s === "bearer" ? "Bearer " : s === "basic" ? "Basic " : `${scheme.scheme} `;
  }
  if (typeof credential === "function") return { place, name, prefix, value: undefined, provider: credential };
  if (typeof credential === "string") return { place, name, prefix, value: prefix + credential, provider: undefined };
  if (prefix !== "Basic ") throw new TypeError(`${opId}: credential for "${key}" must be a string or a provider`);
  return { place, name, prefix, value: prefix + base64(`${credential.username}:${credential.password}`), provider: undefined };
}

/** First alternative whose every credential is available (providers returning undefined are not). */
async function resolveAuth(alternatives: readonly (readonly CredentialPart[])[]): Promise<AppliedCredential[] | undefined> {
  next: for (const parts of alternatives) {
    const applied: AppliedCredential[] = [];
    for (const part of parts) {
      let value = part.value;
      if (part.provider !== undefined) {
        const raw = await part.provider();
        if (raw === undefined) continue next;
        value = part.prefix + raw;
      }
      applied.push({ place: part.place, name: part.name, value: value as string });
    }
    return applied;
  }
  return undefined;
}

// ---- Serialization ----

function isJson(contentType: string): boolean {
  const semi = contentType.indexOf(";");
  const type = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return type === "application/json" || type.endsWith("+json");
}

function text(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

function buildPath(op: Bound, path: Record<string, unknown> | undefined): string {
  const s = op.segments;
  let out = s[0] as string;
  for (let i = 1; i < s.length; i += 2) {
    const name = s[i] as string;
    const value = path?.[name];
    if (value === undefined || value === null || value === "") throw new Error(`${op.id}: missing required path parameter "${name}"`);
    const encoded = Array.isArray(value) ? value.map((v) => encodeURIComponent(text(v))).join(",") : encodeURIComponent(text(value));
    // "." and ".." survive encodeURIComponent (and %2E is decoded by URL parsers): they would move the path.
    if (encoded === "." || encoded === "..") throw new Error(`${op.id}: path parameter "${name}" cannot be ${JSON.stringify(encoded)}`);
    out += encoded + (s[i + 1] as string);
  }
  return out;
}

/** OpenAPI query serialization; names and values are percent-encoded (`filter[x]` -> `filter%5Bx%5D`). */
function serializeQuery(query: Record<string, unknown>, styles: Readonly<Record<string, QueryStyle>> | undefined): string {
  let out = "";
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    const key = encodeURIComponent(name);
    const style = styles?.[name];
    if (Array.isArray(value)) {
      if (style === undefined || (style.explode !== false && (style.style ?? "form") === "form")) {
        for (const item of value) if (item !== undefined && item !== null) out += `&${key}=${encodeURIComponent(text(item))}`;
      } else if (value.length > 0) {
        const sep = style.style === "spaceDelimited" ? "%20" : style.style === "pipeDelimited" ? "|" : ",";
        out += `&${key}=${value.map((v) => encodeURIComponent(text(v))).join(sep)}`;
      }
    } else if (typeof value === "object" && !(value instanceof Date)) {
      const entries = Object.entries(value).filter((e) => e[1] !== undefined && e[1] !== null);
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

function assignHeaders(target: Record<string, string>, source: Record<string, unknown>): void {
  for (const name in source) {
    const value = source[name];
    if (value !== undefined && value !== null) target[name.toLowerCase()] = text(value);
  }
}

function encodeBody(op: Bound, body: unknown, headers: Record<string, string>): BodyInit {
  if (op.bodyKind === "json") {
    headers["content-type"] = op.bodyType ?? "application/json";
    return JSON.stringify(body);
  }
  if (op.bodyKind === "multipart") {
    // fetch writes the multipart boundary into Content-Type itself.
    if (body instanceof FormData) return body;
    const form = new FormData();
    for (const [k, v] of Object.entries(body as object)) {
      for (const item of Array.isArray(v) ? v : [v]) {
        if (item !== undefined && item !== null) form.append(k, item instanceof Blob ? item : typeof item === "object" ? JSON.stringify(item) : text(item));
      }
    }
    return form;
  }
  headers["content-type"] = op.bodyType as string;
  if (op.bodyKind === "form" && body !== null && typeof body === "object" && !(body instanceof URLSearchParams)) {
    return serializeQuery(body as Record<string, unknown>, undefined);
  }
  return body as BodyInit;
}

// ---- Sending: one logical call = middleware once, then attempts (with redirects) beneath it ----

function abortWithTimeout(controller: AbortController, opId: string, ms: number): void {
  controller.abort(new TimeoutError(opId, ms));
}

/** Lets the call's signal interrupt a promise that ignores it (e.g. a hanging token provider). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal === undefined) { setTimeout(resolve, ms); return; }
    const onAbort = (): void => { clearTimeout(timer); reject(signal.reason); };
    const timer = setTimeout(() => { signal.removeEventListener("abort", onAbort); resolve(); }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Retry-After as delta-seconds or HTTP date, in ms; undefined when absent or unparsable. */
function retryAfterMs(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function doFetch(state: State, url: string, init: RequestInit): Promise<Response> {
  return state.fetch === undefined ? fetch(url, init) : state.fetch(new Request(url, init));
}

/** One attempt: fetch with `redirect: "manual"` and follow up to 5 hops so credentials never leave the origin. */
async function follow(state: State, url: string, init: RequestInit): Promise<Response> {
  let response = await doFetch(state, url, init);
  let origin: string | undefined;
  for (let hops = 0; ; hops++) {
    const status = response.status;
    if (status !== 301 && status !== 302 && status !== 303 && status !== 307 && status !== 308) return response;
    const location = response.headers.get("location");
    // Past the limit (or unfollowable) the 3xx itself is returned and surfaces as an ApiError.
    if (location === null || hops === MAX_REDIRECTS) return response;
    const keepsBody = status === 307 || status === 308;
    if (keepsBody && init.body instanceof ReadableStream) return response; // a stream cannot be sent twice
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

/** Attempts with exponential backoff + full jitter; returns the final response, throws NetworkError/aborts. */
async function send(state: State, op: Bound, url: string, init: RequestInit, retry: RetryPolicy | null): Promise<Response> {
  const signal = init.signal ?? undefined;
  const max = retry === null || (!op.idempotent && !retry.retryNonIdempotent) || init.body instanceof ReadableStream ? 1 : retry.attempts;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    let response: Response | undefined;
    let failure: unknown;
    try {
      response = await follow(state, url, init);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (isValidationError(error)) throw error; // a test mock refusing the request: retrying cannot help
      failure = error instanceof NetworkError ? error : new NetworkError(op.id, error);
    }
    if (attempt >= max || retry === null || (response !== undefined && !retry.statuses.includes(response.status))) {
      if (response !== undefined) return response;
      throw failure;
    }
    let delay = Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
    const retryAfter = response === undefined ? undefined : retryAfterMs(response.headers.get("retry-after"));
    if (retryAfter !== undefined) delay = Math.min(retryAfter, retry.maxDelayMs);
    if (Date.now() - started + delay > retry.maxElapsedMs) {
      if (response !== undefined) return response;
      throw failure;
    }
    if (response !== undefined) discard(response);
    await sleep(delay, signal);
  }
}

/** Runs openapi-fetch middleware with openapi-fetch's semantics, once, around `send`. */
async function withMiddleware(state: State, op: Bound, url: string, init: RequestInit, input: Input | undefined, retry: RetryPolicy | null): Promise<Response> {
  const original = new Request(url, init);
  let request = original;
  const params = input?.params ?? EMPTY;
  const id = Math.random().toString(36).slice(2, 11);
  const options = (state.mwOptions ??= middlewareOptions(state));
  for (const m of state.middleware) {
    if (typeof m.onRequest !== "function") continue;
    const result = await m.onRequest({ request, schemaPath: op.path, params, options, id });
    if (result instanceof Request) request = result;
    else if (result instanceof Response) return result; // short-circuit: openapi-fetch skips onResponse too
    else if (result) throw new Error("onRequest: must return new Request() or Response() when modifying the request");
  }
  // Middleware may have replaced the request or edited its headers in place: send what it holds.
  const body = request === original ? (init.body ?? null) : request.body === null ? null : await request.arrayBuffer();
  const sendInit: RequestInit = { ...init, method: request.method, headers: request.headers, body };
  let response: Response;
  try {
    response = await send(state, op, request.url, sendInit, retry);
  } catch (thrown) {
    let error = classify(thrown, init.signal);
    let replaced: Response | undefined;
    for (let i = state.middleware.length - 1; i >= 0 && replaced === undefined; i--) {
      const m = state.middleware[i];
      if (typeof m?.onError !== "function") continue;
      const result = await m.onError({ request, error, schemaPath: op.path, params, options, id });
      if (result instanceof Response) replaced = result;
      else if (result instanceof Error) error = result;
      else if (result !== undefined) throw new Error("onError: must return new Response() or instance of Error");
    }
    if (replaced === undefined) throw error;
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

function middlewareOptions(state: State): MergedOptions {
  return Object.freeze({
    baseUrl: state.baseUrl,
    parseAs: "json",
    querySerializer: (query: Record<string, unknown>) => serializeQuery(query, undefined),
    bodySerializer: (body: unknown) => JSON.stringify(body),
    pathSerializer: (path: string) => path,
    fetch: (state.fetch ?? fetch) as typeof fetch,
  });
}

/** An aborted signal's reason wins (TimeoutError for our timer, the caller's reason otherwise). */
function classify(error: unknown, signal: AbortSignal | null | undefined): unknown {
  return signal?.aborted ? signal.reason : error;
}

async function readResult(op: Bound, response: Response): Promise<unknown> {
  const ok = response.status >= 200 && response.status < 300;
  let data: unknown;
  if (response.status !== 204 && response.status !== 205 && response.status !== 304 && op.method !== "HEAD") {
    let raw: string;
    try {
      raw = await response.text();
    } catch (error) {
      throw new NetworkError(op.id, error);
    }
    const type = response.headers.get("content-type");
    data = raw === "" ? undefined : raw;
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

async function execute(state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined): Promise<unknown> {
  // The budget starts first so token providers and middleware count against it too.
  const timeoutMs = call?.timeoutMs ?? state.timeoutMs;
  const caller = call?.signal;
  let signal = caller;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let forward: (() => void) | undefined;
  if (timeoutMs > 0 && timeoutMs < Infinity) {
    const controller = new AbortController();
    timer = setTimeout(abortWithTimeout, timeoutMs, controller, op.id, timeoutMs);
    // Forward the caller's abort by hand (removed in finally) rather than AbortSignal.any, which
    // keeps every combined signal alive as long as a long-lived caller signal lives.
    if (caller !== undefined) {
      forward = () => controller.abort(caller.reason);
      if (caller.aborted) forward();
      else caller.addEventListener("abort", forward, { once: true });
    }
    signal = controller.signal;
  }
  try {
    if (signal?.aborted) throw signal.reason;
    if (state.validate !== undefined) validateRequest(state, op, input);
    const p = input?.params;
    let url = state.baseUrl + buildPath(op, p?.path);
    let query = p?.query === undefined ? "" : serializeQuery(p.query, op.query);
    const headers: Record<string, string> = { ...state.headers };
    const body = input?.body === undefined ? undefined : encodeBody(op, input.body, headers);
    let cookie = "";
    // Precedence: client headers < credentials < header parameters < per-call headers.
    const credentials = op.staticAuth ?? (op.auth.length === 0 ? undefined : await abortable(resolveAuth(op.auth), signal));
    if (credentials !== undefined) for (const c of credentials) {
      if (c.place === "header") headers[c.name] = c.value;
      else if (c.place === "query") query += `${query ? "&" : ""}${encodeURIComponent(c.name)}=${encodeURIComponent(c.value)}`;
      else cookie += `; ${c.name}=${c.value}`;
    }
    if (p?.header !== undefined) assignHeaders(headers, p.header);
    if (p?.cookie !== undefined) for (const name in p.cookie) {
      const v = p.cookie[name];
      if (v !== undefined && v !== null) cookie += `; ${name}=${encodeURIComponent(text(v))}`;
    }
    if (call?.headers !== undefined) assignHeaders(headers, call.headers);
    if (cookie !== "") headers.cookie = headers.cookie ? headers.cookie + cookie : cookie.slice(2);
    if (query !== "") url += `?${query}`;

    const init: RequestInit = { ...state.init, ...call?.fetchOptions, method: op.method, headers, redirect: "manual" };
    if (body !== undefined) init.body = body;
    if (body instanceof ReadableStream) (init as { duplex?: string }).duplex = "half";
    if (signal !== undefined) init.signal = signal;
    const retry = call?.retry === undefined ? state.retry : call.retry === false ? null : mergeRetry(state.retry ?? DEFAULT_RETRY, call.retry);
    const response = state.middleware.length === 0 ? await send(state, op, url, init, retry) : await withMiddleware(state, op, url, init, input, retry);
    const result = await readResult(op, response);
    if (state.validate !== undefined) validateResponse(state.validate, op.id, response.status, result);
    return result;
  } catch (error) {
    throw classify(error, signal);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    if (forward !== undefined) caller?.removeEventListener("abort", forward);
  }
}

// ---- Pagination ----

function at(value: unknown, path: readonly string[]): unknown {
  for (const key of path) value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/**
 * limit/offset paging. The caller's limit is kept; without one no limit is sent (the server's
 * default page size is always valid) and the first page's size stands in for it. With a numeric
 * total we stop at offset >= total (robust to servers capping the limit); otherwise at a short
 * or empty page. Offsets advance by the number of items actually received.
 */
async function* pages(state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined): AsyncGenerator<unknown, void, undefined> {
  const pg = op.pagination as NonNullable<Bound["pagination"]>;
  const query = input?.params?.query ?? {};
  const given = query[pg.limit];
  let limit = given === undefined || given === null ? undefined : Number(given);
  let offset = Number(query[pg.offset] ?? 0);
  for (;;) {
    const page = await execute(state, op, { ...input, params: { ...input?.params, query: { ...query, [pg.offset]: offset } } }, call);
    yield page;
    const items = at(page, pg.items);
    const count = Array.isArray(items) ? items.length : 0;
    if (count === 0) return;
    offset += count;
    const total = at(page, pg.total);
    if (typeof total === "number" || (typeof total === "string" && total !== "" && !Number.isNaN(Number(total)))) {
      if (offset >= Number(total)) return;
    } else {
      limit ??= count;
      if (count < limit) return;
    }
  }
}

async function* items(state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined): AsyncGenerator<unknown, void, undefined> {
  const path = (op.pagination as NonNullable<Bound["pagination"]>).items;
  for await (const page of pages(state, op, input, call)) {
    const list = at(page, path);
    if (Array.isArray(list)) yield* list;
  }
}

// ---- Entry point ----

export function createRuntime<Paths extends {}>(definition: ApiDefinition, options: ClientOptions = {}): Runtime<Paths> {
  const baseUrl = resolveBaseUrl(definition, options);
  const headers: Record<string, string> = {};
  if (options.headers !== undefined) assignHeaders(headers, options.headers);
  const credentialHeaders = ["authorization", "proxy-authorization", "cookie"];
  const credentialQuery: string[] = [];
  for (const key in definition.securitySchemes) {
    const s = definition.securitySchemes[key];
    if (s?.type === "apiKey" && s.in === "header") credentialHeaders.push(s.name.toLowerCase());
    if (s?.type === "apiKey" && s.in === "query") credentialQuery.push(s.name);
  }
  const state: State = {
    baseUrl, headers, init: { ...options.requestInit }, fetch: options.fetch,
    retry: options.retry === false ? null : options.retry === undefined ? DEFAULT_RETRY : mergeRetry(DEFAULT_RETRY, options.retry),
    timeoutMs: options.timeoutMs ?? 0,
    middleware: options.middleware ?? [], mwOptions: undefined, credentialHeaders, credentialQuery,
    validate: validationOptions(options.validate),
  };
  const raw = createClient<Paths>({
    ...options.requestInit, baseUrl,
    querySerializer: (query: Record<string, unknown>) => serializeQuery(query, undefined),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  if (state.middleware.length > 0) raw.use(...state.middleware);

  return {
    raw,
    operation<Op>(meta: OperationMeta): Operation<Op> {
      const op = bind(definition, options.auth, meta);
      return ((input?: Input, call?: CallOptions) => execute(state, op, input, call)) as unknown as Operation<Op>;
    },
    paginated<Op, Item>(meta: OperationMeta): PaginatedOperation<Op, Item> {
      if (meta.pagination === undefined) throw new Error(`${meta.id}: no pagination metadata`);
      const op = bind(definition, options.auth, meta);
      return Object.assign((input?: Input, call?: CallOptions) => execute(state, op, input, call), {
        pages: (input?: Input, call?: CallOptions) => pages(state, op, input, call),
        items: (input?: Input, call?: CallOptions) => items(state, op, input, call),
      }) as unknown as PaginatedOperation<Op, Item>;
    },
  };
}

// ---- Validation hook (opt-in) ----
// The compiled validators live in the package's "./validate" entry and reach the runtime only
// through `options.validate.validators`, so a client that does not validate never bundles them.

export type ValidationMode = "throw" | "warn" | "off";

/** What `validators` from a package's "./validate" entry does; the runtime only calls it. */
export interface Validators {
  /** Checks `{ params, body }` as the caller passed it; returns the first mismatch (a ValidationError) or undefined. */
  request(operationId: string, input: { params?: object | undefined; body?: unknown }, headers: Readonly<Record<string, string>>): Error | undefined;
  /** Checks a parsed 2xx body against the operation's declared schema for `status`. */
  response(operationId: string, status: number, body: unknown): Error | undefined;
}

export interface ValidateOptions {
  /** Check each request before it is sent. Default "off". */
  request?: ValidationMode | undefined;
  /** Check each successful response body. Default "off". */
  response?: ValidationMode | undefined;
  /** `validators` from the package's "./validate" entry (`import { validators } from "@apigen/<provider>/validate"`). */
  validators: Validators;
}

function validationOptions(options: ValidateOptions | undefined): ValidateOptions | undefined {
  if (options === undefined || ((options.request ?? "off") === "off" && (options.response ?? "off") === "off")) return undefined;
  if (typeof options.validators?.request !== "function") throw new Error('validate: pass the package\'s validators, e.g. import { validators } from "@apigen/<provider>/validate"');
  return options;
}

/** The ValidationError class lives with the validators (not in every client's bundle): recognised by its `kind`. */
function isValidationError(error: unknown): boolean {
  return error instanceof Error && (error as { kind?: unknown }).kind === "validation";
}

function report(mode: ValidationMode | undefined, error: Error | undefined): void {
  if (error === undefined || mode === "off" || mode === undefined) return;
  if (mode === "throw") throw error;
  console.warn(error.message);
}

function validateRequest(state: State, op: Bound, input: Input | undefined): void {
  const v = state.validate!;
  if ((v.request ?? "off") !== "off") report(v.request, v.validators.request(op.id, input ?? {}, state.headers));
}

function validateResponse(v: ValidateOptions, operationId: string, status: number, body: unknown): void {
  if ((v.response ?? "off") !== "off") report(v.response, v.validators.response(operationId, status, body));
}
