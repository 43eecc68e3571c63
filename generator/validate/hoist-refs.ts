import { fromPointer } from "../errors.ts";
import { slugify } from "../ir/names.ts";

type Obj = Record<string, unknown>;

/**
 * Real specs point `$ref`s into the middle of things:
 * `#/components/schemas/Address/definitions/addressType`, or a response
 * schema under `#/paths/...`. openapi-typescript turns those into indexed
 * types (`components["schemas"]["Address"]["definitions"]`) that do not
 * exist, so the package would not compile. Each such schema is copied to a
 * component of its own (named after its pointer) and the refs rewritten to
 * it. Refs to whole components are left as they are.
 *
 * Mutates and returns `document` (a private copy made by the bundler step).
 */
export function hoistDeepSchemaRefs(document: Obj): Obj {
  const components = (document.components ??= {}) as Obj;
  const schemas = (components.schemas ??= {}) as Obj;
  const hoisted = new Map<string, string>();
  const taken = new Set(Object.keys(schemas).map((k) => k.toLowerCase()));

  const nameFor = (pointer: string): string => {
    let name = hoisted.get(pointer);
    if (name) return name;
    const base = fromPointer(pointer)
      .filter((s) => s !== "components" && s !== "schemas")
      .map((s) => slugify(s).replace(/-/g, "_"))
      .join("_");
    name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    hoisted.set(pointer, name);
    schemas[name] = structuredClone(resolve(document, pointer));
    return name;
  };

  // Hoisted copies can hold deep refs of their own, so walk until none are left.
  let pending: unknown[] = [document];
  while (pending.length > 0) {
    const next: unknown[] = [];
    for (const root of pending) {
      visit(root, (node) => {
        const ref = node.$ref;
        if (typeof ref !== "string" || !isDeepSchemaRef(ref) || resolve(document, ref) === undefined) return;
        const isNew = !hoisted.has(ref);
        const name = nameFor(ref);
        node.$ref = `#/components/schemas/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
        if (isNew) next.push(schemas[name]);
      });
    }
    pending = next;
  }
  return document;
}

/** A local ref into a schema that is not a whole component. */
function isDeepSchemaRef(ref: string): boolean {
  if (!ref.startsWith("#/")) return false;
  const segments = fromPointer(ref);
  if (segments[0] === "components") return segments[1] === "schemas" && segments.length > 3;
  return segments.includes("schema") || segments.includes("schemas");
}

function resolve(document: unknown, pointer: string): unknown {
  let node = document;
  for (const segment of fromPointer(pointer)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Obj)[segment];
  }
  return node;
}

function visit(node: unknown, onObject: (node: Obj) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, onObject);
  } else if (node !== null && typeof node === "object") {
    onObject(node as Obj);
    for (const value of Object.values(node as Obj)) visit(value, onObject);
  }
}
