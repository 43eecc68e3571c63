/**
 * limit/offset paging. The caller's limit is kept; without one no limit is sent (the server's
 * default page size is always valid) and the first page's size stands in for it. With a numeric
 * total we stop at offset >= total (robust to servers capping the limit); otherwise at a short
 * or empty page. Offsets advance by the number of items actually received. A page whose items repeat
 * an earlier page's (a server ignoring the offset, a lying total) ends it, as does `maxPages` (page-guard.ts).
 */
import { execute } from "./execute.js";
import type { CallOptions } from "./options.js";
import { DEFAULT_MAX_PAGES, pageGuard } from "./page-guard.js";
import type { Bound, Input, State } from "./state.js";

type Pagination = NonNullable<Bound["pagination"]>;

function at(value: unknown, path: readonly string[]): unknown {
  for (const key of path) value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function isNumeric(total: unknown): boolean {
  return typeof total === "number" || (typeof total === "string" && total !== "" && !Number.isNaN(Number(total)));
}

export async function* pages(state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined): AsyncGenerator<unknown, void, undefined> {
  const pg = op.pagination as Pagination;
  const query = input?.params?.query ?? {};
  const given = query[pg.limit];
  let limit = given === undefined || given === null ? undefined : Number(given);
  let offset = Number(query[pg.offset] ?? 0);
  const repeats = pageGuard();
  for (let left = call?.maxPages ?? DEFAULT_MAX_PAGES; left > 0; left--) {
    const page = await execute(state, op, { ...input, params: { ...input?.params, query: { ...query, [pg.offset]: offset } } }, call);
    const items = at(page, pg.items);
    const list = Array.isArray(items) ? items : [];
    const count = list.length;
    // Distinct pages of one list differ in size, first or last item; a repeat is never yielded.
    if (repeats([count, list[0], list[count - 1]])) return;
    yield page;
    if (count === 0) return;
    offset += count;
    const total = at(page, pg.total);
    if (isNumeric(total)) {
      if (offset >= Number(total)) return;
    } else {
      limit ??= count;
      if (count < limit) return;
    }
  }
}

export async function* items(state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined): AsyncGenerator<unknown, void, undefined> {
  const path = (op.pagination as Pagination).items;
  for await (const page of pages(state, op, input, call)) {
    const list = at(page, path);
    if (Array.isArray(list)) yield* list;
  }
}
