import { componentRef, decodeRefPointer, escapeSegment, getAtPointer } from "../shared/json-pointer.ts";

export interface RefCycle {
  /** Path of the component where the cycle was first entered. */
  path: string[];
  /** The refs in the order they are followed, back to the start. */
  refs: string[];
}

/**
 * Components that are nothing but a `$ref` to one another in a loop
 * (A -> B -> A) describe no value at all; every tool downstream would loop
 * or crash on them. A cycle through a real schema (a tree node whose
 * `children` refer back to it) is fine and is not reported.
 */
export function findPureRefCycles(document: Record<string, unknown>): RefCycle[] {
  const components = (document.components ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const cycles: RefCycle[] = [];
  const reported = new Set<string>();
  for (const [section, entries] of Object.entries(components)) {
    if (!entries || typeof entries !== "object") continue;
    for (const name of Object.keys(entries)) {
      const start = componentRef(section, name);
      const seen: string[] = [start];
      let node: unknown = entries[name];
      while (isPureRef(node)) {
        const target = node.$ref;
        if (seen.includes(target)) {
          const loop = seen.slice(seen.indexOf(target));
          const key = [...loop].sort().join(" ");
          if (!reported.has(key)) {
            reported.add(key);
            cycles.push({ path: ["components", section, name], refs: [...loop, target] });
          }
          break;
        }
        seen.push(target);
        node = getAtPointer(document, target);
      }
    }
  }
  return cycles;
}

function isPureRef(node: unknown): node is { $ref: string } {
  return (
    node !== null &&
    typeof node === "object" &&
    typeof (node as { $ref?: unknown }).$ref === "string" &&
    (node as { $ref: string }).$ref.startsWith("#") &&
    Object.keys(node).every((k) => k === "$ref" || k === "description" || k === "summary")
  );
}

/**
 * Schemas that contain themselves through `allOf` (A = B & {...}, B = A & {...}).
 * openapi-typescript writes them as intersections of one another, which
 * TypeScript rejects (TS2502: referenced directly or indirectly in its own
 * type), and no value is described that the cycle adds anything to. A `$ref`
 * through a property (a tree's `children`) is a different thing and is fine.
 * Runs on the bundled document (every `$ref` local).
 */
export function findAllOfCycles(document: Record<string, unknown>): RefCycle[] {
  const schemas = ((document.components as Record<string, unknown> | undefined)?.schemas ?? {}) as Record<
    string,
    unknown
  >;
  const prefix = "#/components/schemas/";
  const edges = new Map<string, string[]>();
  for (const [name, schema] of Object.entries(schemas))
    edges.set(prefix + escapeSegment(name), [...aliasRef(schema), ...allOfRefs(schema)]);
  const cycles: RefCycle[] = [];
  const reported = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (ref: string): void => {
    state.set(ref, "open");
    stack.push(ref);
    for (const next of edges.get(ref) ?? []) {
      if (state.get(next) === "open") {
        const loop = stack.slice(stack.indexOf(next));
        const key = [...loop].sort().join(" ");
        if (!reported.has(key)) {
          reported.add(key);
          const name = getName(next, prefix);
          const closing = (schemas[name] as { allOf?: unknown } | undefined)?.allOf === undefined ? [] : ["allOf"];
          cycles.push({ path: ["components", "schemas", name, ...closing], refs: [...loop, next] });
        }
      } else if (!state.has(next) && edges.has(next)) visit(next);
    }
    stack.pop();
    state.set(ref, "done");
  };
  for (const ref of edges.keys()) if (!state.has(ref)) visit(ref);
  return cycles;
}

/** A schema that is a `$ref` to another component is that component's type: an edge like an allOf member. */
function aliasRef(schema: unknown): string[] {
  const ref = (schema as { $ref?: unknown } | null)?.$ref;
  return typeof ref === "string" && ref.startsWith("#/components/schemas/") ? [ref] : [];
}

/** The components an `allOf` includes, directly or through an inline member's own `allOf`. */
function allOfRefs(schema: unknown): string[] {
  const refs: string[] = [];
  const members = (schema as { allOf?: unknown } | null)?.allOf;
  if (!Array.isArray(members)) return refs;
  for (const member of members) {
    const ref = (member as { $ref?: unknown } | null)?.$ref;
    if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) refs.push(ref);
    else refs.push(...allOfRefs(member));
  }
  return refs;
}

function getName(ref: string, prefix: string): string {
  return decodeRefPointer(ref).at(-1) ?? ref.slice(prefix.length);
}
