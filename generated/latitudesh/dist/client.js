import {
  createRuntime,
  isApiError as isRuntimeApiError
} from "./runtime/index.js";
const definition = {
  servers: [
    { url: "https://api.latitude.sh", variables: {} },
    { url: "http://api.latitude.sh", variables: {} }
  ],
  securitySchemes: { Bearer: { type: "apiKey", in: "header", name: "Authorization" } }
};
function createLatitudeshClient(options = {}) {
  const runtime = createRuntime(definition, options);
  return {
    vpnSessions: {
      getVpnSessions: runtime.operation({
        id: "get-vpn-sessions",
        method: "get",
        path: "/vpn_sessions",
        security: [["Bearer"]],
        jsonResponse: true
      }),
      postVpnSession: runtime.operation({
        id: "post-vpn-session",
        method: "post",
        path: "/vpn_sessions",
        security: [["Bearer"]],
        bodyContentType: "application/json",
        jsonResponse: true
      }),
      deleteVpnSession: runtime.operation({
        id: "delete-vpn-session",
        method: "delete",
        path: "/vpn_sessions/{vpn_session_id}",
        security: [["Bearer"]]
      }),
      putVpnSession: runtime.operation({
        id: "put-vpn-session",
        method: "patch",
        path: "/vpn_sessions/{vpn_session_id}/refresh_password",
        security: [["Bearer"]],
        jsonResponse: true
      })
    },
    raw: runtime.raw
  };
}
const isApiError = isRuntimeApiError;
export {
  createLatitudeshClient,
  isApiError
};
