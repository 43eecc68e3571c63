import {
  createRuntime,
  isApiError as isRuntimeApiError,
  serverVariables
} from "./runtime/index.js";
const definition = {
  servers: [
    {
      url: "{protocol}://{baseDomain}.{suffix}/v1",
      variables: {
        baseDomain: { default: "api.pingone" },
        protocol: { default: "https" },
        suffix: { default: "com", enum: ["asia", "ca", "com", "com.au", "eu"] }
      }
    },
    {
      url: "{protocol}://{baseHostname}/v1",
      variables: { baseHostname: { default: "api.pingone.com" }, protocol: { default: "https" } }
    }
  ],
  securitySchemes: { bearer: { type: "http", scheme: "bearer" } }
};
const metadata = [
  {
    id: "listUserSessions",
    method: "get",
    path: "/environments/{environmentID}/users/{userID}/sessions",
    security: [["bearer"]],
    jsonResponse: true
  },
  {
    id: "readUserSession",
    method: "get",
    path: "/environments/{environmentID}/users/{userID}/sessions/{sessionID}",
    security: [["bearer"]],
    jsonResponse: true
  },
  {
    id: "deleteUserSession",
    method: "delete",
    path: "/environments/{environmentID}/users/{userID}/sessions/{sessionID}",
    security: [["bearer"]]
  }
];
function createPingoneManagementClient(options = {}) {
  const runtime = createRuntime(definition, options, { serverVariables });
  return {
    sessions: {
      listUserSessions: runtime.operation(metadata[0]),
      readUserSession: runtime.operation(metadata[1]),
      deleteUserSession: runtime.operation(metadata[2])
    }
  };
}
const isApiError = isRuntimeApiError;
export {
  createPingoneManagementClient,
  isApiError
};
