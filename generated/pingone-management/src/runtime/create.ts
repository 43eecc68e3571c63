// Copied by apigen from its client runtime (generator/runtime/create.ts). Do not edit.
/** The entry point: `createRuntime(definition, options)` binds each OperationMeta to a callable operation. */
import createClient from "openapi-fetch";
import type { ApiDefinition, OperationMeta } from "./definition.js";
import { requestIdOf } from "./errors.js";
import { answer, execute } from "./execute.js";
import type { CallOptions, ClientOptions } from "./options.js";
import { items, pages } from "./pagination.js";
import { serializeQuery } from "./serialize.js";
import { bind, clientState, type Bound, type Input, type State } from "./state.js";
import { follow } from "./transport.js";
import type { Client } from "openapi-fetch";
import type { Operation, PaginatedOperation, Runtime } from "./types.js";

export function createRuntime<Paths extends {}>(
  definition: ApiDefinition,
  options: ClientOptions = {},
): Runtime<Paths> {
  const state = clientState(definition, options);
  const raw = rawClient<Paths>(state, options);
  return {
    raw,
    operation<Op>(meta: OperationMeta): Operation<Op> {
      return callable(state, bind(definition, options.auth, meta)) as unknown as Operation<Op>;
    },
    paginated<Op, Item>(meta: OperationMeta): PaginatedOperation<Op, Item> {
      if (meta.pagination === undefined) throw new Error(`${meta.id}: no pagination metadata`);
      const op = bind(definition, options.auth, meta);
      return Object.assign(callable(state, op), {
        pages: (input?: Input, call?: CallOptions) => pages(state, op, input, call),
        items: (input?: Input, call?: CallOptions) => items(state, op, input, call),
      }) as unknown as PaginatedOperation<Op, Item>;
    },
  };
}

/** An operation as callers see it: a function, plus `.withResponse()` for the answer's metadata. */
function callable(state: State, op: Bound) {
  return Object.assign((input?: Input, call?: CallOptions) => execute(state, op, input, call), {
    withResponse: async (input?: Input, call?: CallOptions) => {
      const { data, response } = await answer(state, op, input, call);
      return {
        data,
        response,
        status: response.status,
        headers: response.headers,
        requestId: requestIdOf(response.headers),
      };
    },
  });
}

/**
 * openapi-fetch's own client on the same base URL, headers, fetch, query serializer and middleware
 * (no auth, retries, timeouts). Its fetch goes through our redirect handling, so a credential in a
 * per-call header never follows a redirect to another origin, and only http(s) hops are followed.
 */
function rawClient<Paths extends {}>(state: State, options: ClientOptions): Client<Paths> {
  const raw = createClient<Paths>({
    ...options.requestInit,
    baseUrl: state.baseUrl,
    querySerializer: (query: Record<string, unknown>) => serializeQuery(query, undefined),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    fetch: async (r: Request) =>
      follow(state, r.url, {
        ...state.init,
        method: r.method,
        headers: r.headers,
        body: r.body && (await r.arrayBuffer()),
        signal: r.signal,
        redirect: "manual",
      }),
  });
  if (state.middleware.length > 0) raw.use(...state.middleware);
  return raw;
}
