// Copied by apigen from its client runtime (generator/runtime/create.ts). Do not edit.
/** The entry point: `createRuntime(definition, options, features)` binds each OperationMeta to a callable operation. */
import type { ApiDefinition, OperationMeta, PaginationMeta } from "./definition.js";
import { requestIdOf } from "./errors.js";
import { answer, execute } from "./execute.js";
import type { CallOptions, ClientOptions } from "./options.js";
import { items } from "./pagination.js";
import type { BasicEncoder } from "./auth.js";
import type { cookies } from "./cookies.js";
import type { readFile } from "./files.js";
import { bind, clientState, type Bound, type FormDataEncoder, type Input, type State } from "./state.js";
import type { VariableFiller } from "./servers.js";
import type { Operation, PaginatedOperation, Runtime } from "./types.js";

/** One paging style's walk: yields each page body (pagination.ts's pagers, link-pages.ts's `linkPages`). */
export type Pager = (
  state: State,
  op: Bound,
  input: Input | undefined,
  call: CallOptions | undefined,
) => AsyncGenerator<unknown, void, undefined>;

/**
 * Runtime parts only some specs need. The generated client passes those its spec uses, so a bundler
 * leaves the others out of every other client: `formData` (multipart.ts) for multipart bodies,
 * `basicAuth`, `cookies` and `files` (their own modules) for basic schemes, cookies and binary answers,
 * `serverVariables` (servers.ts) for server URLs with `{variables}`, and a pager per paging style (`offsetPages`, `pageNumberPages`, `cursorPages` from pagination.ts,
 * `linkPages` from link-pages.ts).
 */
export interface Features {
  readonly formData?: FormDataEncoder | undefined;
  /** basic-auth.ts: `{ username, password }` credentials for http basic schemes. */
  readonly basicAuth?: BasicEncoder | undefined;
  /** cookies.ts: cookie parameters and apiKeys in cookies. */
  readonly cookies?: typeof cookies | undefined;
  /** files.ts: binary answers as a Blob or a stream. */
  readonly files?: typeof readFile | undefined;
  readonly serverVariables?: VariableFiller | undefined;
  readonly pagers?: Readonly<Partial<Record<NonNullable<PaginationMeta["style"]>, Pager>>> | undefined;
}

export function createRuntime<Paths extends {}>(
  definition: ApiDefinition,
  options: ClientOptions = {},
  features: Features = {},
): Runtime<Paths> {
  const state = clientState(definition, options, features);
  const bound = (meta: OperationMeta) => bind(definition, options.auth, meta, features);
  return {
    operation<Op>(meta: OperationMeta): Operation<Op> {
      return callable(state, bound(meta)) as unknown as Operation<Op>;
    },
    paginated<Op, Item>(meta: OperationMeta): PaginatedOperation<Op, Item> {
      const pg = meta.pagination;
      const walk = pg && features.pagers?.[pg.style ?? "offset"];
      if (pg === undefined || walk === undefined) throw new Error(`${meta.id}: no pagination, or no pager for it`);
      const op = bound(meta);
      return Object.assign(callable(state, op), {
        pages: (input?: Input, call?: CallOptions) => walk(state, op, input, call),
        items: (input?: Input, call?: CallOptions) => items(walk(state, op, input, call), pg.items),
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
