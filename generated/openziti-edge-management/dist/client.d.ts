import type { Client } from "openapi-fetch";
import type { paths } from "./schema.js";
import { type ApiErrorGuard, type ClientOptions, type Operation, type PaginatedOperation, type ResponseData } from "./runtime.js";
/** Every operation of the API by operationId, as openapi-typescript describes it. */
export interface Operations {
    listAPISessions: paths["/api-sessions"]["get"];
    detailAPISessions: paths["/api-sessions/{id}"]["get"];
    deleteAPISessions: paths["/api-sessions/{id}"]["delete"];
    listSessions: paths["/sessions"]["get"];
    detailSession: paths["/sessions/{id}"]["get"];
    deleteSession: paths["/sessions/{id}"]["delete"];
    detailSessionRoutePath: paths["/sessions/{id}/route-path"]["get"];
}
/** Names of the security schemes a client can be given credentials for. */
export type SecuritySchemeName = "oauth2" | "ztSession";
/** Options of createOpenzitiEdgeManagementClient: base URL or server, credentials, retries, timeouts, fetch. */
export type OpenzitiEdgeManagementClientOptions = ClientOptions<SecuritySchemeName>;
/**
 * Operations tagged "API Session".
 *
 * API sessions: the authenticated login of an identity, created when it
 * authenticates and ended by logout, expiry or an administrator.
 */
export interface ApiSessionApi {
    /**
     * List API sessions
     *
     * Returns the active API sessions, one page at a time, narrowed by an optional
     * filter expression and paged with `limit` and `offset`. Needs admin rights.
     *
     * `GET /api-sessions` (operationId `listAPISessions`)
     */
    listAPISessions: PaginatedOperation<Operations["listAPISessions"], NonNullable<ResponseData<Operations["listAPISessions"]>>["data"][number]>;
    /**
     * Get an API session
     *
     * Returns one API session, looked up by its id. Needs admin rights.
     *
     * `GET /api-sessions/{id}` (operationId `detailAPISessions`)
     */
    detailAPISessions: Operation<Operations["detailAPISessions"]>;
    /**
     * Delete an API session
     *
     * Ends one API session, looked up by its id. Needs admin rights. Unlike the
     * other operations here, it accepts only the `zt-session` header, not an
     * OAuth token.
     *
     * `DELETE /api-sessions/{id}` (operationId `deleteAPISessions`)
     */
    deleteAPISessions: Operation<Operations["deleteAPISessions"]>;
}
/**
 * Operations tagged "Session".
 *
 * Service sessions: the right of an API session to dial or bind one service,
 * with the edge routers it may use.
 */
export interface SessionApi {
    /**
     * List sessions
     *
     * Returns the active service sessions, one page at a time, narrowed by an
     * optional filter expression and paged with `limit` and `offset`. Needs admin
     * rights. A session lives as long as its API session, and sessions in use by a
     * connected SDK keep both alive.
     *
     * `GET /sessions` (operationId `listSessions`)
     */
    listSessions: PaginatedOperation<Operations["listSessions"], NonNullable<ResponseData<Operations["listSessions"]>>["data"][number]>;
    /**
     * Get a session
     *
     * Returns one service session, looked up by its id, with the service policies that allowed it. Needs admin rights.
     *
     * `GET /sessions/{id}` (operationId `detailSession`)
     */
    detailSession: Operation<Operations["detailSession"]>;
    /**
     * Delete a session
     *
     * Removes one service session, looked up by its id. Needs admin rights. On
     * success the controller answers 200 with an envelope whose `data` is an empty
     * object.
     *
     * `DELETE /sessions/{id}` (operationId `deleteSession`)
     */
    deleteSession: Operation<Operations["deleteSession"]>;
    /**
     * Get a session's route path
     *
     * Returns the chain of routers that the traffic of one service session, looked up by its id, currently takes. Needs admin rights.
     *
     * `GET /sessions/{id}/route-path` (operationId `detailSessionRoutePath`)
     */
    detailSessionRoutePath: Operation<Operations["detailSessionRoutePath"]>;
}
/** OpenZiti Edge Management API: one property per tag, plus the underlying openapi-fetch client. */
export interface OpenzitiEdgeManagementClient {
    /**
     * Operations tagged "API Session".
     *
     * API sessions: the authenticated login of an identity, created when it
     * authenticates and ended by logout, expiry or an administrator.
     */
    apiSession: ApiSessionApi;
    /**
     * Operations tagged "Session".
     *
     * Service sessions: the right of an API session to dial or bind one service,
     * with the edge routers it may use.
     */
    session: SessionApi;
    /** The openapi-fetch client underneath, for requests the methods above do not cover. */
    raw: Client<paths>;
}
/**
 * Creates a client for OpenZiti Edge Management API.
 *
 * @example
 * const api = createOpenzitiEdgeManagementClient({ auth: { oauth2: process.env.API_TOKEN } });
 */
export declare function createOpenzitiEdgeManagementClient(options?: OpenzitiEdgeManagementClientOptions): OpenzitiEdgeManagementClient;
/**
 * True when `error` is the ApiError thrown by the named operation; narrows its
 * `status` (a union of the declared codes) and `body` (typed per status).
 *
 * @example
 * if (isApiError(error, "listAPISessions") && error.status === 400) console.log(error.body);
 */
export declare const isApiError: ApiErrorGuard<Operations>;
