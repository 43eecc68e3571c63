/** Small helpers for walking an untyped, bundled OpenAPI document. */

import { decodeRefPointer, getAtPointer } from "../shared/json-pointer.ts";

// The untyped-JSON readers are the generator's one set (shared/json.ts); changes/ adds the ref walking.
export { type Obj, isObj, obj, own, str, stable } from "../shared/json.ts";
import { isObj, stable, str, type Obj } from "../shared/json.ts";

/**
 * Whether `stable(a) === stable(b)`, found without writing either out: comparing a watcher's specs
 * compares every component and operation at each save, and most are equal or differ early.
 */
export function same(a: unknown, b: unknown): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    // A hole is written as nothing, an undefined entry as `undefined`: they differ.
    for (let i = 0; i < a.length; i++) if (i in a !== i in b || !same(a[i], b[i])) return false;
    return true;
  }
  if (plain(a) && plain(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => Object.prototype.propertyIsEnumerable.call(b, k) && same(a[k], b[k]));
  }
  // Numbers, booleans, null, undefined and anything unusual: as their stable texts say (NaN is null there).
  return stable(a) === stable(b);
}

/** An object stable() writes from its own keys only (a parsed spec's objects); anything else is compared as text. */
function plain(value: unknown): value is Obj {
  if (!isObj(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The `$ref` string of a reference object, if it is one. */
export function refOf(value: unknown): string | undefined {
  return isObj(value) ? str(value.$ref) : undefined;
}

/** What a local ref points at; undefined for dangling or non-local refs. */
export function lookup(doc: Obj, ref: string): unknown {
  return ref.startsWith("#") ? getAtPointer(doc, ref) : undefined;
}

/**
 * Follows a chain of refs to the object it ends at. A ref cycle without content in between
 * (a -> b -> a) names nothing; it ends at an empty object rather than looping.
 */
export function deref(doc: Obj, value: unknown): unknown {
  const seen = new Set<string>();
  let node = value;
  for (let ref = refOf(node); ref !== undefined; ref = refOf(node)) {
    if (seen.has(ref)) return {};
    seen.add(ref);
    node = lookup(doc, ref);
  }
  return node;
}

/** `#/components/schemas/session` -> { section: "schemas", name: "session" }. */
export function componentOf(ref: string | undefined): { section: string; name: string } | undefined {
  if (ref === undefined || !ref.startsWith("#/components/")) return undefined;
  const [, section, name, ...rest] = decodeRefPointer(ref);
  return section !== undefined && name !== undefined && rest.length === 0 ? { section, name } : undefined;
}

/** "a", "a and b", "a, b and c", "a, b, c and 2 more". */
export function listWords(items: readonly string[], max = 3): string {
  if (items.length <= 1) return items.join("");
  if (items.length <= max) return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

export function quote(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : stable(value);
}
