// Copied by apigen from its client runtime (generator/runtime/state.ts). Do not edit.
/** What the runtime precomputes once per client (State) and once per operation (Bound). */
import type { MergedOptions, Middleware } from "openapi-fetch";
import { bindAuth, credentialCarriers, type AppliedCredential, type CredentialPart } from "./auth.js";
import { bodyKind, type BodyKind } from "./body.js";
import type { ApiDefinition, MultipartEncoding, OperationMeta } from "./definition.js";
import { createLog, type Log } from "./log.js";
import type { ClientOptions, FetchInit } from "./options.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./limits.js";
import { clientRetry, IDEMPOTENT_METHODS, type RetryPolicy } from "./retry.js";
import { assignHeaders } from "./serialize.js";
import type { Features } from "./create.js";
import { resolveBaseUrl } from "./servers.js";
import { validationOptions, type Validation } from "./validate.js";

/** multipart.ts's `formData`, as createRuntime is given it. */
export type FormDataEncoder = (body: object, encoding: MultipartEncoding | undefined) => FormData;

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
  /** The cookies feature, when the spec has cookie parameters or credentials. */
  readonly cookies: Features["cookies"];
}

/** A call's budget when the client sets none: long enough for large answers, short of forever. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** An operation ready to call: its OperationMeta (as the generator emitted it) and what is worked out once from it. */
export interface Bound extends Omit<OperationMeta, "method" | "idempotencyHeader"> {
  readonly method: string; // upper-cased
  readonly segments: readonly string[]; // literal, param name, literal, param name, ..., literal
  readonly idempotent: boolean;
  readonly bodyKind: BodyKind;
  /** Set when the first usable alternative is all static: applied without awaiting anything. */
  readonly staticAuth: readonly AppliedCredential[] | undefined;
  readonly auth: readonly (readonly CredentialPart[])[]; // usable alternatives, in spec order
  readonly anonymous: boolean; // the operation may be called without credentials
  /** Lower-cased; a fresh key per logical call, the same on every attempt. */
  readonly idempotencyHeader: string | undefined;
  /** The multipart encoder with the spec's `encoding` bound, when the client has the formData feature. */
  readonly formData: ((body: object) => FormData) | undefined;
  /** The files feature, for an operation whose 2xx answer is a file. */
  readonly readFile: Features["files"];
}

export function clientState(definition: ApiDefinition, options: ClientOptions, features: Features): State {
  const headers: Record<string, string> = {};
  if (options.headers !== undefined) assignHeaders(headers, options.headers);
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
    cookies: features.cookies,
  };
}

export function bind(
  definition: ApiDefinition,
  auth: ClientOptions["auth"],
  meta: OperationMeta,
  features: Features,
): Bound {
  const { formData, files } = features;
  const method = meta.method.toUpperCase();
  return {
    ...meta,
    method,
    segments: meta.path.split(/\{([^}]+)\}/), // odd indexes are parameter names
    // A declared idempotency key makes a repeated POST/PATCH safe, so it retries like a PUT.
    idempotent: IDEMPOTENT_METHODS.has(method) || meta.idempotencyHeader !== undefined,
    bodyKind: bodyKind(meta.bodyContentType),
    ...bindAuth(definition, auth, meta, features.basicAuth),
    anonymous: meta.security.length === 0 || meta.security.some((set) => set.length === 0),
    idempotencyHeader: meta.idempotencyHeader?.toLowerCase(),
    formData: formData && ((body) => formData(body, meta.multipartEncoding)),
    readFile: meta.binaryResponse && files,
  };
}
