import { type Deadline } from "./deadline.js";
import { type RetryPolicy } from "./retry.js";
import type { Bound, Input, State } from "./state.js";
export declare function withMiddleware(state: State, op: Bound, url: string, init: RequestInit, input: Input | undefined, retry: RetryPolicy | null, deadline: Deadline): Promise<Response>;
