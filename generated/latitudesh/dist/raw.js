import { createRawClient as createRuntimeRawClient } from "./runtime/raw.js";
const definition = {
  servers: [
    { url: "https://api.latitude.sh", variables: {} },
    { url: "http://api.latitude.sh", variables: {} }
  ],
  securitySchemes: { Bearer: { type: "apiKey", in: "header", name: "Authorization" } }
};
function createLatitudeshRawClient(options = {}) {
  return createRuntimeRawClient(definition, options);
}
export {
  createLatitudeshRawClient
};
