import createClient from "openapi-fetch";
import { credentialCarriers } from "./auth.js";
import { serializeQuery } from "./serialize.js";
import { resolveBaseUrl, serverVariables } from "./servers.js";
import { follow } from "./transport.js";
function createRawClient(definition, options) {
  const carriers = credentialCarriers(definition);
  const hop = { fetch: options.fetch, credentialHeaders: carriers.headers, credentialQuery: carriers.query };
  const raw = createClient({
    ...options.requestInit,
    baseUrl: resolveBaseUrl(definition, options, serverVariables),
    querySerializer: (query) => serializeQuery(query, void 0),
    ...options.headers === void 0 ? {} : { headers: options.headers },
    fetch: async (r) => follow(hop, r.url, {
      ...options.requestInit,
      method: r.method,
      headers: r.headers,
      body: r.body && await r.arrayBuffer(),
      signal: r.signal,
      redirect: "manual"
    })
  });
  if (options.middleware !== void 0 && options.middleware.length > 0) raw.use(...options.middleware);
  return raw;
}
export {
  createRawClient
};
