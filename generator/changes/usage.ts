/**
 * Which operations use each component, and on which side of the wire. A schema's changes are
 * judged by the directions it is used in (a field added as required matters in a request
 * body, not in a response), and its messages name the operations affected.
 */
import { componentOf, isObj, lookup, refOf, type Obj } from "./json.ts";
import { listOperations } from "./paths.ts";
import type { Direction } from "./types.ts";

export interface Use {
  dirs: Set<Direction>;
  ops: Set<string>;
  /** The operations of the new spec that use it (filled by mergeUsage). */
  opsAfter: Set<string>;
  /** A response component used as a 2xx response somewhere. */
  success: boolean;
}

/** Keyed by "schemas/name", "parameters/name", ... */
export type Usage = Map<string, Use>;

/** Values that are data, not schema: an example may well contain a "$ref" key. */
const DATA_KEYS = new Set(["example", "examples", "enum", "const", "default"]);

/** Made once per document object, as listOperations (paths.ts) is: a watcher's baseline is the same at every save. */
const usageOf = new WeakMap<Obj, Usage>();

export function componentUsage(doc: Obj): Usage {
  let usage = usageOf.get(doc);
  if (usage === undefined) usageOf.set(doc, (usage = usageIn(doc)));
  return usage;
}

function usageIn(doc: Obj): Usage {
  const usage: Usage = new Map();
  const use = (key: string): Use => {
    let u = usage.get(key);
    if (u === undefined) usage.set(key, (u = { dirs: new Set(), ops: new Set(), opsAfter: new Set(), success: false }));
    return u;
  };
  // Each component's own refs, found once per document: operations share big schemas, and walking one
  // again for every operation that reaches it was most of the time. Kept in the order a walk meets them,
  // so components are recorded in the same order as walking every operation through them does.
  const refsOf = new Map<string, Ref[]>();
  const refsAt = (ref: string): Ref[] => {
    let refs = refsOf.get(ref);
    if (refs === undefined) refsOf.set(ref, (refs = componentRefs(lookup(doc, ref))));
    return refs;
  };
  for (const site of listOperations(doc)) {
    const done = new Set<string>();
    const reach = ({ key, ref }: Ref, dir: Direction): void => {
      const u = use(key);
      u.dirs.add(dir);
      u.ops.add(site.where);
      // Each component once per operation and direction: this is also the guard for recursive schemas.
      if (done.has(`${dir} ${key}`)) return;
      done.add(`${dir} ${key}`);
      for (const next of refsAt(ref)) reach(next, dir);
    };
    const walk = (node: unknown, dir: Direction) => componentRefs(node).forEach((r) => reach(r, dir));
    walk(site.item.parameters, "request");
    walk(site.op.parameters, "request");
    walk(site.op.requestBody, "request");
    for (const [status, response] of Object.entries(isObj(site.op.responses) ? site.op.responses : {})) {
      const component = componentOf(refOf(response));
      if (component !== undefined && /^2/.test(status)) use(`${component.section}/${component.name}`).success = true;
      walk(response, "response");
    }
  }
  return usage;
}

/** A `$ref` to a component, and the component's key ("schemas/name"). */
interface Ref {
  key: string;
  ref: string;
}

/** The refs to components in `node`, in the order a depth-first walk meets them (not following them; not in data). */
function componentRefs(node: unknown, into: Ref[] = []): Ref[] {
  if (Array.isArray(node)) {
    for (const n of node) componentRefs(n, into);
    return into;
  }
  if (!isObj(node)) return into;
  const ref = refOf(node);
  const component = componentOf(ref);
  if (ref !== undefined && component !== undefined) into.push({ key: `${component.section}/${component.name}`, ref });
  for (const [k, v] of Object.entries(node)) if (!DATA_KEYS.has(k) && k !== "$ref") componentRefs(v, into);
  return into;
}

/** Union of two usages: a change is judged by every way the component is used, before or after. */
export function mergeUsage(before: Usage, after: Usage): Usage {
  const merged: Usage = new Map();
  for (const source of [before, after]) {
    for (const [key, u] of source) {
      const m = merged.get(key) ?? {
        dirs: new Set<Direction>(),
        ops: new Set<string>(),
        opsAfter: new Set<string>(),
        success: false,
      };
      u.dirs.forEach((d) => m.dirs.add(d));
      u.ops.forEach((o) => m.ops.add(o));
      if (source === after) u.ops.forEach((o) => m.opsAfter.add(o));
      m.success ||= u.success;
      merged.set(key, m);
    }
  }
  return merged;
}
