// Copied by apigen from its client runtime (generator/runtime/serialize.ts). Do not edit.
/**
 * Parameters to URL and headers, the OpenAPI way, through openapi-fetch's own serializers
 * (serializeArrayParam, serializeObjectParam, serializePrimitiveParam). Around them, what
 * openapi-fetch leaves out: names and object keys are percent-encoded (it encodes values only),
 * Dates become ISO strings (it would print `Date#toString` or throw), null items are dropped (it
 * would leave empty `&&` pairs), and each parameter has its own style and explode.
 * test/runtime/differential.test.ts holds this and openapi-fetch's client to the same requests on the wire.
 */
import { serializeArrayParam, serializeObjectParam, serializePrimitiveParam } from "openapi-fetch";
import type { PathStyle, QueryStyle } from "./definition.js";

/** openapi-fetch's serializer options: its types have one style union per parameter kind, the calls below mix them. */
type Serializer = (name: string, value: never, options: { style: string; explode: boolean }) => string;
const arrayParam = serializeArrayParam as Serializer;
const objectParam = serializeObjectParam as Serializer;

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
  const options = { style: given?.style ?? "simple", explode: given?.explode ?? false };
  const list = Array.isArray(value);
  if (!list && isPlainObject(value))
    return objectParam(encodeURIComponent(name), encodedEntries(value) as never, options);
  if (!list && options.style === "simple") return encodeURIComponent(text(value)); // the common case, without an array
  // A primitive is laid out as a one-item array (`.v`, `;name=v`): openapi-fetch inlines that case in defaultPathSerializer.
  return arrayParam(encodeURIComponent(name), (list ? value : [value]).map(text) as never, options);
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
  const options = { style, explode: given?.explode ?? style === "form" };
  if (!isPlainObject(value)) return serializePrimitiveParam(key, text(value));
  // openapi-fetch writes a non-exploded space/pipe-delimited object without its name and with commas;
  // the spec's examples (`color=R%20100%20G%20200`) have both: laid out as the array of its keys and values.
  const flat = !Array.isArray(value) && !options.explode && style !== "form" && style !== "deepObject";
  if (!Array.isArray(value) && !flat) return objectParam(key, encodedEntries(value) as never, options);
  // openapi-fetch's types leave deepObject out for arrays (the spec defines none); it lays one out as form.
  const items = Array.isArray(value)
    ? value.filter(present).map(text)
    : Object.entries(value).flatMap(([k, v]) => (present(v) ? [k, text(v)] : []));
  return items.length === 0 ? "" : arrayParam(key, items as never, options);
}

/** Header values onto lower-cased names; null/undefined skipped. Arrays become `a,b` (style simple). */
export function assignHeaders(target: Record<string, string>, source: Record<string, unknown>): void {
  for (const name in source) {
    const value = source[name];
    if (value !== undefined && value !== null) target[name.toLowerCase()] = text(value);
  }
}
