import type { Bound } from "./state.js";
export declare function readResult(op: Bound, response: Response, maxBytes: number): Promise<unknown>;
