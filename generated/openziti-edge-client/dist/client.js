import {
  createRuntime,
  isApiError as isRuntimeApiError
} from "./runtime/index.js";
const definition = {
  servers: [{ url: "https://demo.ziti.dev/edge/client/v1", variables: {} }],
  securitySchemes: {
    oauth2: { type: "oauth2" },
    ztSession: { type: "apiKey", in: "header", name: "zt-session" }
  }
};
function createOpenzitiEdgeClient(options = {}) {
  const runtime = createRuntime(definition, options);
  return {
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
      createSession: runtime.operation({
        id: "createSession",
        method: "post",
        path: "/sessions",
        security: [["ztSession"], ["oauth2"]],
        bodyContentType: "application/json",
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
      })
    },
    raw: runtime.raw
  };
}
const isApiError = isRuntimeApiError;
export {
  createOpenzitiEdgeClient,
  isApiError
};
