// Copied by apigen from its client runtime (generator/runtime/serialize.ts). Do not edit.
/**
 * Parameters to URL and headers, the OpenAPI way. The layout of each style is openapi-fetch's own
 * (serializeArrayParam, serializeObjectParam, serializePrimitiveParam); what is ours is only what
 * openapi-fetch leaves out, each marked below: names and object keys are percent-encoded before
 * they reach it (it encodes values only), Dates become ISO strings (it would print `Date#toString`
 * or throw), and null items are dropped (it would leave empty `&&` pairs).
 * test/runtime/differential.test.ts holds both to the same requests.
 */
import { serializeArrayParam, serializeObjectParam, serializePrimitiveParam } from "openapi-fetch";
import type { PathStyle, QueryStyle } from "./definition.js";

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
  readonly pathStyles: Readonly<Record<string, PathStyle>> | undefined;
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
  if (Array.isArray(value)) return serializeArrayParam(encodeURIComponent(name), value.map(text), { style, explode });
  if (isPlainObject(value))
    return serializeObjectParam(encodeURIComponent(name), encodedEntries(value), { style, explode });
  // A primitive: openapi-fetch inlines this case in defaultPathSerializer rather than export it.
  if (style === "matrix") return `;${serializePrimitiveParam(encodeURIComponent(name), text(value))}`;
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
    return items.length === 0 ? "" : serializeArrayParam(key, items, { style: style as "form", explode });
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
    return serializeObjectParam(key, entries, { style: style as "form", explode });
  }
  return serializePrimitiveParam(key, text(value));
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
