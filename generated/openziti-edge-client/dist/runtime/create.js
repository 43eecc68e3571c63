import { requestIdOf } from "./errors.js";
import { answer, execute } from "./execute.js";
import { items } from "./pagination.js";
import { bind, clientState } from "./state.js";
function createRuntime(definition, options = {}, features = {}) {
  const state = clientState(definition, options, features);
  const bound = (meta) => bind(definition, options.auth, meta, features);
  return {
    operation(meta) {
      return callable(state, bound(meta));
    },
    paginated(meta) {
      const pg = meta.pagination;
      const walk = pg && features.pagers?.[pg.style ?? "offset"];
      if (pg === void 0 || walk === void 0) throw new Error(`${meta.id}: no pagination, or no pager for it`);
      const op = bound(meta);
      return Object.assign(callable(state, op), {
        pages: (input, call) => walk(state, op, input, call),
        items: (input, call) => items(walk(state, op, input, call), pg.items)
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
export {
  createRuntime
};
