// Copied by apigen from its client runtime (generator/runtime/pagination.ts). Do not edit.
/**
 * Paging through a list operation, in the style its `x-pagination` names:
 * - offset: the caller's limit is kept; without one no limit is sent (the server's default page
 *   size is always valid) and the first page's size stands in for it. Offsets advance by the
 *   number of items received, so a server capping the limit is walked correctly.
 * - page: page numbers from the caller's (default 1); stops at the total pages or items, or at a
 *   short or empty page.
 * - cursor: the next cursor is read from each body and sent as the cursor parameter; stops when
 *   there is none, or when it repeats.
 * - link: follows RFC 8288 `Link: <...>; rel="next"`, only on the API's own origin.
 * Every style stops at an empty page, at a page that repeats an earlier one (a server ignoring the
 * offset, a lying total) and after `maxPages` (page-guard.ts).
 */
import type { PaginationMeta } from "./definition.js";
import { answer } from "./execute.js";
import type { CallOptions } from "./options.js";
import { DEFAULT_MAX_PAGES, pageGuard } from "./page-guard.js";
import type { Bound, Input, State } from "./state.js";

type Query = Record<string, unknown>;

function at(value: unknown, path: readonly string[]): unknown {
  for (const key of path)
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function numeric(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

function itemsOf(page: unknown, pg: PaginationMeta): readonly unknown[] {
  const list = at(page, pg.items);
  return Array.isArray(list) ? list : [];
}

function withQuery(input: Input | undefined, query: Query): Input {
  return { ...input, params: { ...input?.params, query } };
}

/** The `rel="next"` target of a Link header (RFC 8288), resolved against the page's URL. */
export function nextLink(header: string | null, base: string): string | undefined {
  if (header === null) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const target = /<([^>]*)>/.exec(part)?.[1];
    const rel = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(part)?.[1];
    if (target !== undefined && rel !== undefined && rel.toLowerCase().split(/\s+/).includes("next"))
      return new URL(target, base).href;
  }
  return undefined;
}

export async function* pages(
  state: State,
  op: Bound,
  input: Input | undefined,
  call: CallOptions | undefined,
): AsyncGenerator<unknown, void, undefined> {
  const pg = op.pagination as PaginationMeta;
  if (pg.style === "link") return yield* linkPages(state, op, input, call);
  const query: Query = { ...input?.params?.query };
  let limit = numeric(
    pg.style === "page"
      ? pg.size === undefined
        ? undefined
        : query[pg.size]
      : pg.style === "cursor"
        ? undefined
        : query[pg.limit],
  );
  let received = 0;
  if (pg.style === "offset" || pg.style === undefined) query[pg.offset] = numeric(query[pg.offset]) ?? 0;
  if (pg.style === "page") query[pg.page] = numeric(query[pg.page]) ?? 1;
  const cursors = new Set<unknown>();
  const repeats = pageGuard();
  for (let left = call?.maxPages ?? DEFAULT_MAX_PAGES; left > 0; left--) {
    const { data: page } = await answer(state, op, withQuery(input, { ...query }), call);
    const list = itemsOf(page, pg);
    const n = list.length;
    // Distinct pages of one list differ in size, first or last item; a repeat is never yielded.
    if (repeats([n, list[0], list[n - 1]])) return;
    yield page;
    if (n === 0) return;
    received += n;
    limit ??= n;
    if (pg.style === "cursor") {
      const next = at(page, pg.next);
      if (next === undefined || next === null || next === "" || cursors.has(next)) return;
      cursors.add(next);
      query[pg.cursor] = next;
      continue;
    }
    const total = pg.total === undefined ? undefined : numeric(at(page, pg.total));
    if (pg.style === "page") {
      const totalPages = pg.totalPages === undefined ? undefined : numeric(at(page, pg.totalPages));
      const current = query[pg.page] as number;
      if ((totalPages !== undefined && current >= totalPages) || (total !== undefined && received >= total)) return;
      if (totalPages === undefined && total === undefined && n < limit) return;
      query[pg.page] = current + 1;
      continue;
    }
    query[pg.offset] = (query[pg.offset] as number) + n;
    if (total !== undefined ? (query[pg.offset] as number) >= total : n < limit) return;
  }
}

async function* linkPages(
  state: State,
  op: Bound,
  input: Input | undefined,
  call: CallOptions | undefined,
): AsyncGenerator<unknown, void, undefined> {
  let result = await answer(state, op, input, call);
  const origin = new URL(result.response.url || state.baseUrl).origin;
  const seen = new Set<string>();
  // Path parameters stay (credentials may depend on them); the link carries its own query.
  const { query: _ownQuery, ...params } = input?.params ?? {};
  const linked: Input = { ...input, params };
  for (let left = (call?.maxPages ?? DEFAULT_MAX_PAGES) - 1; ; left--) {
    yield result.data;
    if (itemsOf(result.data, op.pagination as PaginationMeta).length === 0 || left <= 0) return;
    const next = nextLink(result.response.headers.get("link"), result.response.url || state.baseUrl);
    if (next === undefined || seen.has(next)) return;
    // Credentials are only ever sent to the API's origin: a link elsewhere ends the walk.
    if (new URL(next).origin !== origin) throw new Error(`${op.id}: the next page link leaves ${origin}; not followed`);
    seen.add(next);
    result = await answer(state, op, linked, call, next);
  }
}

export async function* items(
  state: State,
  op: Bound,
  input: Input | undefined,
  call: CallOptions | undefined,
): AsyncGenerator<unknown, void, undefined> {
  const path = (op.pagination as PaginationMeta).items;
  for await (const page of pages(state, op, input, call)) {
    const list = at(page, path);
    if (Array.isArray(list)) yield* list;
  }
}
