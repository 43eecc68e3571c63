import { createRawClient as createRuntimeRawClient } from "./runtime/raw.js";
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
function createPingoneManagementRawClient(options = {}) {
  return createRuntimeRawClient(definition, options);
}
export {
  createPingoneManagementRawClient
};
