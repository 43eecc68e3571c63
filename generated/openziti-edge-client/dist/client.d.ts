import type { Client } from "openapi-fetch";
import type { paths } from "./schema.js";
import { type ApiErrorGuard, type ClientOptions, type Operation, type PaginatedOperation, type ResponseData } from "./runtime.js";
/** Every operation of the API by operationId, as openapi-typescript describes it. */
export interface Operations {
    listSessions: paths["/sessions"]["get"];
    createSession: paths["/sessions"]["post"];
    detailSession: paths["/sessions/{id}"]["get"];
    deleteSession: paths["/sessions/{id}"]["delete"];
}
/** Names of the security schemes a client can be given credentials for. */
export type SecuritySchemeName = "oauth2" | "ztSession";
/** Options of createOpenzitiEdgeClient: base URL or server, credentials, retries, timeouts, fetch. */
export type OpenzitiEdgeClientOptions = ClientOptions<SecuritySchemeName>;
/**
 * Operations tagged "Session".
 *
 * Service sessions. A session grants the caller's API session the right to dial
 * or bind one service and lists the edge routers it may connect through.
 */
export interface SessionApi {
    /**
     * List sessions
     *
     * Returns the active sessions visible to the caller, one page at a time. The
     * result can be narrowed with a filter expression and paged with `limit` and
     * `offset`. A session lives as long as its API session: when the API session
     * expires or logs out its sessions go too, while sessions in use by a
     * connected SDK keep both alive.
     *
     * `GET /sessions` (operationId `listSessions`)
     */
    listSessions: PaginatedOperation<Operations["listSessions"], NonNullable<ResponseData<Operations["listSessions"]>>["data"][number]>;
    /**
     * Create a session
     *
     * Asks the controller for a session to dial or bind a service. The answer holds
     * the complete session, including its token and the edge routers the caller
     * may use to reach the service.
     *
     * `POST /sessions` (operationId `createSession`)
     */
    createSession: Operation<Operations["createSession"]>;
    /**
     * Get a session
     *
     * Returns one session, looked up by its id.
     *
     * `GET /sessions/{id}` (operationId `detailSession`)
     */
    detailSession: Operation<Operations["detailSession"]>;
    /**
     * Delete a session
     *
     * Removes one session, looked up by its id. On success the controller answers
     * 200 with an envelope whose `data` is an empty object.
     *
     * `DELETE /sessions/{id}` (operationId `deleteSession`)
     */
    deleteSession: Operation<Operations["deleteSession"]>;
}
/** OpenZiti Edge Client API: one property per tag, plus the underlying openapi-fetch client. */
export interface OpenzitiEdgeClient {
    /**
     * Operations tagged "Session".
     *
     * Service sessions. A session grants the caller's API session the right to dial
     * or bind one service and lists the edge routers it may connect through.
     */
    session: SessionApi;
    /** The openapi-fetch client underneath, for requests the methods above do not cover. */
    raw: Client<paths>;
}
/**
 * Creates a client for OpenZiti Edge Client API.
 *
 * @example
 * const api = createOpenzitiEdgeClient({ auth: { oauth2: process.env.API_TOKEN } });
 */
export declare function createOpenzitiEdgeClient(options?: OpenzitiEdgeClientOptions): OpenzitiEdgeClient;
/**
 * True when `error` is the ApiError thrown by the named operation; narrows its
 * `status` (a union of the declared codes) and `body` (typed per status).
 *
 * @example
 * if (isApiError(error, "listSessions") && error.status === 400) console.log(error.body);
 */
export declare const isApiError: ApiErrorGuard<Operations>;
