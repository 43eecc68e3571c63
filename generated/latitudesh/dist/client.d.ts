import type { Client } from "openapi-fetch";
import type { paths } from "./schema.js";
import { type ApiErrorGuard, type ClientOptions, type Operation } from "./runtime.js";
/** Every operation of the API by operationId, as openapi-typescript describes it. */
export interface Operations {
    "get-vpn-sessions": paths["/vpn_sessions"]["get"];
    "post-vpn-session": paths["/vpn_sessions"]["post"];
    "delete-vpn-session": paths["/vpn_sessions/{vpn_session_id}"]["delete"];
    "put-vpn-session": paths["/vpn_sessions/{vpn_session_id}/refresh_password"]["patch"];
}
/** Names of the security schemes a client can be given credentials for. */
export type SecuritySchemeName = "Bearer";
/** Options of createLatitudeshClient: base URL or server, credentials, retries, timeouts, fetch. */
export type LatitudeshClientOptions = ClientOptions<SecuritySchemeName>;
/**
 * Operations tagged "VPN Sessions".
 *
 * VPN sessions hold a user name and password for connecting to a site over
 * VPN. They can be listed, created, have their password refreshed, and be
 * deleted.
 */
export interface VpnSessionsApi {
    /**
     * List VPN sessions
     *
     * Returns the active VPN sessions, optionally only those of one site. Passwords
     * are normally absent here; they are shown on create and refresh.
     *
     * `GET /vpn_sessions` (operationId `get-vpn-sessions`)
     */
    getVpnSessions: Operation<Operations["get-vpn-sessions"]>;
    /**
     * Create a VPN session
     *
     * Opens a VPN session for a site (and optionally a server). The answer is the
     * only time the password is shown; afterwards it can only be refreshed or the
     * session deleted.
     *
     * `POST /vpn_sessions` (operationId `post-vpn-session`)
     */
    postVpnSession: Operation<Operations["post-vpn-session"]>;
    /**
     * Delete a VPN session
     *
     * Removes an existing VPN session.
     *
     * `DELETE /vpn_sessions/{vpn_session_id}` (operationId `delete-vpn-session`)
     */
    deleteVpnSession: Operation<Operations["delete-vpn-session"]>;
    /**
     * Refresh a VPN session's password
     *
     * Issues new credentials for an existing VPN session and returns them.
     *
     * `PATCH /vpn_sessions/{vpn_session_id}/refresh_password` (operationId `put-vpn-session`)
     */
    putVpnSession: Operation<Operations["put-vpn-session"]>;
}
/** Latitude.sh API: one property per tag, plus the underlying openapi-fetch client. */
export interface LatitudeshClient {
    /**
     * Operations tagged "VPN Sessions".
     *
     * VPN sessions hold a user name and password for connecting to a site over
     * VPN. They can be listed, created, have their password refreshed, and be
     * deleted.
     */
    vpnSessions: VpnSessionsApi;
    /** The openapi-fetch client underneath, for requests the methods above do not cover. */
    raw: Client<paths>;
}
/**
 * Creates a client for Latitude.sh API.
 *
 * @example
 * const api = createLatitudeshClient({ auth: { Bearer: process.env.API_TOKEN } });
 */
export declare function createLatitudeshClient(options?: LatitudeshClientOptions): LatitudeshClient;
/**
 * True when `error` is the ApiError thrown by the named operation; narrows its
 * `status` (a union of the declared codes) and `body` (typed per status).
 *
 * @example
 * if (isApiError(error, "get-vpn-sessions")) console.log(error.body);
 */
export declare const isApiError: ApiErrorGuard<Operations>;
