/**
 * What stops pagination that would never end, for every paging style: a page whose items (or a
 * cursor, or a body) were seen before, or `maxPages` pages. Keys are kept as two 32-bit hashes and a
 * length, so a long iteration holds a few bytes per page, not the pages.
 */

/** Pages one `pages()`/`items()` iteration fetches at most unless `maxPages` says otherwise. */
export const DEFAULT_MAX_PAGES = 1000;

/** A guard for one iteration: `repeats(key)` is true when the key was seen before (pair it with a `maxPages` countdown). */
export function pageGuard(): (key: unknown) => boolean {
  const seen = new Set<string>();
  return (key) => {
    const text = String(JSON.stringify(key));
    let a = 0, b = 0;
    for (let i = 0; i < text.length; i++) {
      a = Math.imul(a ^ text.charCodeAt(i), 16777619);
      b = (Math.imul(b, 31) + text.charCodeAt(i)) | 0;
    }
    const hash = `${a},${b},${text.length}`;
    return seen.has(hash) || !seen.add(hash);
  };
}
