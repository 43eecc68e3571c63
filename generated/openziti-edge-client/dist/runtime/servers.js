function resolveBaseUrl(definition, options, fill) {
  const url = (options.baseUrl ?? specServerUrl(definition, options, fill)).replace(/\/+$/, "");
  try {
    new URL(url, globalThis.location?.href);
  } catch {
    throw new Error(`base URL ${JSON.stringify(url)} is not absolute: pass options.baseUrl`);
  }
  return url;
}
function specServerUrl(definition, options, fill) {
  const index = options.server?.index ?? 0;
  const server = definition.servers[index];
  if (server === void 0) {
    if (definition.servers.length > 0 || index !== 0)
      throw new Error(`server index ${index} out of range (${definition.servers.length} servers)`);
    throw new Error("the API defines no servers: pass options.baseUrl");
  }
  return fill === void 0 ? server.url : fill(server, options.server?.variables ?? {});
}
function serverVariables(server, given) {
  for (const name in given)
    if (!(name in server.variables)) throw new Error(`server ${server.url} has no variable "${name}"`);
  return server.url.replace(/\{([^}]+)\}/g, (match, name) => {
    const variable = server.variables[name];
    if (variable === void 0) return match;
    const value = given[name] ?? variable.default;
    if (variable.enum && !variable.enum.includes(value)) {
      throw new Error(
        `server variable "${name}" must be one of ${variable.enum.map((v) => JSON.stringify(v)).join(", ")}; got ${JSON.stringify(value)}`
      );
    }
    return value;
  });
}
export {
  resolveBaseUrl,
  serverVariables
};
