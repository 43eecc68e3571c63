import type { Deadline } from "./deadline.js";
import type { Bound } from "./state.js";
/**
 * `stream`: for a file answer (the files feature), hand over the body stream instead of reading it into a Blob.
 * `deadline`: a read that outlives the call's budget (the caller gets a TimeoutError) is cancelled at its next chunk.
 */
export declare function readResult(op: Bound, response: Response, maxBytes: number, stream?: boolean, deadline?: Pick<Deadline, "stopped">): Promise<unknown>;
