/**
 * Paging through a list operation, in the style its `x-pagination` names:
 * - offset: the caller's limit is kept; without one no limit is sent (the server's default page
 *   size is always valid) and the first page's size stands in for it. Offsets advance by the
 *   number of items received, so a server capping the limit is walked correctly.
 * - page: page numbers from the caller's (default 1); stops at the total pages or items, or at a
 *   short or empty page.
 * - cursor: the next cursor is read from each body and sent as the cursor parameter; stops when
 *   there is none, or when it repeats.
 * - link: follows RFC 8288 `Link: <...>; rel="next"`, only on the API's own origin (link-pages.ts).
 * Every style stops at an empty page, at a page that repeats an earlier one (a server ignoring the
 * offset, a lying total) and after `maxPages` (page-guard.ts). Each style's pager is a feature the
 * generated client passes to createRuntime only when its spec pages that way, so other clients do
 * not bundle it.
 */
import type { PaginationMeta } from "./definition.js";
import { answer } from "./execute.js";
import type { CallOptions } from "./options.js";
import { DEFAULT_MAX_PAGES, pageGuard } from "./page-guard.js";
import type { Bound, Input, State } from "./state.js";

type Query = Record<string, unknown>;

export function at(value: unknown, path: readonly string[]): unknown {
  for (const key of path)
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function numeric(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

export function itemsOf(page: unknown, pg: PaginationMeta): readonly unknown[] {
  const list = at(page, pg.items);
  return Array.isArray(list) ? list : [];
}

function withQuery(input: Input | undefined, query: Query): Input {
  return { ...input, params: { ...input?.params, query } };
}

type Style<S> = Extract<PaginationMeta, { style?: S }>;

/**
 * After a page of `n` items (`received` so far, `limit` the page size asked for or first seen): sets
 * the next page's query, or returns false when this page was the last.
 */
type Step = (page: unknown, n: number, received: number, limit: number) => boolean;

/** The walk every style but link shares: fetch, stop at a repeated or empty page, yield, then `step`. */
async function* walk(
  state: State,
  op: Bound,
  input: Input | undefined,
  call: CallOptions | undefined,
  query: Query,
  limit: number | undefined,
  step: Step,
): AsyncGenerator<unknown, void, undefined> {
  let received = 0;
  const repeats = pageGuard();
  for (let left = call?.maxPages ?? DEFAULT_MAX_PAGES; left > 0; left--) {
    const { data: page } = await answer(state, op, withQuery(input, { ...query }), call);
    const list = itemsOf(page, op.pagination as PaginationMeta);
    const n = list.length;
    // Distinct pages of one list differ in size, first or last item; a repeat is never yielded.
    if (repeats([n, list[0], list[n - 1]])) return;
    yield page;
    if (n === 0) return;
    received += n;
    limit ??= n;
    if (!step(page, n, received, limit)) return;
  }
}

/** Limit/offset paging: the `offset` pager of createRuntime. */
export function offsetPages(
  state: State,
  op: Bound,
  input: Input | undefined,
  call: CallOptions | undefined,
): AsyncGenerator<unknown, void, undefined> {
  const pg = op.pagination as Style<"offset">;
  const query: Query = { ...input?.params?.query };
  query[pg.offset] = numeric(query[pg.offset]) ?? 0;
  return walk(state, op, input, call, query, numeric(query[pg.limit]), (page, n, _received, limit) => {
    const offset = (query[pg.offset] as number) + n;
    query[pg.offset] = offset;
    const total = pg.total === undefined ? undefined : numeric(at(page, pg.total));
    return total !== undefined ? offset < total : n >= limit;
  });
}

/** Page number (and size) paging: the `page` pager of createRuntime. */
export function pageNumberPages(
  state: State,
  op: Bound,
  input: Input | undefined,
  call: CallOptions | undefined,
): AsyncGenerator<unknown, void, undefined> {
  const pg = op.pagination as Style<"page">;
  const query: Query = { ...input?.params?.query };
  query[pg.page] = numeric(query[pg.page]) ?? 1;
  const size = pg.size === undefined ? undefined : numeric(query[pg.size]);
  return walk(state, op, input, call, query, size, (page, n, received, limit) => {
    const total = pg.total === undefined ? undefined : numeric(at(page, pg.total));
    const totalPages = pg.totalPages === undefined ? undefined : numeric(at(page, pg.totalPages));
    const current = query[pg.page] as number;
    if ((totalPages !== undefined && current >= totalPages) || (total !== undefined && received >= total)) return false;
    if (totalPages === undefined && total === undefined && n < limit) return false;
    query[pg.page] = current + 1;
    return true;
  });
}

/** Cursor paging (the next cursor read from each body): the `cursor` pager of createRuntime. */
export function cursorPages(
  state: State,
  op: Bound,
  input: Input | undefined,
  call: CallOptions | undefined,
): AsyncGenerator<unknown, void, undefined> {
  const pg = op.pagination as Style<"cursor">;
  const query: Query = { ...input?.params?.query };
  const cursors = new Set<unknown>();
  return walk(state, op, input, call, query, undefined, (page) => {
    const next = at(page, pg.next);
    if (next === undefined || next === null || next === "" || cursors.has(next)) return false;
    cursors.add(next);
    query[pg.cursor] = next;
    return true;
  });
}

/** The items of each page a walk yields (`pages()` of any style), at the operation's items path. */
export async function* items(
  walk: AsyncIterable<unknown>,
  path: readonly string[],
): AsyncGenerator<unknown, void, undefined> {
  for await (const page of walk) {
    const list = at(page, path);
    if (Array.isArray(list)) yield* list;
  }
}
