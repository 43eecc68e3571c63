import type { Client } from "openapi-fetch";
import type { paths } from "./schema.js";
import { type ApiErrorGuard, type ClientOptions, type Operation } from "./runtime.js";
/** Every operation of the API by operationId, as openapi-typescript describes it. */
export interface Operations {
    listUserSessions: paths["/environments/{environmentID}/users/{userID}/sessions"]["get"];
    readUserSession: paths["/environments/{environmentID}/users/{userID}/sessions/{sessionID}"]["get"];
    deleteUserSession: paths["/environments/{environmentID}/users/{userID}/sessions/{sessionID}"]["delete"];
}
/** Names of the security schemes a client can be given credentials for. */
export type SecuritySchemeName = "bearer";
/** Options of createPingoneManagementClient: base URL or server, credentials, retries, timeouts, fetch. */
export type PingoneManagementClientOptions = ClientOptions<SecuritySchemeName>;
/**
 * Operations tagged "Sessions".
 *
 * Sign-on sessions of a user; they can be listed, read one at a time and ended.
 */
export interface SessionsApi {
    /**
     * List a user's sessions
     *
     * Returns every session the user has in the environment.
     *
     * `GET /environments/{environmentID}/users/{userID}/sessions` (operationId `listUserSessions`)
     */
    listUserSessions: Operation<Operations["listUserSessions"]>;
    /**
     * Get one of a user's sessions
     *
     * Returns one session of the user, looked up by its id.
     *
     * `GET /environments/{environmentID}/users/{userID}/sessions/{sessionID}` (operationId `readUserSession`)
     */
    readUserSession: Operation<Operations["readUserSession"]>;
    /**
     * End one of a user's sessions
     *
     * Ends one session of the user, looked up by its id. Success has no body.
     *
     * `DELETE /environments/{environmentID}/users/{userID}/sessions/{sessionID}` (operationId `deleteUserSession`)
     */
    deleteUserSession: Operation<Operations["deleteUserSession"]>;
}
/** PingOne Platform Management API: one property per tag, plus the underlying openapi-fetch client. */
export interface PingoneManagementClient {
    /**
     * Operations tagged "Sessions".
     *
     * Sign-on sessions of a user; they can be listed, read one at a time and ended.
     */
    sessions: SessionsApi;
    /** The openapi-fetch client underneath, for requests the methods above do not cover. */
    raw: Client<paths>;
}
/**
 * Creates a client for PingOne Platform Management API.
 *
 * @example
 * const api = createPingoneManagementClient({ auth: { bearer: process.env.API_TOKEN } });
 */
export declare function createPingoneManagementClient(options?: PingoneManagementClientOptions): PingoneManagementClient;
/**
 * True when `error` is the ApiError thrown by the named operation; narrows its
 * `status` (a union of the declared codes) and `body` (typed per status).
 *
 * @example
 * if (isApiError(error, "listUserSessions") && error.status === 400) console.log(error.body);
 */
export declare const isApiError: ApiErrorGuard<Operations>;
