import type { CallOptions } from "./options.js";
import type { Bound, Input, State } from "./state.js";
/** The `rel="next"` target of a Link header (RFC 8288), resolved against the page's URL. */
export declare function nextLink(header: string | null, base: string): string | undefined;
/** Follows the `next` links from the first page's answer. */
export declare function linkPages(state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined): AsyncGenerator<unknown, void, undefined>;
