import { HTTP_METHODS } from "../shared/http.ts";
import { getAtPointer } from "../shared/json-pointer.ts";

/** A problem with a path template: where (path segments into the bundled document) and what. */
export interface PathProblem {
  path: string[];
  message: string;
}

/** Any name between braces, as openapi-fetch and the runtime substitute them (not just `[A-Za-z0-9_.-]`). */
const TEMPLATE_PARAM = /\{([^{}]+)\}/g;

type Obj = Record<string, unknown>;

/**
 * Path templates and path parameters must agree: every `{name}` in a path is
 * declared `in: path` by each of its operations (or the path item), and every
 * declared path parameter appears in the path. redocly's rule for this only
 * recognises names made of `[A-Za-z0-9_.-]`, so it rejected a valid spec whose
 * parameter is called `{user id}` or `{名前}`; this check takes any name.
 * Also rejected: a path key without a leading `/`, two templates equal up to
 * their parameter names that define the same method, and a path with a `%` that does not begin a percent-encoded byte
 * (`/discounts/100%`), which is not a URL any client could send.
 * Runs on the bundled document (every `$ref` local), and in the readiness rule
 * on the unbundled one, where a parameter from another file is not checked.
 */
export function checkPathTemplates(document: Obj): PathProblem[] {
  const problems: PathProblem[] = [];
  const deref = (value: unknown, depth = 0): Obj => {
    const node = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : {};
    if (typeof node.$ref !== "string" || !node.$ref.startsWith("#") || depth > 32) return node;
    return deref(getAtPointer(document, node.$ref), depth + 1);
  };
  // A `$ref` into another file (the readiness rule sees the unbundled document): its parameter is unknown here.
  const external = (list: unknown) =>
    (Array.isArray(list) ? list : []).some(
      (p) =>
        p !== null &&
        typeof p === "object" &&
        typeof (p as Obj).$ref === "string" &&
        !((p as Obj).$ref as string).startsWith("#"),
    );
  const pathParams = (list: unknown) =>
    (Array.isArray(list) ? list : [])
      .map((p, index) => ({ index, p: deref(p) }))
      .filter(({ p }) => p.in === "path" && typeof p.name === "string");
  const paths = document.paths !== null && typeof document.paths === "object" ? (document.paths as Obj) : {};
  const templates = new Map<string, { path: string; item: Obj }[]>();
  for (const [path, rawItem] of Object.entries(paths)) {
    if (path.startsWith("x-")) continue;
    // The client joins the server URL and the path: `api.example.com` + `evil.example.com/x` is another host.
    if (!path.startsWith("/")) {
      problems.push({
        path: ["paths", path],
        message: `the path \`${path}\` does not start with \`/\`, so the client would send it somewhere else than the server URL; write \`/${path}\``,
      });
      continue;
    }
    // `/a/{x}` and `/a/{y}` match the same URLs: with the same method on both, which operation a request
    // means is not decidable. Different methods on each (GET on one, DELETE on the other) are a real-world
    // habit (Vercel's, LGTM's) every client copes with, so those pass.
    const shape = path.replace(TEMPLATE_PARAM, "{}");
    const item = deref(rawItem);
    const earlier = templates.get(shape) ?? [];
    const clash = earlier.find((other) =>
      HTTP_METHODS.some((m) => item[m] !== undefined && other.item[m] !== undefined),
    );
    if (clash) {
      const method = HTTP_METHODS.find((m) => item[m] !== undefined && clash.item[m] !== undefined)!;
      problems.push({
        path: ["paths", path],
        message: `the path \`${path}\` matches the same URLs as \`${clash.path}\` (only the parameter names differ) and both define ${method.toUpperCase()}, so a request could mean either; merge the two into one path item`,
      });
      continue;
    }
    templates.set(shape, [...earlier, { path, item }]);
    // Outside the `{name}` placeholders, which are replaced before a request is sent.
    if (/%(?![0-9A-Fa-f]{2})/.test(path.replace(TEMPLATE_PARAM, ""))) {
      problems.push({
        path: ["paths", path],
        message: `the path \`${path}\` has a \`%\` that does not begin a percent-encoded byte such as %20 (write a literal % as %25)`,
      });
      continue;
    }
    const template = new Set([...path.matchAll(TEMPLATE_PARAM)].map((m) => m[1]!));
    const shared = pathParams(item.parameters);
    for (const { index, p } of shared) {
      if (!template.has(p.name as string)) {
        problems.push({
          path: ["paths", path, "parameters", String(index), "name"],
          message: `Path parameter \`${p.name as string}\` is not used in the path \`${path}\``,
        });
      }
    }
    for (const method of HTTP_METHODS) {
      if (item[method] === undefined) continue;
      const own = pathParams(deref(item[method]).parameters);
      for (const { index, p } of own) {
        if (!template.has(p.name as string)) {
          problems.push({
            path: ["paths", path, method, "parameters", String(index), "name"],
            message: `Path parameter \`${p.name as string}\` is not used in the path \`${path}\``,
          });
        }
      }
      const declared = new Set([...shared, ...own].map(({ p }) => p.name as string));
      if (external(item.parameters) || external(deref(item[method]).parameters)) continue;
      for (const name of template) {
        if (!declared.has(name)) {
          problems.push({
            path: ["paths", path, method, "parameters"],
            message: `The operation does not define the path parameter \`{${name}}\` expected by path \`${path}\``,
          });
        }
      }
    }
  }
  return problems;
}
