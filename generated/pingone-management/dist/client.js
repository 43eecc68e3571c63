import {
  createRuntime,
  isApiError as isRuntimeApiError
} from "./runtime/index.js";
const definition = {
  servers: [
    {
      url: "{protocol}://{baseDomain}.{suffix}/v1",
      variables: {
        baseDomain: { default: "api.pingone" },
        protocol: { default: "https" },
        suffix: {
          default: "com",
          enum: ["asia", "ca", "com", "com.au", "eu"]
        }
      }
    },
    {
      url: "{protocol}://{baseHostname}/v1",
      variables: {
        baseHostname: { default: "api.pingone.com" },
        protocol: { default: "https" }
      }
    }
  ],
  securitySchemes: { bearer: { type: "http", scheme: "bearer" } }
};
function createPingoneManagementClient(options = {}) {
  const runtime = createRuntime(definition, options);
  return {
    sessions: {
      listUserSessions: runtime.operation({
        id: "listUserSessions",
        method: "get",
        path: "/environments/{environmentID}/users/{userID}/sessions",
        security: [["bearer"]],
        jsonResponse: true
      }),
      readUserSession: runtime.operation({
        id: "readUserSession",
        method: "get",
        path: "/environments/{environmentID}/users/{userID}/sessions/{sessionID}",
        security: [["bearer"]],
        jsonResponse: true
      }),
      deleteUserSession: runtime.operation({
        id: "deleteUserSession",
        method: "delete",
        path: "/environments/{environmentID}/users/{userID}/sessions/{sessionID}",
        security: [["bearer"]]
      })
    },
    raw: runtime.raw
  };
}
const isApiError = isRuntimeApiError;
export {
  createPingoneManagementClient,
  isApiError
};
