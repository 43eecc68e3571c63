// Copied by apigen from its client runtime (generator/runtime/middleware.ts). Do not edit.
/**
 * openapi-fetch middleware, run with openapi-fetch's semantics (and its error messages) once per
 * logical call, around our retries and redirects. Not openapi-fetch's own loop: that one is not
 * exported and runs around a single fetch, leaving no place beneath it for retries.
 */
import type { MergedOptions, Middleware } from "openapi-fetch";
import { classify, type Deadline } from "./deadline.js";
import { send, type RetryPolicy } from "./retry.js";
import { serializeQuery } from "./serialize.js";
import type { Bound, Input, State } from "./state.js";

const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

/** What every callback of one call is given besides its request/response/error. */
interface Context {
  readonly schemaPath: string;
  readonly params: NonNullable<Input["params"]> | Readonly<Record<string, never>>;
  readonly options: MergedOptions;
  readonly id: string;
}

export async function withMiddleware(
  state: State,
  op: Bound,
  url: string,
  init: RequestInit,
  input: Input | undefined,
  retry: RetryPolicy | null,
  deadline: Deadline,
): Promise<Response> {
  const context: Context = {
    schemaPath: op.path,
    params: input?.params ?? EMPTY,
    options: (state.mwOptions ??= middlewareOptions(state)),
    id: Math.random().toString(36).slice(2, 11),
  };
  const original = new Request(url, init);
  const request = await onRequest(state.middleware, original, context);
  if (request instanceof Response) return request; // short-circuit: openapi-fetch skips onResponse too
  // Middleware may have replaced the request or edited its headers in place: send what it holds.
  const body = request === original ? (init.body ?? null) : request.body === null ? null : await request.arrayBuffer();
  let response: Response;
  try {
    response = await send(
      state,
      op,
      request.url,
      { ...init, method: request.method, headers: request.headers, body },
      retry,
      deadline,
    );
  } catch (thrown) {
    response = await onError(state.middleware, request, classify(thrown, deadline), context);
  }
  return onResponse(state.middleware, request, response, context);
}

async function onRequest(
  middleware: readonly Middleware[],
  request: Request,
  context: Context,
): Promise<Request | Response> {
  for (const m of middleware) {
    if (typeof m.onRequest !== "function") continue;
    const result = await m.onRequest({ request, ...context });
    if (result instanceof Request) request = result;
    else if (result instanceof Response) return result;
    else if (result) throw new Error("onRequest: must return new Request() or Response() when modifying the request");
  }
  return request;
}

/** onError in reverse order: the first Response replaces the failure; otherwise the (possibly replaced) error is thrown. */
async function onError(
  middleware: readonly Middleware[],
  request: Request,
  error: unknown,
  context: Context,
): Promise<Response> {
  for (let i = middleware.length - 1; i >= 0; i--) {
    const m = middleware[i];
    if (typeof m?.onError !== "function") continue;
    const result = await m.onError({ request, error, ...context });
    if (result instanceof Response) return result;
    if (result instanceof Error) error = result;
    else if (result !== undefined) throw new Error("onError: must return new Response() or instance of Error");
  }
  throw error;
}

async function onResponse(
  middleware: readonly Middleware[],
  request: Request,
  response: Response,
  context: Context,
): Promise<Response> {
  for (let i = middleware.length - 1; i >= 0; i--) {
    const m = middleware[i];
    if (typeof m?.onResponse !== "function") continue;
    const result = await m.onResponse({ request, response, ...context });
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
