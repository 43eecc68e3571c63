import { escapeSegment, getAtPointer } from "../shared/json-pointer.ts";

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
      const start = `#/components/${escapeSegment(section)}/${escapeSegment(name)}`;
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

