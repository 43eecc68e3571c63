import { createRawClient as createRuntimeRawClient } from "./runtime/raw.js";
const definition = {
  servers: [{ url: "https://demo.ziti.dev/edge/management/v1", variables: {} }],
  securitySchemes: { oauth2: { type: "oauth2" }, ztSession: { type: "apiKey", in: "header", name: "zt-session" } }
};
function createOpenzitiEdgeManagementRawClient(options = {}) {
  return createRuntimeRawClient(definition, options);
}
export {
  createOpenzitiEdgeManagementRawClient
};
