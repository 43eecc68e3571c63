import {
  createRuntime,
  isApiError as isRuntimeApiError,
  offsetPages
} from "./runtime/index.js";
const definition = {
  servers: [{ url: "https://demo.ziti.dev/edge/management/v1", variables: {} }],
  securitySchemes: { oauth2: { type: "oauth2" }, ztSession: { type: "apiKey", in: "header", name: "zt-session" } }
};
const metadata = [
  {
    id: "listAPISessions",
    method: "get",
    path: "/api-sessions",
    security: [["ztSession"], ["oauth2"]],
    pagination: {
      style: "offset",
      limit: "limit",
      offset: "offset",
      items: ["data"],
      total: ["meta", "pagination", "totalCount"]
    },
    jsonResponse: true
  },
  {
    id: "detailAPISessions",
    method: "get",
    path: "/api-sessions/{id}",
    security: [["ztSession"], ["oauth2"]],
    jsonResponse: true
  },
  {
    id: "deleteAPISessions",
    method: "delete",
    path: "/api-sessions/{id}",
    security: [["ztSession"]],
    jsonResponse: true
  },
  {
    id: "listSessions",
    method: "get",
    path: "/sessions",
    security: [["ztSession"], ["oauth2"]],
    pagination: {
      style: "offset",
      limit: "limit",
      offset: "offset",
      items: ["data"],
      total: ["meta", "pagination", "totalCount"]
    },
    jsonResponse: true
  },
  {
    id: "detailSession",
    method: "get",
    path: "/sessions/{id}",
    security: [["ztSession"], ["oauth2"]],
    jsonResponse: true
  },
  {
    id: "deleteSession",
    method: "delete",
    path: "/sessions/{id}",
    security: [["ztSession"], ["oauth2"]],
    jsonResponse: true
  },
  {
    id: "detailSessionRoutePath",
    method: "get",
    path: "/sessions/{id}/route-path",
    security: [["ztSession"], ["oauth2"]],
    jsonResponse: true
  }
];
function createOpenzitiEdgeManagementClient(options = {}) {
  const runtime = createRuntime(definition, options, { pagers: { offset: offsetPages } });
  return {
    apiSession: {
      listAPISessions: runtime.paginated(metadata[0]),
      detailAPISessions: runtime.operation(metadata[1]),
      deleteAPISessions: runtime.operation(metadata[2])
    },
    session: {
      listSessions: runtime.paginated(
        metadata[3]
      ),
      detailSession: runtime.operation(metadata[4]),
      deleteSession: runtime.operation(metadata[5]),
      detailSessionRoutePath: runtime.operation(metadata[6])
    }
  };
}
const isApiError = isRuntimeApiError;
export {
  createOpenzitiEdgeManagementClient,
  isApiError
};
