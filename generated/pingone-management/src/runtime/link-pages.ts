// Copied by apigen from its client runtime (generator/runtime/link-pages.ts). Do not edit.
/**
 * Paging by RFC 8288 `Link: <...>; rel="next"` headers (GitHub's style): the `linkPages` feature of
 * createRuntime. Links are followed only on the API's own origin; a repeated link, an empty page
 * or `maxPages` ends the walk.
 */
import type { PaginationMeta } from "./definition.js";
import { answer } from "./execute.js";
import type { CallOptions } from "./options.js";
import { DEFAULT_MAX_PAGES } from "./page-guard.js";
import { itemsOf } from "./pagination.js";
import type { Bound, Input, State } from "./state.js";

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

/** Follows the `next` links from the first page's answer. */
export async function* linkPages(
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
