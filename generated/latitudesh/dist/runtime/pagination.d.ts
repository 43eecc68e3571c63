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
import type { CallOptions } from "./options.js";
import type { Bound, Input, State } from "./state.js";
export declare function at(value: unknown, path: readonly string[]): unknown;
export declare function itemsOf(page: unknown, pg: PaginationMeta): readonly unknown[];
/** Limit/offset paging: the `offset` pager of createRuntime. */
export declare function offsetPages(state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined): AsyncGenerator<unknown, void, undefined>;
/** Page number (and size) paging: the `page` pager of createRuntime. */
export declare function pageNumberPages(state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined): AsyncGenerator<unknown, void, undefined>;
/** Cursor paging (the next cursor read from each body): the `cursor` pager of createRuntime. */
export declare function cursorPages(state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined): AsyncGenerator<unknown, void, undefined>;
/** The items of each page a walk yields (`pages()` of any style), at the operation's items path. */
export declare function items(walk: AsyncIterable<unknown>, path: readonly string[]): AsyncGenerator<unknown, void, undefined>;
