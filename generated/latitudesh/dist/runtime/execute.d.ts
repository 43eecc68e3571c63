import type { CallOptions } from "./options.js";
import type { Bound, Input, State } from "./state.js";
export declare function execute(state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined): Promise<unknown>;
