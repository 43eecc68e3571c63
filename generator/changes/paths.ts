/** The operations of a document, with the names the generated client gives them (from generator/ir). */
import { clientNames, HTTP_METHODS } from "../ir/client-names.ts";
import { deref, obj, type Obj } from "./json.ts";

export { HTTP_METHODS };

export interface OperationSite {
  /** Matching key: method and path with parameter names blanked, so renaming a path parameter keeps the pairing. */
  key: string;
  method: string;
  path: string;
  /** "GET /sessions/{id}". */
  where: string;
  item: Obj;
  op: Obj;
  /** The operationId, or the one the generator derives, numbered as the client numbers it. */
  id: string;
  explicitId: string | undefined;
  /** The client method: `client.<tagProperty>.<methodName>`. */
  methodName: string;
  tag: string;
  tagProperty: string;
}

/**
 * Asked for by several comparisons of one diff, and a watcher diffs against the same baseline object
 * at every save (release.ts): made once per document object. Documents are only read here (changes/
 * writes into none), so a kept list stays true.
 */
const sitesOf = new WeakMap<Obj, readonly OperationSite[]>();

export function listOperations(doc: Obj): readonly OperationSite[] {
  let sites = sitesOf.get(doc);
  if (sites === undefined) sitesOf.set(doc, (sites = operationSites(doc)));
  return sites;
}

function operationSites(doc: Obj): OperationSite[] {
  const names = clientNames(doc, (value) => obj(deref(doc, value)));
  const properties = new Map(names.tags.map((t) => [t.name, t.propertyName]));
  const sites: OperationSite[] = names.operations.map((o) => {
    const item = obj(deref(doc, obj(doc.paths)[o.path]));
    const op = obj(item[o.method]);
    const key = `${o.method} ${o.path.replace(/\{[^}]*\}/g, "{}")}`;
    const explicitId = typeof op.operationId === "string" && op.operationId !== "" ? op.operationId : undefined;
    return {
      key,
      method: o.method,
      path: o.path,
      where: `${o.method.toUpperCase()} ${o.path}`,
      item,
      op,
      id: o.id,
      explicitId,
      methodName: o.methodName,
      tag: o.tag,
      tagProperty: properties.get(o.tag)!,
    };
  });
  sites.sort((a, b) =>
    a.path < b.path
      ? -1
      : a.path > b.path
        ? 1
        : HTTP_METHODS.indexOf(a.method as never) - HTTP_METHODS.indexOf(b.method as never),
  );
  // Two paths that differ only in parameter names cannot be told apart by the blanked key: use the real path.
  const counts = new Map<string, number>();
  for (const s of sites) counts.set(s.key, (counts.get(s.key) ?? 0) + 1);
  for (const s of sites) if (counts.get(s.key)! > 1) s.key = `${s.method} ${s.path}`;
  return sites;
}

/** How a caller writes the method: `api.vpnSessions.getVpnSessions`. */
export function clientMethod(site: Pick<OperationSite, "tagProperty" | "methodName">): string {
  return `api.${site.tagProperty}.${site.methodName}`;
}

/** Names of the path's template parameters, in order. */
export function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
}
