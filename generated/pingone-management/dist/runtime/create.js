import createClient from "openapi-fetch";
import { requestIdOf } from "./errors.js";
import { answer, execute } from "./execute.js";
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
      return callable(state, bind(definition, options.auth, meta));
    },
    paginated(meta) {
      if (meta.pagination === void 0) throw new Error(`${meta.id}: no pagination metadata`);
      const op = bind(definition, options.auth, meta);
      return Object.assign(callable(state, op), {
        pages: (input, call) => pages(state, op, input, call),
        items: (input, call) => items(state, op, input, call)
      });
    }
  };
}
function callable(state, op) {
  return Object.assign((input, call) => execute(state, op, input, call), {
    withResponse: async (input, call) => {
      const { data, response } = await answer(state, op, input, call);
      return {
        data,
        response,
        status: response.status,
        headers: response.headers,
        requestId: requestIdOf(response.headers)
      };
    }
  });
}
function rawClient(state, options) {
  const raw = createClient({
    ...options.requestInit,
    baseUrl: state.baseUrl,
    querySerializer: (query) => serializeQuery(query, void 0),
    ...options.headers === void 0 ? {} : { headers: options.headers },
    fetch: async (r) => follow(state, r.url, {
      ...state.init,
      method: r.method,
      headers: r.headers,
      body: r.body && await r.arrayBuffer(),
      signal: r.signal,
      redirect: "manual"
    })
  });
  if (state.middleware.length > 0) raw.use(...state.middleware);
  return raw;
}
export {
  createRuntime
};
