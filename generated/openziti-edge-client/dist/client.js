import {
  createRuntime,
  isApiError as isRuntimeApiError,
  offsetPages
} from "./runtime/index.js";
const definition = {
  servers: [{ url: "https://demo.ziti.dev/edge/client/v1", variables: {} }],
  securitySchemes: { oauth2: { type: "oauth2" }, ztSession: { type: "apiKey", in: "header", name: "zt-session" } }
};
const metadata = [
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
    id: "createSession",
    method: "post",
    path: "/sessions",
    security: [["ztSession"], ["oauth2"]],
    bodyContentType: "application/json",
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
  }
];
function createOpenzitiEdgeClient(options = {}) {
  const runtime = createRuntime(definition, options, { pagers: { offset: offsetPages } });
  return {
    session: {
      listSessions: runtime.paginated(
        metadata[0]
      ),
      createSession: runtime.operation(metadata[1]),
      detailSession: runtime.operation(metadata[2]),
      deleteSession: runtime.operation(metadata[3])
    }
  };
}
const isApiError = isRuntimeApiError;
export {
  createOpenzitiEdgeClient,
  isApiError
};
