import type { CallOptions } from "./options.js";
import type { Bound, Input, State } from "./state.js";
/** A call's result with the answer it came from (`withResponse`, Link-header paging). */
export interface Answer {
    readonly data: unknown;
    readonly response: Response;
}
export declare function execute(state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined): Promise<unknown>;
/** `target`: a full URL replacing the operation's path and query (a next-page link). */
export declare function answer(state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined, target?: string): Promise<Answer>;
