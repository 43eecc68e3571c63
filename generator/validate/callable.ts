import { HTTP_METHODS } from "../shared/http.ts";

/** A problem with what a client needs to make a call: where (path segments) and what. */
export interface CallProblem {
  path: string[];
  message: string;
}

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * What a spec must define for its client to be callable at all, and that
 * validators let through: a security requirement naming a scheme that
 * `components.securitySchemes` lacks (the client's factory would throw for
 * every caller), and a server URL `{variable}` without a definition (the
 * client would call `%7Bversion%7D`). Runs on the bundled document.
 */
export function checkCallable(document: Obj): CallProblem[] {
  return [...checkSecurity(document), ...checkServers(document)];
}

function checkSecurity(document: Obj): CallProblem[] {
  const components = isObj(document.components) ? document.components : {};
  const schemes = isObj(components.securitySchemes) ? components.securitySchemes : {};
  const defined = Object.keys(schemes);
  const problems: CallProblem[] = [];
  const check = (requirements: unknown, at: string[]) => {
    if (!Array.isArray(requirements)) return;
    requirements.forEach((requirement, index) => {
      if (!isObj(requirement)) return;
      for (const name of Object.keys(requirement)) {
        if (Object.hasOwn(schemes, name)) continue;
        const known =
          defined.length === 0 ? "it defines none" : `it defines ${defined.map((d) => `"${d}"`).join(", ")}`;
        problems.push({
          path: [...at, String(index), name],
          message: `the security requirement names "${name}", which components.securitySchemes does not define (${known}); define the scheme or correct the name`,
        });
      }
    });
  };
  check(document.security, ["security"]);
  forEachOperation(document, (operation, at) => check(operation.security, [...at, "security"]));
  return problems;
}

function checkServers(document: Obj): CallProblem[] {
  const problems: CallProblem[] = [];
  const check = (servers: unknown, at: string[]) => {
    if (!Array.isArray(servers)) return;
    servers.forEach((server, index) => {
      if (!isObj(server) || typeof server.url !== "string") return;
      const variables = isObj(server.variables) ? server.variables : {};
      for (const [, name] of server.url.matchAll(/\{([^{}]*)\}/g)) {
        if (Object.hasOwn(variables, name!)) continue;
        problems.push({
          path: [...at, String(index), "url"],
          message: `the server URL "${server.url}" uses {${name}}, which the server's variables do not define; add variables: { ${JSON.stringify(name)}: { default: ... } }`,
        });
      }
    });
  };
  check(document.servers, ["servers"]);
  const paths = isObj(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) if (isObj(item)) check(item.servers, ["paths", path, "servers"]);
  forEachOperation(document, (operation, at) => check(operation.servers, [...at, "servers"]));
  return problems;
}

function forEachOperation(document: Obj, visit: (operation: Obj, at: string[]) => void): void {
  const paths = isObj(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObj(item)) continue;
    for (const method of HTTP_METHODS) if (isObj(item[method])) visit(item[method] as Obj, ["paths", path, method]);
  }
}
