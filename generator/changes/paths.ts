/** The operations of a document, with the names the generated client gives them. */
import { asIdentifier, camelCase } from "../ir/names.ts";
import { deref, isObj, obj, str, type Obj } from "./json.ts";

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface OperationSite {
  /** Matching key: method and path with parameter names blanked, so renaming a path parameter keeps the pairing. */
  key: string;
  method: string;
  path: string;
  /** "GET /sessions/{id}". */
  where: string;
  item: Obj;
  op: Obj;
  /** The operationId, or the one the generator derives (see generator/ir/build.ts). */
  id: string;
  explicitId: string | undefined;
  /** The client method: `client.<tagProperty>.<methodName>`. */
  methodName: string;
  tag: string;
}

export function listOperations(doc: Obj): OperationSite[] {
  const sites: OperationSite[] = [];
  for (const path of Object.keys(obj(doc.paths)).sort()) {
    const item = obj(deref(doc, obj(doc.paths)[path]));
    for (const method of HTTP_METHODS) {
      if (!isObj(item[method])) continue;
      const op = item[method] as Obj;
      const explicitId = str(op.operationId) || undefined;
      const id = explicitId ?? camelCase(`${method} ${path.replace(/[{}]/g, " ")}`);
      const tag = (Array.isArray(op.tags) && str(op.tags[0])) || "default";
      const key = `${method} ${path.replace(/\{[^}]*\}/g, "{}")}`;
      sites.push({ key, method, path, where: `${method.toUpperCase()} ${path}`, item, op, id, explicitId, methodName: methodNameFor(id), tag });
    }
  }
  // Two paths that differ only in parameter names cannot be told apart by the blanked key: use the real path.
  const counts = new Map<string, number>();
  for (const s of sites) counts.set(s.key, (counts.get(s.key) ?? 0) + 1);
  for (const s of sites) if (counts.get(s.key)! > 1) s.key = `${s.method} ${s.path}`;
  return sites;
}

/** Mirrors methodNameFor in generator/ir/build.ts (kept private there). */
function methodNameFor(id: string): string {
  return /^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u.test(id) ? asIdentifier(id, "operation") : camelCase(id);
}

/** The client property of a tag, as generator/ir/build.ts names it. */
export function tagProperty(tag: string): string {
  return camelCase(tag);
}

/** Names of the path's template parameters, in order. */
export function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
}
