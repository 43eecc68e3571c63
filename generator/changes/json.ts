/** Small helpers for walking an untyped, bundled OpenAPI document. */

import { decodeRefPointer, getAtPointer } from "../shared/json-pointer.ts";

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function obj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

/** `o[key]` if `o` has it itself: keys come from the other document, and "toString" must not find Object.prototype's. */
export function own(o: Obj, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** JSON with sorted keys: two values are equal for our purposes iff their stable forms are. */
export function stable(value: unknown): string {
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (isObj(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stable(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function same(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
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
