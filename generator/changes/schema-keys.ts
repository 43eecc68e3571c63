import { decodeRefPointer } from "../shared/json-pointer.ts";
import { sha256 } from "../shared/hash.ts";
import { obj, type Obj } from "./json.ts";

/**
 * Memo keys for comparing one component schema of two documents (components.ts). compareSchema reads
 * the two schemas and, through `$ref`s, whatever they reach in their documents; nothing else of them.
 * So a key holds, on each side, every schema reachable from the compared one by `$ref` (any `$ref`
 * string in its JSON, examples included: a set too big is only slower), each by its text's hash.
 * A schema reaching a `$ref` that is not to a component schema of its document gets no key: it is
 * compared every time.
 */
interface Schemas {
  /** Name -> hash of its JSON, and the names its `$ref`s name (undefined: one names something else). */
  byName: Map<string, { hash: string; refs: string[] | undefined }>;
}

/** Worked out once per document object: a watcher's baseline is the same object at every save (release.ts). */
const schemasOf = new WeakMap<Obj, Schemas>();

function schemasIn(doc: Obj): Schemas {
  let schemas = schemasOf.get(doc);
  if (schemas !== undefined) return schemas;
  const all = obj(obj(doc.components).schemas);
  const byName: Schemas["byName"] = new Map();
  for (const [name, schema] of Object.entries(all)) {
    const json = JSON.stringify(schema) ?? "undefined";
    byName.set(name, { hash: sha256(json), refs: schemaRefs(json, all) });
  }
  schemasOf.set(doc, (schemas = { byName }));
  return schemas;
}

/** The key of schema `name` of `doc` and all it reaches, or undefined when it reaches beyond the component schemas. */
export function reachedKey(doc: Obj, name: string): string | undefined {
  const { byName } = schemasIn(doc);
  const seen = new Set<string>();
  const stack = [name];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const refs = byName.get(next)?.refs;
    if (refs === undefined) return undefined;
    stack.push(...refs);
  }
  return [...seen]
    .sort()
    .map((n) => `${n}\0${byName.get(n)!.hash}`)
    .join("\n");
}

/**
 * The component schema names the `$ref`s of a JSON text name (a bare `"$ref":"` is an object key and
 * its string: in a string, quotes are escaped), or undefined when one names anything else, the way
 * json.ts's lookup decodes it.
 */
function schemaRefs(json: string, schemas: Obj): string[] | undefined {
  const names = new Set<string>();
  for (const m of json.matchAll(/"\$ref":"((?:[^"\\]|\\.)*)"/g)) {
    const ref = JSON.parse(`"${m[1]}"`) as string;
    const segments = ref.startsWith("#") ? decodeRefPointer(ref) : [];
    const name = segments[2];
    if (segments[0] !== "components" || segments[1] !== "schemas" || name === undefined) return undefined;
    if (!Object.hasOwn(schemas, name)) return undefined;
    names.add(name);
  }
  return [...names];
}
