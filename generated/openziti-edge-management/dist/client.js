import {
  createRuntime,
  isApiError as isRuntimeApiError
} from "./runtime/index.js";
const definition = {
  servers: [{ url: "https://demo.ziti.dev/edge/management/v1", variables: {} }],
  securitySchemes: {
    oauth2: { type: "oauth2" },
    ztSession: { type: "apiKey", in: "header", name: "zt-session" }
  }
};
function createOpenzitiEdgeManagementClient(options = {}) {
  const runtime = createRuntime(definition, options);
  return {
    apiSession: {
      listAPISessions: runtime.paginated({
        id: "listAPISessions",
        method: "get",
        path: "/api-sessions",
        security: [["ztSession"], ["oauth2"]],
        pagination: {
          limit: "limit",
          offset: "offset",
          items: ["data"],
          total: ["meta", "pagination", "totalCount"]
        },
        jsonResponse: true
      }),
      detailAPISessions: runtime.operation({
        id: "detailAPISessions",
        method: "get",
        path: "/api-sessions/{id}",
        security: [["ztSession"], ["oauth2"]],
        jsonResponse: true
      }),
      deleteAPISessions: runtime.operation({
        id: "deleteAPISessions",
        method: "delete",
        path: "/api-sessions/{id}",
        security: [["ztSession"]],
        jsonResponse: true
      })
    },
    session: {
      listSessions: runtime.paginated({
        id: "listSessions",
        method: "get",
        path: "/sessions",
        security: [["ztSession"], ["oauth2"]],
        pagination: {
          limit: "limit",
          offset: "offset",
          items: ["data"],
          total: ["meta", "pagination", "totalCount"]
        },
        jsonResponse: true
      }),
      detailSession: runtime.operation({
        id: "detailSession",
        method: "get",
        path: "/sessions/{id}",
        security: [["ztSession"], ["oauth2"]],
        jsonResponse: true
      }),
      deleteSession: runtime.operation({
        id: "deleteSession",
        method: "delete",
        path: "/sessions/{id}",
        security: [["ztSession"], ["oauth2"]],
        jsonResponse: true
      }),
      detailSessionRoutePath: runtime.operation({
        id: "detailSessionRoutePath",
        method: "get",
        path: "/sessions/{id}/route-path",
        security: [["ztSession"], ["oauth2"]],
        jsonResponse: true
      })
    },
    raw: runtime.raw
  };
}
const isApiError = isRuntimeApiError;
export {
  createOpenzitiEdgeManagementClient,
  isApiError
};
