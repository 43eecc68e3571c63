import { unusedMarker } from "../../shared/literal-refs.ts";
import { decodeRefPointer as fromPointer, escapeSegment } from "../../shared/json-pointer.ts";

/**
 * openapi-typescript builds a JSON pointer for every name it walks (a path,
 * a component, a property, a parameter, an operationId) and parses it back
 * with `decodeURIComponent`, and splits it at `#/`. So a name with a `%` that
 * is not percent-encoding (`win%`, a real property name) crashes it with
 * "URI malformed", one with `%20` is silently decoded into another name, and
 * an operationId with `#` loses part of itself (`operations["x"]` no longer
 * matches the key it declared). In the document given to openapi-typescript
 * only, `%` and `#` in names become ASCII markers; they are turned back in its
 * output text, which then reads exactly as if the names had been used as is.
 * The markers are chosen so that the document holds neither anywhere
 * (`x-apigen-pct`, or `x-apigen-pct-2` in a spec that has a property named
 * `x-apigen-pct`): restoring must never rewrite the spec's own strings.
 */
export type NameMarks = readonly (readonly [char: string, marker: string])[];

/** Markers for `%` and `#` that `documentText` (the document, serialised) does not contain. */
export function nameMarksFor(documentText: string): NameMarks {
  return [
    ["%", unusedMarker("x-apigen-pct", documentText)],
    ["#", unusedMarker("x-apigen-hash", documentText)],
  ];
}

type Obj = Record<string, unknown>;

const needsMark = (s: string) => s.includes("%") || s.includes("#");

/** A copy of the bundled document with `%` and `#` in names marked (shares every subtree it does not change). */
export function protectNamesForTypes(document: Obj, marks: NameMarks): Obj {
  const mark = (name: string): string => {
    let out = name;
    for (const [char, marker] of marks) if (out.includes(char)) out = out.split(char).join(marker);
    return out;
  };
  const markRef = (ref: string): string => {
    if (!ref.startsWith("#")) return ref;
    const segments = fromPointer(ref);
    if (!segments.some((s) => /[%#]/.test(s))) return ref;
    return "#" + segments.map((s) => "/" + escapeSegment(mark(s))).join("");
  };
  return walk(document, mark, markRef) as Obj;
}

/** Allocates only where a name changes: most of a big document has nothing to mark, and is returned as it is. */
function walk(node: unknown, mark: (name: string) => string, markRef: (ref: string) => string): unknown {
  if (Array.isArray(node)) {
    let items: unknown[] | undefined;
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      const next = walk(item, mark, markRef);
      if (items) items.push(next);
      else if (next !== item) (items = node.slice(0, i)).push(next);
    }
    return items ?? node;
  }
  if (node === null || typeof node !== "object") return node;
  const source = node as Obj;
  const keys = Object.keys(source);
  /** The entries so far, once one has changed. */
  let entries: (readonly [string, unknown])[] | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = source[key];
    let next: unknown;
    if (key === "$ref" && typeof value === "string") next = markRef(value);
    else if ((key === "operationId" || key === "propertyName") && typeof value === "string")
      next = needsMark(value) ? mark(value) : value;
    else if (key === "name" && typeof value === "string" && typeof source.in === "string")
      next = needsMark(value) ? mark(value) : value;
    else if (key === "required" && Array.isArray(value) && value.some((v) => typeof v === "string" && needsMark(v))) {
      next = value.map((v) => (typeof v === "string" ? mark(v) : v));
    } else if (key === "mapping" && value !== null && typeof value === "object" && !Array.isArray(value)) {
      next = Object.fromEntries(
        Object.entries(value as Obj).map(([k, v]) => [
          k,
          typeof v === "string" ? (v.startsWith("#") ? markRef(v) : mark(v)) : v,
        ]),
      );
      if (Object.entries(value as Obj).every(([k, v]) => (next as Obj)[k] === v)) next = value;
    } else next = walk(value, mark, markRef);
    const newKey = needsMark(key) ? mark(key) : key;
    if (entries) entries.push([newKey, next]);
    else if (next !== value || newKey !== key) {
      entries = keys.slice(0, i).map((k) => [k, source[k]] as const);
      entries.push([newKey, next]);
    }
  }
  if (!entries) return node;
  const out: Obj = {};
  for (const [key, value] of entries)
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Undoes {@link protectNamesForTypes} in openapi-typescript's output. */
export function restoreNamesInText(text: string, marks: NameMarks): string {
  let out = text;
  for (const [char, marker] of marks) if (out.includes(marker)) out = out.split(marker).join(char);
  return out;
}
