/** Helpers for reading untyped JSON (a parsed spec) and writing JSON files. */

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The object itself, or an empty one for anything else (absent, array, scalar). */
export function obj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

/** `o[key]` if `o` has it itself: keys come from a spec, and "toString" must not find Object.prototype's. */
export function own(o: Obj, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** The string, "" included; undefined for anything else. For values compared as they are. */
export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The string unless it is empty; undefined otherwise. For text a spec may leave blank (`summary: ""` says nothing). */
export function nonEmptyStr(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
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

/** The text of a JSON file we write: two-space indent and a final newline, like npm writes its own. */
export function jsonFile(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}
