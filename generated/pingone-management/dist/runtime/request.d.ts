/**
 * One call's URL and RequestInit from the operation, its input and the call options, in two
 * synchronous halves around the (possibly awaited) credentials, so a call with static credentials
 * never waits a tick. Header precedence: client headers < credentials < header parameters < per-call headers.
 */
import { type AppliedCredential, type CredentialTarget } from "./auth.js";
import type { CallOptions } from "./options.js";
import type { Bound, Input, State } from "./state.js";
/** What the input alone decides; credentials and per-call options still to come. */
export interface Draft extends CredentialTarget {
    readonly path: string;
    readonly body: BodyInit | undefined;
}
export interface Prepared {
    readonly url: string;
    readonly init: RequestInit;
}
/** Path, query, client headers and body; throws on a missing path parameter before any credential is asked for. */
export declare function draftRequest(state: State, op: Bound, input: Input | undefined): Draft;
/** `target`: a full URL to call instead of the operation's path and query (a `Link: rel="next"` page). */
export declare function finishRequest(state: State, op: Bound, draft: Draft, credentials: readonly AppliedCredential[] | undefined, input: Input | undefined, call: CallOptions | undefined, signal: AbortSignal | undefined, target?: string): Prepared;
