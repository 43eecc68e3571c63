import { createRuntime, isApiError as isRuntimeApiError, } from "./runtime.js";
const definition = {
    servers: [
        { url: "https://api.latitude.sh", variables: {} },
        { url: "http://api.latitude.sh", variables: {} },
    ],
    securitySchemes: { Bearer: { type: "apiKey", in: "header", name: "Authorization" } },
};
/**
 * Creates a client for Latitude.sh API.
 *
 * @example
 * const api = createLatitudeshClient({ auth: { Bearer: process.env.API_TOKEN } });
 */
export function createLatitudeshClient(options = {}) {
    const runtime = createRuntime(definition, options);
    return {
        vpnSessions: {
            getVpnSessions: runtime.operation({
                id: "get-vpn-sessions",
                method: "get",
                path: "/vpn_sessions",
                security: [["Bearer"]],
            }),
            postVpnSession: runtime.operation({
                id: "post-vpn-session",
                method: "post",
                path: "/vpn_sessions",
                security: [["Bearer"]],
                bodyContentType: "application/json",
            }),
            deleteVpnSession: runtime.operation({
                id: "delete-vpn-session",
                method: "delete",
                path: "/vpn_sessions/{vpn_session_id}",
                security: [["Bearer"]],
            }),
            putVpnSession: runtime.operation({
                id: "put-vpn-session",
                method: "patch",
                path: "/vpn_sessions/{vpn_session_id}/refresh_password",
                security: [["Bearer"]],
            }),
        },
        raw: runtime.raw,
    };
}
/**
 * True when `error` is the ApiError thrown by the named operation; narrows its
 * `status` (a union of the declared codes) and `body` (typed per status).
 *
 * @example
 * if (isApiError(error, "get-vpn-sessions")) console.log(error.body);
 */
export const isApiError = isRuntimeApiError;
