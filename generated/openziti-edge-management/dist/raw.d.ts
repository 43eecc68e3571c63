import type { Client } from "openapi-fetch";
import { type RawClientOptions } from "./runtime/raw.js";
import type { paths } from "./schema.js";
import type { ServerOption } from "./client.js";
export type { Client } from "openapi-fetch";
/** Options of createOpenzitiEdgeManagementRawClient: base URL or server, headers, fetch, middleware, requestInit (no credentials). */
export type RawOptions = RawClientOptions<ServerOption>;
/**
 * openapi-fetch's own client for OpenZiti Edge Management API, for requests the methods of
 * createOpenzitiEdgeManagementClient do not cover: the same base URL, headers, `fetch`, middleware and
 * redirect handling (a credential header never follows a redirect to another origin).
 * It sends **no credentials** (pass them as `headers` yourself) and has no retries or timeout.
 *
 * @example
 * const raw = createOpenzitiEdgeManagementRawClient();
 * const { data, error, response } = await raw.GET("/api-sessions");
 */
export declare function createOpenzitiEdgeManagementRawClient(options?: RawOptions): Client<paths>;
