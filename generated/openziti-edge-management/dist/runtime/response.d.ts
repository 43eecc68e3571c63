import type { Bound } from "./state.js";
/** `stream`: for a file answer, hand over the body stream instead of reading it into a Blob. */
export declare function readResult(op: Bound, response: Response, maxBytes: number, stream?: boolean): Promise<unknown>;
