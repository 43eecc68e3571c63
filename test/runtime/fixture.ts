// What the generator would emit for fixture.yaml: the ApiDefinition and one OperationMeta per operation.
import {
  basicAuth,
  cookies,
  readFile,
  type ApiDefinition,
  type Features,
  type OperationMeta,
} from "../../generator/runtime/index.js";

export const definition: ApiDefinition = {
  servers: [
    {
      url: "http://{host}:{port}/{basePath}",
      variables: {
        host: { default: "127.0.0.1" },
        port: { default: "1" },
        basePath: { default: "v1", enum: ["v1", "v2"] },
      },
    },
    { url: "http://127.0.0.1:2/alt", variables: {} },
  ],
  securitySchemes: {
    ztSession: { type: "apiKey", in: "header", name: "zt-session" },
    oauth2: { type: "oauth2" },
    basicAuth: { type: "http", scheme: "basic" },
    bearerAuth: { type: "http", scheme: "Bearer" },
    apiKeyQuery: { type: "apiKey", in: "query", name: "api_key" },
    apiKeyCookie: { type: "apiKey", in: "cookie", name: "sid" },
  },
};

/** The features the generator would pass for fixture.yaml: it has a basic scheme and an apiKey in a cookie. */
export const features = { basicAuth, cookies, files: readFile } satisfies Features;

export type Schemes = "ztSession" | "oauth2" | "basicAuth" | "bearerAuth" | "apiKeyQuery" | "apiKeyCookie";

export const ops = {
  listSessions: {
    id: "listSessions",
    method: "get",
    path: "/sessions",
    security: [["ztSession"], ["oauth2"]],
    pagination: { limit: "limit", offset: "offset", items: ["data"], total: ["meta", "pagination", "totalCount"] },
  },
  createSession: {
    id: "createSession",
    method: "post",
    path: "/sessions",
    security: [["basicAuth"]],
    bodyContentType: "application/vnd.api+json",
  },
  detailSession: { id: "detailSession", method: "get", path: "/sessions/{id}", security: [["ztSession"], ["oauth2"]] },
  updateSession: {
    id: "updateSession",
    method: "put",
    path: "/sessions/{id}",
    security: [["ztSession"], ["oauth2"]],
    bodyContentType: "application/json",
  },
  deleteSession: { id: "deleteSession", method: "delete", path: "/sessions/{id}", security: [] },
  health: { id: "health", method: "get", path: "/health", security: [] },
  keyed: { id: "keyed", method: "get", path: "/keyed", security: [["apiKeyQuery"], ["apiKeyCookie"], ["bearerAuth"]] },
} satisfies Record<string, OperationMeta>;
