import { componentRef, decodeRefPointer as fromPointer, getAtPointer } from "../shared/json-pointer.ts";
import { slugify } from "../shared/names.ts";

type Obj = Record<string, unknown>;

/**
 * Real specs point `$ref`s into the middle of things:
 * `#/components/schemas/Address/definitions/addressType`, or a response
 * schema under `#/paths/...`. openapi-typescript turns those into indexed
 * types (`components["schemas"]["Address"]["definitions"]`) that do not
 * exist, so the package would not compile. Each such schema is copied to a
 * component of its own (named after its pointer) and the refs rewritten to
 * it; so is a parameter referenced in another operation's list. Refs to whole
 * components are left as they are.
 *
 * Mutates and returns `document` (a private copy made by the bundler step).
 */
export function hoistDeepSchemaRefs(document: Obj): Obj {
  const components = (document.components ??= {}) as Obj;
  const hoisted = new Map<string, string>();
  const taken = new Map<Section, Set<string>>();

  const nameFor = (pointer: string, section: Section): string => {
    let name = hoisted.get(pointer);
    if (name) return name;
    const target = (components[section] ??= {}) as Obj;
    const names = taken.get(section) ?? new Set(Object.keys(target).map((k) => k.toLowerCase()));
    taken.set(section, names);
    const base = fromPointer(pointer)
      .filter((s) => s !== "components" && s !== section)
      .map((s) => slugify(s).replace(/-/g, "_"))
      .join("_");
    name = base;
    for (let n = 2; names.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    names.add(name.toLowerCase());
    hoisted.set(pointer, name);
    target[name] = structuredClone(resolve(document, pointer));
    return name;
  };

  // Hoisted copies can hold deep refs of their own, so walk until none are left.
  let pending: unknown[] = [document];
  while (pending.length > 0) {
    const next: unknown[] = [];
    for (const root of pending) {
      visit(root, (node) => {
        const ref = node.$ref;
        if (typeof ref !== "string") return;
        const section = deepRefSection(ref);
        if (!section || resolve(document, ref) === undefined) return;
        const isNew = !hoisted.has(ref);
        const name = nameFor(ref, section);
        node.$ref = componentRef(section, name);
        if (isNew) next.push((components[section] as Obj)[name]);
      });
    }
    pending = next;
  }
  return document;
}

type Section = "schemas" | "parameters";

/**
 * Where a deep local ref's target is hoisted to: `schemas` for a schema that is
 * not a whole component, `parameters` for a parameter in another operation's
 * list (`#/paths/~1chargers/get/parameters/0`: openapi-typescript indexes
 * `paths[...]["parameters"]["query"]`, which is optional when every query
 * parameter is). Nothing for anything else.
 */
function deepRefSection(ref: string): Section | undefined {
  if (!ref.startsWith("#/")) return undefined;
  const segments = fromPointer(ref);
  // Into a schema component, or to a schema inside another component (`#/components/responses/X/content/application~1json/schema`).
  if (segments[0] === "components")
    return (segments[1] === "schemas" ? segments.length > 3 : segments.includes("schema")) ? "schemas" : undefined;
  if (segments.includes("schema") || segments.includes("schemas")) return "schemas";
  if (segments[0] === "paths" && segments.at(-2) === "parameters" && /^\d+$/.test(segments.at(-1)!))
    return "parameters";
  return undefined;
}

const resolve = getAtPointer;

function visit(node: unknown, onObject: (node: Obj) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, onObject);
  } else if (node !== null && typeof node === "object") {
    onObject(node as Obj);
    for (const value of Object.values(node as Obj)) visit(value, onObject);
  }
}
