// Copied by apigen from its client runtime (generator/runtime/serialize.ts). Do not edit.
/**
 * Parameters to URL and headers, the OpenAPI way. Each style is laid out as openapi-fetch's
 * serializeArrayParam, serializeObjectParam and serializePrimitiveParam lay it out (below, written
 * for the string values the runtime passes: importing theirs cost every client's bundle about
 * 250 B min+gzip). What openapi-fetch leaves out is marked: names and object keys are
 * percent-encoded (it encodes values only), Dates become ISO strings (it would print
 * `Date#toString` or throw), and null items are dropped (it would leave empty `&&` pairs).
 * test/runtime/differential.test.ts holds both to the same requests on the wire.
 */
import type { PathStyle, QueryStyle } from "./definition.js";

type Style = PathStyle["style"] | QueryStyle["style"];

/** `name=value`, the value percent-encoded (openapi-fetch's serializePrimitiveParam). */
function pair(name: string, value: string): string {
  return `${name}=${encodeURIComponent(value)}`;
}

/** Between exploded parts: `,` `.` `;` in a path, `&` in a query; label and matrix values also start with it. */
function separator(style: Style): [between: string, lead: string] {
  const between = style === "simple" ? "," : style === "label" ? "." : style === "matrix" ? ";" : "&";
  return [between, style === "label" || style === "matrix" ? between : ""];
}

/** An array parameter (openapi-fetch's serializeArrayParam). */
function arrayParam(name: string, values: readonly string[], style: Style, explode: boolean): string {
  if (!explode) {
    const delimiter = style === "spaceDelimited" ? "%20" : style === "pipeDelimited" ? "|" : ",";
    const joined = values.map(encodeURIComponent).join(delimiter);
    if (style === "simple") return joined;
    return style === "label" ? `.${joined}` : `${style === "matrix" ? ";" : ""}${name}=${joined}`;
  }
  const [between, lead] = separator(style);
  const bare = style === "simple" || style === "label";
  return lead + values.map((v) => (bare ? encodeURIComponent(v) : pair(name, v))).join(between);
}

/** An object parameter, keys already encoded (openapi-fetch's serializeObjectParam). */
function objectParam(name: string, entries: Record<string, string>, style: Style, explode: boolean): string {
  const list = Object.entries(entries);
  if (!explode && style !== "deepObject") {
    const joined = list.flatMap(([k, v]) => [k, encodeURIComponent(v)]).join(",");
    if (style === "form") return `${name}=${joined}`;
    return style === "label" ? `.${joined}` : style === "matrix" ? `;${name}=${joined}` : joined;
  }
  const [between, lead] = separator(style);
  return lead + list.map(([k, v]) => pair(style === "deepObject" ? `${name}[${k}]` : k, v)).join(between);
}

/** A parameter value as text: Dates as ISO 8601 (what date-time means in a spec), the rest via String. */
export function text(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** An object's present entries with percent-encoded keys and text values: openapi-fetch encodes neither keys nor Dates. */
function encodedEntries(value: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (present(v)) out[encodeURIComponent(k)] = text(v);
  return out;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

/** What buildPath needs of an operation: its path split at `{name}` (odd indexes are names). */
export interface PathTemplate {
  readonly id: string;
  readonly segments: readonly string[];
  readonly pathStyles?: Readonly<Record<string, PathStyle>> | undefined;
}

export function buildPath(op: PathTemplate, path: Record<string, unknown> | undefined): string {
  const s = op.segments;
  let out = s[0] as string;
  for (let i = 1; i < s.length; i += 2) {
    const name = s[i] as string;
    const value = path?.[name];
    if (value === undefined || value === null || value === "")
      throw new Error(`${op.id}: missing required path parameter "${name}"`);
    const encoded = pathValue(name, value, op.pathStyles?.[name]);
    // "." and ".." survive encodeURIComponent (and %2E is decoded by URL parsers): they would move the path.
    if (encoded === "." || encoded === "..")
      throw new Error(`${op.id}: path parameter "${name}" cannot be ${JSON.stringify(encoded)}`);
    out += encoded + (s[i + 1] as string);
  }
  return out;
}

function pathValue(name: string, value: unknown, given: PathStyle | undefined): string {
  const style = given?.style ?? "simple";
  const explode = given?.explode ?? false;
  if (Array.isArray(value)) return arrayParam(encodeURIComponent(name), value.map(text), style, explode);
  if (isPlainObject(value)) return objectParam(encodeURIComponent(name), encodedEntries(value), style, explode);
  // A primitive: openapi-fetch inlines this case in defaultPathSerializer.
  if (style === "matrix") return `;${pair(encodeURIComponent(name), text(value))}`;
  return (style === "label" ? "." : "") + encodeURIComponent(text(value));
}

/**
 * OpenAPI query serialization; names and values are percent-encoded (`filter[x]` -> `filter%5Bx%5D`).
 * Not openapi-fetch's `createQuerySerializer`, though this loop is the same composition of its
 * serializers: that one takes one style for all arrays and one for all objects (objects default to
 * deepObject, where OpenAPI's default is form), while a spec sets style and explode per parameter.
 * Using it would take one serializer per parameter per call (more allocation on every request), and
 * we would still need the parts it leaves out (encoded names, Dates, null items, unexploded
 * space/pipe-delimited objects).
 */
export function serializeQuery(
  query: Record<string, unknown>,
  styles: Readonly<Record<string, QueryStyle>> | undefined,
): string {
  let out = "";
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    const part = queryParam(encodeURIComponent(name), value, styles?.[name]);
    if (part !== "") out += out === "" ? part : `&${part}`;
  }
  return out;
}

function queryParam(key: string, value: unknown, given: QueryStyle | undefined): string {
  const style = given?.style ?? "form";
  const explode = given?.explode ?? style === "form";
  if (Array.isArray(value)) {
    const items = value.filter(present).map(text);
    // openapi-fetch's types leave deepObject out for arrays (the spec defines none); it lays one out as form.
    return items.length === 0 ? "" : arrayParam(key, items, style, explode);
  }
  if (isPlainObject(value)) {
    const entries = encodedEntries(value);
    // openapi-fetch writes a non-exploded space/pipe-delimited object without its name and with
    // commas; the spec's examples (`color=R%20100%20G%20200`) have the name and the delimiter.
    if (!explode && (style === "spaceDelimited" || style === "pipeDelimited")) {
      const sep = style === "spaceDelimited" ? "%20" : "|";
      const flat = Object.entries(entries).map(([k, v]) => `${k}${sep}${encodeURIComponent(v)}`);
      return flat.length === 0 ? "" : `${key}=${flat.join(sep)}`;
    }
    // What is left of space/pipe-delimited objects (exploded) is laid out as form, as openapi-fetch does.
    return objectParam(key, entries, style, explode);
  }
  return pair(key, text(value));
}

/** Header values onto lower-cased names; null/undefined skipped. Arrays become `a,b` (style simple). */
export function assignHeaders(target: Record<string, string>, source: Record<string, unknown>): void {
  for (const name in source) {
    const value = source[name];
    if (value !== undefined && value !== null) target[name.toLowerCase()] = text(value);
  }
}

/** Cookie parameters (style form) appended to `cookie` as `; name=value` pairs. */
export function cookiePairs(cookie: Record<string, unknown>): string {
  let out = "";
  for (const name in cookie) {
    const v = cookie[name];
    if (v !== undefined && v !== null) out += `; ${name}=${encodeURIComponent(text(v))}`;
  }
  return out;
}
