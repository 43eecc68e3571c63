// Copied by apigen from its client runtime (generator/runtime/request.ts). Do not edit.
/**
 * One call's URL and RequestInit from the operation, its input and the call options, in two
 * synchronous halves around the (possibly awaited) credentials, so a call with static credentials
 * never waits a tick. Header precedence: client headers < credentials < header parameters < per-call headers.
 */
import { applyCredentials, type AppliedCredential, type CredentialTarget } from "./auth.js";
import { encodeBody } from "./body.js";
import { UsageError } from "./errors.js";
import type { CallOptions } from "./options.js";
import { assignHeaders, buildPath, serializeQuery } from "./serialize.js";
import type { Bound, Input, State } from "./state.js";

/** What the input alone decides; credentials and per-call options still to come. */
export interface Draft extends CredentialTarget {
  readonly path: string;
  readonly body: BodyInit | undefined;
}

export interface Prepared {
  readonly url: string;
  readonly init: RequestInit;
}

/** Path, query, client headers and body; throws on a missing path parameter before any credential is asked for. */
export function draftRequest(state: State, op: Bound, input: Input | undefined): Draft {
  const p = input?.params;
  const path = buildPath(op, p?.path);
  const query = p?.query === undefined ? "" : serializeQuery(p.query, op.query);
  const headers: Record<string, string> = { ...state.headers };
  const body =
    input?.body === undefined
      ? undefined
      : encodeBody(op.bodyKind, op.bodyContentType, input.body, headers, op.formData);
  // Before header parameters and per-call headers, so a key the caller gives wins.
  if (op.idempotencyHeader !== undefined) headers[op.idempotencyHeader] = globalThis.crypto.randomUUID();
  return { path, query, headers, body, cookie: "" };
}

/** `target`: a full URL to call instead of the operation's path and query (a `Link: rel="next"` page). */
export function finishRequest(
  state: State,
  op: Bound,
  draft: Draft,
  credentials: readonly AppliedCredential[] | undefined,
  input: Input | undefined,
  call: CallOptions | undefined,
  signal: AbortSignal | undefined,
  target?: string,
): Prepared {
  const p = input?.params;
  if (credentials !== undefined) applyCredentials(credentials, draft);
  const { headers, body } = draft;
  if (p?.header !== undefined) assignHeaders(headers, p.header);
  if (call?.headers !== undefined) assignHeaders(headers, call.headers);
  state.cookies?.(headers, draft.cookie, p?.cookie);
  // fetch would reject a line break, a control or non-Latin-1 character with a TypeError quoting the
  // value (a token, say), and trim surrounding spaces: fail first, once, without showing it.
  for (const name in headers)
    if (/[^\t -~\x80-\xff]|^[\t ]|[\t ]$/.test(headers[name] as string))
      throw new UsageError(op.id, `invalid header ${name}`);

  const init: RequestInit = { ...state.init, ...call?.fetchOptions, method: op.method, headers, redirect: "manual" };
  if (body !== undefined) init.body = body;
  if (body instanceof ReadableStream) (init as { duplex?: string }).duplex = "half";
  if (signal !== undefined) init.signal = signal;
  if (target !== undefined) return { url: withQuery(target, draft.query), init };
  return { url: state.baseUrl + draft.path + (draft.query === "" ? "" : `?${draft.query}`), init };
}

/** A next-page link keeps its own query; only what the call adds (an apiKey in the query) is appended. */
function withQuery(url: string, query: string): string {
  return query === "" ? url : `${url}${url.includes("?") ? "&" : "?"}${query}`;
}
