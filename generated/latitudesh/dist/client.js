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
const metadata = [
  { id: "get-vpn-sessions", method: "get", path: "/vpn_sessions", security: [["Bearer"]], jsonResponse: true },
  {
    id: "post-vpn-session",
    method: "post",
    path: "/vpn_sessions",
    security: [["Bearer"]],
    bodyContentType: "application/json",
    jsonResponse: true
  },
  { id: "delete-vpn-session", method: "delete", path: "/vpn_sessions/{vpn_session_id}", security: [["Bearer"]] },
  {
    id: "put-vpn-session",
    method: "patch",
    path: "/vpn_sessions/{vpn_session_id}/refresh_password",
    security: [["Bearer"]],
    jsonResponse: true
  }
];
function createLatitudeshClient(options = {}) {
  const runtime = createRuntime(definition, options);
  return {
    vpnSessions: {
      getVpnSessions: runtime.operation(metadata[0]),
      postVpnSession: runtime.operation(metadata[1]),
      deleteVpnSession: runtime.operation(metadata[2]),
      putVpnSession: runtime.operation(metadata[3])
    }
  };
}
const isApiError = isRuntimeApiError;
export {
  createLatitudeshClient,
  isApiError
};
