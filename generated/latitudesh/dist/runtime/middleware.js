import { classify } from "./deadline.js";
import { send } from "./retry.js";
import { serializeQuery } from "./serialize.js";
const EMPTY = Object.freeze({});
async function withMiddleware(state, op, url, init, input, retry, deadline) {
  const context = {
    schemaPath: op.path,
    params: input?.params ?? EMPTY,
    options: state.mwOptions ??= middlewareOptions(state),
    id: Math.random().toString(36).slice(2, 11)
  };
  const original = new Request(url, init);
  const request = await onRequest(state.middleware, original, context);
  if (request instanceof Response) return request;
  const body = request === original ? init.body ?? null : request.body === null ? null : await request.arrayBuffer();
  let response;
  try {
    response = await send(
      state,
      op,
      request.url,
      { ...init, method: request.method, headers: request.headers, body },
      retry,
      deadline
    );
  } catch (thrown) {
    response = await onError(state.middleware, request, classify(thrown, deadline), context);
  }
  return onResponse(state.middleware, request, response, context);
}
async function onRequest(middleware, request, context) {
  for (const m of middleware) {
    if (typeof m.onRequest !== "function") continue;
    const result = await m.onRequest({ request, ...context });
    if (result instanceof Request) request = result;
    else if (result instanceof Response) return result;
    else if (result) throw new Error("onRequest: must return new Request() or Response() when modifying the request");
  }
  return request;
}
async function onError(middleware, request, error, context) {
  for (let i = middleware.length - 1; i >= 0; i--) {
    const m = middleware[i];
    if (typeof m?.onError !== "function") continue;
    const result = await m.onError({ request, error, ...context });
    if (result instanceof Response) return result;
    if (result instanceof Error) error = result;
    else if (result !== void 0) throw new Error("onError: must return new Response() or instance of Error");
  }
  throw error;
}
async function onResponse(middleware, request, response, context) {
  for (let i = middleware.length - 1; i >= 0; i--) {
    const m = middleware[i];
    if (typeof m?.onResponse !== "function") continue;
    const result = await m.onResponse({ request, response, ...context });
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
export {
  withMiddleware
};
