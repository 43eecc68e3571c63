/** One attempt on the wire: fetch with `redirect: "manual"`, following redirects ourselves so credentials never leave the origin. */
import type { Deadline } from "./deadline.js";
import type { State } from "./state.js";
/** What following redirects needs of a client (the raw client has no full State). */
export type Hop = Pick<State, "fetch" | "credentialHeaders" | "credentialQuery">;
/** Hops one attempt follows; past them the 3xx itself is the answer. The docs quote it. */
export declare const MAX_REDIRECTS = 5;
export declare function discard(response: Response): void;
/**
 * One attempt, following up to 5 hops. Past the limit, or unfollowable (a stream body on 307/308, a
 * Location that is not http: or https:, such as data:, file: or javascript:), the 3xx itself is
 * returned and surfaces as an ApiError.
 */
export declare function follow(state: Hop, url: string, init: RequestInit, deadline?: Deadline): Promise<Response>;
