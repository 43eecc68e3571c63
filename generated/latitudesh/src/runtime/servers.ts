// Copied by apigen from its client runtime (generator/runtime/servers.ts). Do not edit.
/** The base URL: `baseUrl`, or a spec server with its `{variables}` filled and enum-checked. */
import type { ApiDefinition, ServerDef } from "./definition.js";
import type { ClientOptions } from "./options.js";

/** serverVariables below, as createRuntime is given it (only by clients whose spec servers have variables). */
export type VariableFiller = (server: ServerDef, given: Readonly<Record<string, string | undefined>>) => string;

/** Reads `baseUrl` and `server` only (the raw client passes just those). */
export function resolveBaseUrl(
  definition: ApiDefinition,
  options: Pick<ClientOptions, "baseUrl" | "server">,
  fill: VariableFiller | undefined,
): string {
  const url = (options.baseUrl ?? specServerUrl(definition, options, fill)).replace(/\/+$/, "");
  // Relative bases only work where there is a document to resolve against; fail early otherwise.
  try {
    new URL(url, (globalThis as { location?: { href: string } }).location?.href);
  } catch {
    throw new Error(`base URL ${JSON.stringify(url)} is not absolute: pass options.baseUrl`);
  }
  return url;
}

function specServerUrl(
  definition: ApiDefinition,
  options: Pick<ClientOptions, "server">,
  fill: VariableFiller | undefined,
): string {
  const index = options.server?.index ?? 0;
  const server = definition.servers[index];
  if (server === undefined) {
    if (definition.servers.length > 0 || index !== 0)
      throw new Error(`server index ${index} out of range (${definition.servers.length} servers)`);
    throw new Error("the API defines no servers: pass options.baseUrl");
  }
  // Without the feature no server has variables, and the options' types allow none.
  return fill === undefined ? server.url : fill(server, options.server?.variables ?? {});
}

/** The `serverVariables` feature: a server's URL with its `{variables}` filled (given, else default) and enum-checked. */
export function serverVariables(server: ServerDef, given: Readonly<Record<string, string | undefined>>): string {
  for (const name in given)
    if (!(name in server.variables)) throw new Error(`server ${server.url} has no variable "${name}"`);
  return server.url.replace(/\{([^}]+)\}/g, (match, name: string) => {
    const variable = server.variables[name];
    if (variable === undefined) return match;
    const value = given[name] ?? variable.default;
    if (variable.enum && !variable.enum.includes(value)) {
      throw new Error(
        `server variable "${name}" must be one of ${variable.enum.map((v) => JSON.stringify(v)).join(", ")}; got ${JSON.stringify(value)}`,
      );
    }
    return value;
  });
}
