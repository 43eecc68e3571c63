/** What the runtime precomputes once per client (State) and once per operation (Bound). */
import type { MergedOptions, Middleware } from "openapi-fetch";
import { bindAuth, credentialCarriers, type AppliedCredential, type CredentialPart } from "./auth.js";
import { bodyKind, type BodyKind } from "./body.js";
import type { ApiDefinition, OperationMeta, PathStyle, QueryStyle } from "./definition.js";
import { createLog, type Log } from "./log.js";
import type { ClientOptions, FetchInit } from "./options.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./limits.js";
import { clientRetry, IDEMPOTENT_METHODS, type RetryPolicy } from "./retry.js";
import { assignHeaders } from "./serialize.js";
import { resolveBaseUrl } from "./servers.js";
import { validationOptions, type Validation } from "./validate.js";

/** An operation's first argument as the runtime reads it. */
export interface Input {
  params?: {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
    header?: Record<string, unknown>;
    cookie?: Record<string, unknown>;
  };
  body?: unknown;
}

export interface State {
  readonly baseUrl: string;
  readonly headers: Readonly<Record<string, string>>; // lower-cased names
  readonly init: FetchInit;
  readonly fetch: ((input: Request) => Promise<Response>) | undefined;
  readonly retry: RetryPolicy | null;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly middleware: readonly Middleware[];
  mwOptions: MergedOptions | undefined; // built lazily, only middleware sees it
  readonly credentialHeaders: readonly string[]; // dropped on cross-origin redirects
  readonly credentialQuery: readonly string[];
  readonly log: Log | undefined;
  readonly validate: Validation | undefined;
}

/** A call's budget when the client sets none: long enough for large answers, short of forever. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface Bound {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly segments: readonly string[]; // literal, param name, literal, param name, ..., literal
  readonly pathStyles: Readonly<Record<string, PathStyle>> | undefined;
  readonly idempotent: boolean;
  readonly bodyType: string | undefined;
  readonly bodyKind: BodyKind;
  readonly jsonResponse: boolean | undefined; // the spec declares only JSON for 2xx
  readonly query: Readonly<Record<string, QueryStyle>> | undefined;
  /** Set when the first usable alternative is all static: applied without awaiting anything. */
  readonly staticAuth: readonly AppliedCredential[] | undefined;
  readonly auth: readonly (readonly CredentialPart[])[]; // usable alternatives, in spec order
  readonly anonymous: boolean; // the operation may be called without credentials
  readonly pagination: OperationMeta["pagination"];
  /** Lower-cased; a fresh key per logical call, the same on every attempt. */
  readonly idempotencyHeader: string | undefined;
  readonly binaryResponse: boolean;
  readonly multipartEncoding: OperationMeta["multipartEncoding"];
}

export function clientState(definition: ApiDefinition, options: ClientOptions): State {
  const headers: Record<string, string> = {};
  if (options.headers !== undefined) assignHeaders(headers, options.headers);
  const carriers = credentialCarriers(definition);
  return {
    baseUrl: resolveBaseUrl(definition, options),
    headers,
    init: { ...options.requestInit },
    fetch: options.fetch,
    retry: clientRetry(options.retry),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    middleware: options.middleware ?? [],
    mwOptions: undefined,
    credentialHeaders: carriers.headers,
    credentialQuery: carriers.query,
    log: createLog(
      options.logger,
      options.logLevel,
      [...carriers.headers, ...(options.redactHeaders ?? [])],
      carriers.query,
    ),
    validate: validationOptions(options),
  };
}

export function bind(definition: ApiDefinition, auth: ClientOptions["auth"], meta: OperationMeta): Bound {
  const method = meta.method.toUpperCase();
  return {
    id: meta.id,
    method,
    path: meta.path,
    segments: meta.path.split(/\{([^}]+)\}/), // odd indexes are parameter names
    pathStyles: meta.pathStyles,
    // A declared idempotency key makes a repeated POST/PATCH safe, so it retries like a PUT.
    idempotent: IDEMPOTENT_METHODS.has(method) || meta.idempotencyHeader !== undefined,
    bodyType: meta.bodyContentType,
    bodyKind: bodyKind(meta.bodyContentType),
    jsonResponse: meta.jsonResponse,
    query: meta.query,
    ...bindAuth(definition, auth, meta),
    anonymous: meta.security.length === 0 || meta.security.some((set) => set.length === 0),
    pagination: meta.pagination,
    idempotencyHeader: meta.idempotencyHeader?.toLowerCase(),
    binaryResponse: meta.binaryResponse === true,
    multipartEncoding: meta.multipartEncoding,
  };
}
