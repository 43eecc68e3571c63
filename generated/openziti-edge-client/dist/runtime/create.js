import createClient from "openapi-fetch";
import { execute } from "./execute.js";
import { items, pages } from "./pagination.js";
import { serializeQuery } from "./serialize.js";
import { bind, clientState } from "./state.js";
import { follow } from "./transport.js";
function createRuntime(definition, options = {}) {
  const state = clientState(definition, options);
  const raw = rawClient(state, options);
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
function rawClient(state, options) {
  const raw = createClient({
    ...options.requestInit,
    baseUrl: state.baseUrl,
    querySerializer: (query) => serializeQuery(query, void 0),
    ...options.headers === void 0 ? {} : { headers: options.headers },
    fetch: async (r) => follow(state, r.url, { ...state.init, method: r.method, headers: r.headers, body: r.body && await r.arrayBuffer(), signal: r.signal, redirect: "manual" })
  });
  if (state.middleware.length > 0) raw.use(...state.middleware);
  return raw;
}
export {
  createRuntime
};
