import type { CallOptions } from "./options.js";
import type { Bound, Input, State } from "./state.js";
export declare function pages(state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined): AsyncGenerator<unknown, void, undefined>;
export declare function items(state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined): AsyncGenerator<unknown, void, undefined>;
