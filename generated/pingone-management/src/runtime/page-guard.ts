// Copied by apigen from its client runtime (generator/runtime/page-guard.ts). Do not edit.
/**
 * What stops pagination that would never end, for every paging style: a page (or a cursor, or a
 * body) seen before. Callers pass a small key (limit/offset: the page's size and its first and last
 * items), so a long iteration holds a few bytes per page, not the pages; `maxPages` bounds the rest.
 */

/** Pages one `pages()`/`items()` iteration fetches at most unless `maxPages` says otherwise. */
export const DEFAULT_MAX_PAGES = 1000;

/** A guard for one iteration: `repeats(key)` is true when an equal key (compared as JSON) was seen before. */
export function pageGuard(): (key: unknown) => boolean {
  const seen = new Set<string>();
  return (key) => {
    const text = String(JSON.stringify(key));
    return seen.has(text) || !seen.add(text);
  };
}
