/**
 * The one JSON Schema document the compiled validators are built from: the
 * schemas to export under EXPORTS, and, at their own JSON pointers, the parts
 * of the spec that their `$ref`s reach, directly or through other schemas.
 *
 * Why one document: ajv caches a compiled `$ref` target per root document. With
 * every exported schema a root of its own, a component was compiled again for
 * each request or response naming it (GitHub: `repository` dozens of times);
 * inside one root each is compiled once and called by name. Why only what is
 * reached: the spec's other parts (paths, examples, unused components) were
 * deep-copied for nothing, and a schema no operation uses is never compiled.
 *
 * Every schema is copied without annotations (ajv writes a schema object into
 * the code for some keywords, descriptions and all) and in the form ajv
 * compiles (OpenAPI 3.0's boolean bounds, `nullable` without `type`).
 */
import type { JsonSchema } from "../../ir/types.ts";
import { decodeRefPointer, encodePointer } from "../../shared/json-pointer.ts";

type Obj = Record<string, unknown>;

/** Where the exported schemas live: not a field an OpenAPI document may have at its root. */
export const EXPORTS = "apigen-validators";

export class SchemaDocument {
  /** The document to register with ajv. */
  readonly root: Obj = {};
  /** Objects made here to hold copies at their pointers (as opposed to copied schemas). */
  private readonly containers = new Set<unknown>([this.root]);
  private readonly reached = new Set<string>();
  private readonly pending: string[] = [];
  /** Export name by the JSON of its schema: equal schemas share one validator. */
  private readonly byText = new Map<string, string>();
  private readonly exports: Obj = {};

  constructor(private readonly spec: Obj) {
    define(this.root, EXPORTS, this.exports);
  }

  /**
   * Adds a schema to export (already copied with {@link copy}) and returns the
   * name it is exported under: `name`, or the name of an equal schema added before.
   */
  export(name: string, schema: unknown): string {
    const text = JSON.stringify(schema);
    const known = this.byText.get(text);
    if (known !== undefined) return known;
    this.byText.set(text, name);
    // ajv follows a root that is only a `$ref` to its target, which then compiles once more as
    // an export: wrapped, the export is a small function calling the target's shared one.
    const ref = isOnlyRef(schema) ? { allOf: [schema] } : schema;
    define(this.exports, name, ref);
    return name;
  }

  /** What ajv's `getSchema` takes for an export added under `name`, the document registered as `id`. */
  static key(id: string, name: string): string {
    return `${id}${encodePointer([EXPORTS, name])}`;
  }

  /** A copy of a schema to compile; the spec's parts its `$ref`s reach are copied into the document. */
  copy(schema: JsonSchema | unknown): unknown {
    const out = rebase(schema, this.reach);
    this.drain();
    return out;
  }

  private readonly reach = (ref: string) => {
    if (this.reached.has(ref)) return;
    this.reached.add(ref);
    this.pending.push(ref);
  };

  private drain() {
    for (let ref = this.pending.pop(); ref !== undefined; ref = this.pending.pop()) {
      const segments = decodeRefPointer(ref);
      const target = at(this.spec, segments);
      // A ref to nothing stays unresolved here, and ajv names it when it compiles.
      if (target === undefined || segments[0] === EXPORTS) continue;
      this.place(segments, rebase(target, this.reach));
    }
  }

  /** Puts a copy at its pointer, unless a copy of a schema holding it is there already. */
  private place(segments: string[], value: unknown) {
    let node = this.root;
    for (const segment of segments.slice(0, -1)) {
      let next = Object.hasOwn(node, segment) ? node[segment] : undefined;
      if (next === undefined) {
        next = {};
        define(node, segment, next);
        this.containers.add(next);
      }
      if (!this.containers.has(next)) return;
      node = next as Obj;
    }
    const last = segments.at(-1)!;
    // A container there holds copies of parts of this schema only: the copy replaces it, equal parts and all.
    if (Object.hasOwn(node, last) && !this.containers.has(node[last])) return;
    define(node, last, value);
  }
}

function isOnlyRef(schema: unknown): boolean {
  return schema !== null && typeof schema === "object" && Object.keys(schema).length === 1 && "$ref" in schema;
}

function at(document: unknown, segments: string[]): unknown {
  let node = document;
  for (const segment of segments) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Obj)[segment];
  }
  return node;
}

/** Keywords that only annotate: left out of the compiled code, which would otherwise carry every description. */
const ANNOTATIONS = new Set([
  "description",
  "title",
  "example",
  "examples",
  "externalDocs",
  "xml",
  "deprecated",
  "$comment",
  "default",
]);
/** Keywords whose value is a map from names (which may be "description") to schemas. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
/** Keywords whose value is data, not schemas. */
const DATA = new Set(["enum", "const"]);

/** A copy of a schema without annotations; each local `$ref` is reported to `reach`. */
function rebase(schema: unknown, reach: (ref: string) => void): unknown {
  if (Array.isArray(schema)) return schema.map((s) => rebase(s, reach));
  if (schema === null || typeof schema !== "object") return schema;
  const out: [string, unknown][] = [];
  for (const key of Object.keys(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
    const value = (schema as Obj)[key];
    if (key === "$ref" && typeof value === "string") {
      if (value.startsWith("#")) reach(value);
      out.push([key, value]);
    } else if (DATA.has(key)) out.push([key, value]);
    else if (SCHEMA_MAPS.has(key) && value !== null && typeof value === "object")
      out.push([key, named(Object.entries(value as Obj).map(([n, s]) => [n, rebase(s, reach)]))]);
    else out.push([key, rebase(value, reach)]);
  }
  return named(asJsonSchema(out));
}

/**
 * OpenAPI 3.0 keywords in the form ajv compiles (it throws on the others, and
 * real specs use them): a boolean `exclusiveMinimum`/`exclusiveMaximum` becomes
 * the bound itself, and `nullable` without a `type` is dropped, as it means
 * nothing there (OpenAPI 3.0.3: it adds null to the types `type` names).
 */
function asJsonSchema(entries: [string, unknown][]): [string, unknown][] {
  // Most schemas have none of these keywords: nothing to do.
  if (!entries.some(([k]) => k === "exclusiveMinimum" || k === "exclusiveMaximum" || k === "nullable")) return entries;
  const get = (key: string) => entries.find(([k]) => k === key)?.[1];
  const bounds: [string, string][] = [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ];
  const drop = new Set<string>();
  const replace = new Map<string, unknown>();
  for (const [exclusive, inclusive] of bounds) {
    const flag = get(exclusive);
    if (typeof flag !== "boolean") continue;
    drop.add(exclusive);
    if (flag && typeof get(inclusive) === "number") {
      replace.set(exclusive, get(inclusive));
      drop.add(inclusive);
    }
  }
  const type = get("type");
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  if (get("nullable") !== undefined && (types.length === 0 || types.includes("null"))) drop.add("nullable");
  return [...entries.filter(([k]) => !drop.has(k)), ...replace];
}

/** An object from entries, safe for any key (`__proto__` included). */
export function named(entries: [string, unknown][]): Obj {
  const out: Obj = {};
  for (const [key, value] of entries) define(out, key, value);
  return out;
}

function define(target: Obj, key: string, value: unknown) {
  // Assigning makes the same own data property, but for `__proto__`, which would set the prototype.
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
