import type { ApiIR, JsonSchema, ModelIR } from "../../ir/types.ts";
import { words } from "../../shared/names.ts";
import { type FieldInfo, Schemas, isObject, nonNullBranches, schemaList, typesOf } from "./schema.ts";

/**
 * Sample values for the docs' examples (TypeScript, curl, request and
 * response JSON, model pages). The spec's own `example`/`examples` come
 * first, verbatim; where it gives none, a value made from the schema that
 * looks real: formats, enums, `const`, defaults, bounds, lengths, simple
 * patterns, discriminators. Only credentials get placeholders, and those
 * never appear here (see curl.ts and examples.ts).
 *
 * `sampleFor` is pure: the same schema and models give the same value, so
 * pages stay byte-identical on every regeneration, and other tools (the test
 * kit) can reuse it.
 */

export type SampleMode = "request" | "response";

export interface SampleOptions {
  /** Named schemas (`#/components/schemas/<name>`) that `$ref`s may point at. */
  models: readonly ModelIR[] | Schemas;
  /** Request samples leave out read-only fields, response samples write-only ones. */
  mode?: SampleMode;
  /** The field or parameter name, which picks a plausible string when the schema says little. */
  name?: string;
}

/**
 * A value valid against `schema`, or undefined when none could be built (a required cycle).
 *
 * Required fields are always there (the value must validate). Optional fields
 * are shown as deep as the value stays within SAMPLE_LINES lines of JSON: the
 * deepest level that fits, tried from the top down, so a small schema is shown
 * whole at any depth and a big one (GitHub's repository, a webhook payload)
 * keeps to its required fields instead of filling pages nobody reads.
 */
export function sampleFor(schema: JsonSchema | undefined, options: SampleOptions): unknown {
  const schemas = options.models instanceof Schemas ? options.models : new Schemas({ models: [...options.models] });
  let best: unknown = OMIT;
  for (let optionalDepth = 0; optionalDepth <= MAX_DEPTH; optionalDepth++) {
    // Required fields only (depth 0) are shown whatever their size; a deeper try stops once it is too big.
    const sampler = new Sampler(schemas, options.mode ?? "response", optionalDepth, optionalDepth > 0);
    let v: unknown;
    try {
      v = sampler.build(schema ?? {}, options.name ?? "value", 0, []);
    } catch (error) {
      if (error === TOO_BIG) break;
      throw error;
    }
    if (optionalDepth > 0 && jsonLines(v) > SAMPLE_LINES) break;
    best = v;
    // Nothing was left out for being too deep: a deeper try would build the same value.
    if (!sampler.cut) break;
  }
  // Too big on required fields alone: required fields that may be null and would hold objects are null
  // (an issue with no milestone, a pull request nobody merged), when that makes the value smaller.
  if (best !== OMIT && jsonLines(best) > SAMPLE_LINES) {
    const lean = new Sampler(schemas, options.mode ?? "response", 0, false, true).build(
      schema ?? {},
      options.name ?? "value",
      0,
      [],
    );
    if (lean !== OMIT && jsonLines(lean) < jsonLines(best)) best = lean;
  }
  return best === OMIT ? undefined : best;
}

/**
 * Sample values already made, by schema (a model's `$ref`, or an inline schema's JSON), mode and name:
 * one store for every user of one IR (the docs, the test kit's default answers, the package README),
 * which asked for the same values apart. A watcher hands the last save's store to the next IR when its
 * models are the same ({@link shareSamples}): `sampleFor` reads nothing else, so the values are those
 * a fresh store would make. A value is kept while the passes use it: one pass's worth at most.
 */
export class SampleStore {
  #previous = new Map<string, unknown>();
  #current = new Map<string, unknown>();

  /** The sample of `schema` (a `$ref` string stands for its model) under `key`, made by `make` at most once. */
  get(schema: string | JsonSchema, key: string, make: () => unknown): unknown {
    const id = `${key}\0${typeof schema === "string" ? schema : JSON.stringify(schema)}`;
    if (this.#current.has(id)) return this.#current.get(id);
    const value = this.#previous.has(id) ? this.#previous.get(id) : make();
    this.#current.set(id, value);
    return value;
  }

  /** A new pass starts: what the last one did not use goes at the end of this one. */
  nextPass(): void {
    this.#previous = this.#current;
    this.#current = new Map();
  }
}

const stores = new WeakMap<ApiIR, SampleStore>();

/** The store of samples of `ir`'s users (made on first use). */
export function samplesOf(ir: ApiIR): SampleStore {
  let store = stores.get(ir);
  if (store === undefined) stores.set(ir, (store = new SampleStore()));
  return store;
}

/** `ir` uses `store`, the last pass's, whose IR had the very same models. */
export function shareSamples(ir: ApiIR, store: SampleStore): void {
  store.nextPass();
  stores.set(ir, store);
}

/** The size bound of a sample, in lines of `JSON.stringify(value, null, 2)`; required fields may pass it. */
export const SAMPLE_LINES = 60;
const MAX_DEPTH = 8;
/** An object that would show empty below the optional depth gets up to this many of its plain-valued fields. */
const FILL_FIELDS = 5;
const OMIT = Symbol("omit");
/** Thrown by a bounded try as soon as its value passes SAMPLE_LINES: building the rest would be wasted. */
const TOO_BIG = Symbol("too big");

/** Lines of `JSON.stringify(value, null, 2)`, counted without printing it. */
export function jsonLines(value: unknown): number {
  if (value === null || typeof value !== "object") return 1;
  const children = Array.isArray(value) ? value : Object.values(value);
  let n = children.length === 0 ? 1 : 2;
  for (const child of children) n += jsonLines(child);
  return n;
}

class Sampler {
  /** Whether an optional field was left out for its depth (a deeper try would show more). */
  cut = false;

  /** Lines of JSON the value has grown to so far; containers built here are counted as they fill up. */
  private lines = 0;
  private readonly built = new WeakSet<object>();

  constructor(
    private readonly schemas: Schemas,
    private readonly mode: SampleMode,
    /** Optional fields are shown in objects above this depth; deeper, only to keep an object from showing empty. */
    private readonly optionalDepth: number,
    /** Whether to give up (throw TOO_BIG) once the value passes SAMPLE_LINES. */
    private readonly bounded: boolean,
    /** Whether a required field that may be null, and would hold an object or array, is null. */
    private readonly lean = false,
  ) {}

  /** Counts a value put into a container (a container built here counted itself), and stops a bounded try that got too big. */
  private grow(value: unknown, times = 1): void {
    const own = value !== null && typeof value === "object" && this.built.has(value);
    this.lines += (own ? 0 : jsonLines(value)) + (times - 1) * jsonLines(value);
    if (this.bounded && this.lines > SAMPLE_LINES) throw TOO_BIG;
  }

  /** A non-empty container built here: its opening and closing lines. */
  private made<T extends object>(value: T): T {
    if (Object.keys(value).length > 0) {
      this.built.add(value);
      this.grow(null, 2);
    }
    return value;
  }

  build(schema: JsonSchema, name: string, depth: number, stack: string[]): unknown {
    const model = this.schemas.modelOf(schema);
    if (model !== undefined) {
      if (stack.includes(model.name) || depth > MAX_DEPTH) return OMIT;
      return this.build(model.schema, name, depth, [...stack, model.name]);
    }
    if (typeof schema.$ref === "string") return this.build(this.schemas.deref(schema), name, depth + 1, stack);
    if ("const" in schema) return schema.const;
    const example = firstExample(schema);
    if (example !== undefined) return example;
    if (Array.isArray(schema.enum)) {
      return schema.default !== undefined && schema.enum.includes(schema.default)
        ? schema.default
        : (schema.enum.find((v) => v !== null) ?? null);
    }

    const discriminated = this.discriminated(schema, name, depth, stack);
    if (discriminated !== undefined) return discriminated;
    const types = typesOf(schema);
    const branches = nonNullBranches(schema);
    if (types.length === 0 && branches.length > 0) {
      for (const branch of branches) {
        const v = this.build(branch, name, depth, stack);
        if (v !== OMIT) return v;
      }
      return OMIT;
    }
    const members = schemaList(schema.allOf).filter(constrains);
    const own =
      isObject(schema.properties) || isObject(schema.additionalProperties) || isObject(schema.patternProperties);
    if (members.length > 0) {
      // allOf: a member that is not an object (an enum, a string) decides the value; objects merge their fields.
      const values = members.map((m) => this.build(m, name, depth, stack));
      if (values.includes(OMIT)) return OMIT;
      const scalar = values.find((v) => v === null || typeof v !== "object" || Array.isArray(v));
      if (scalar !== undefined) return scalar;
      return this.schemas.fields(schema).length > 0 ? this.object(schema, depth, stack) : Object.assign({}, ...values);
    }
    const onlyNull =
      types.length === 0 && (schema.type === "null" || (Array.isArray(schema.type) && schema.type.includes("null")));
    const type = types[0] ?? (own ? "object" : schema.items !== undefined ? "array" : onlyNull ? "null" : undefined);
    switch (type) {
      case "string":
        return stringSample(schema, name);
      case "integer":
      case "number":
        return numberSample(schema, name, type === "integer");
      case "boolean":
        return typeof schema.default === "boolean" ? schema.default : true;
      case "null":
        return null;
      case "array": {
        if (Array.isArray(schema.default)) return schema.default;
        const item = isObject(schema.items) ? this.build(schema.items, singular(name), depth + 1, stack) : "value";
        if (item === OMIT) return [];
        const count = typeof schema.minItems === "number" ? Math.max(1, schema.minItems) : 1;
        this.grow(item, count);
        // Unique items need distinct values; only numbers and strings are varied.
        return this.made(
          Array.from({ length: count }, (_v, i) =>
            i === 0 ? item : typeof item === "number" ? item + i : typeof item === "string" ? `${item}${i + 1}` : item,
          ),
        );
      }
      case "object":
        return this.object(schema, depth, stack);
      default:
        return "value";
    }
  }

  /** A oneOf/anyOf with a discriminator: its first mapped (or listed) variant, with the discriminating field set to the variant's key. */
  private discriminated(schema: JsonSchema, name: string, depth: number, stack: string[]): unknown {
    const d = isObject(schema.discriminator) ? schema.discriminator : undefined;
    const property = typeof d?.propertyName === "string" ? d.propertyName : undefined;
    const branches = nonNullBranches(schema);
    if (property === undefined || branches.length === 0) return undefined;
    const mapping = isObject(d!.mapping)
      ? Object.entries(d!.mapping).filter((e): e is [string, string] => typeof e[1] === "string")
      : [];
    const first = mapping[0];
    const branch = first ? { $ref: first[1] } : branches[0]!;
    const value = this.build(branch, name, depth, stack);
    if (value === OMIT || !isObject(value)) return value === OMIT ? undefined : value;
    const key = first?.[0] ?? this.schemas.modelOf(branch)?.name;
    const field = this.schemas.fields(this.schemas.resolve(branch)).find((f) => f.name === property);
    const fixed = field ? this.schemas.resolve(field.schema) : undefined;
    // The variant's own schema for the field (an enum or const) wins over the mapping key.
    if (key === undefined || (fixed && ("const" in fixed || Array.isArray(fixed.enum)))) return value;
    // The spec's own example of the variant is the spec's: the field goes on a copy of it.
    const own = this.built.has(value) ? value : { ...value };
    setOwn(own, property, key);
    return own;
  }

  private object(schema: JsonSchema, depth: number, stack: string[]): unknown {
    if (isObject(schema.default) && Object.keys(schema.default).length > 0) return schema.default;
    const out: Record<string, unknown> = {};
    const deep: FieldInfo[] = [];
    for (const field of this.schemas.fields(schema)) {
      const s = this.schemas.resolve(field.schema);
      const hidden =
        s.deprecated === true ||
        field.schema.deprecated === true ||
        (this.mode === "request" ? s.readOnly === true : s.writeOnly === true);
      // openapi-typescript makes a field with a default non-optional, so such fields are always shown.
      const needed = field.required || field.schema.default !== undefined || s.default !== undefined;
      if (!needed && hidden) continue;
      if (!needed && depth >= this.optionalDepth) {
        this.cut = true;
        deep.push(field);
        continue;
      }
      const v =
        this.lean && field.required && !isPlain(s) && this.schemas.isNullable(field.schema)
          ? null
          : this.build(field.schema, field.name, depth + 1, stack);
      if (v === OMIT) {
        if (needed) return OMIT;
        continue;
      }
      this.grow(v);
      setOwn(out, field.name, v);
    }
    if (Object.keys(out).length > 0) return this.made(out);
    // `{}` tells a reader nothing: an object left empty by the depth shows a few of its plain fields
    // (strings, numbers, enums), or else its first field, itself filled the same way: a short chain, at any depth.
    const plain = deep.filter((f) => isPlain(this.schemas.resolve(f.schema)));
    for (const field of plain.length > 0 ? plain.slice(0, FILL_FIELDS) : deep.slice(0, 1)) {
      const v = this.build(field.schema, field.name, depth + 1, stack);
      if (v === OMIT) continue;
      this.grow(v);
      setOwn(out, field.name, v);
    }
    const extra = schema.additionalProperties;
    if (Object.keys(out).length === 0 && isObject(extra) && Object.keys(extra).length > 0) {
      const v = this.build(extra, "value", depth + 1, stack);
      if (v !== OMIT) {
        this.grow(v);
        setOwn(out, "key", v);
      }
    }
    return this.made(out);
  }
}

/** A schema whose values print on one line: a scalar type, an enum or a constant. */
function isPlain(schema: JsonSchema): boolean {
  if ("const" in schema || Array.isArray(schema.enum)) return true;
  const types = typesOf(schema);
  return types.length > 0 && types.every((t) => t !== "object" && t !== "array");
}

/** Defines a key even when it is `__proto__`, which plain assignment would not. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty only where it is needed: it is slow, and it leaves the object in slow (dictionary) mode.
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Whether a schema says anything about the value (an allOf member that only adds a description does not). */
function constrains(schema: JsonSchema): boolean {
  const keys = [
    "$ref",
    "type",
    "enum",
    "const",
    "properties",
    "additionalProperties",
    "patternProperties",
    "items",
    "allOf",
    "anyOf",
    "oneOf",
  ];
  return keys.some((k) => schema[k] !== undefined);
}

/** The schema's `example` or first `examples` entry (JSON Schema's array form). */
function firstExample(schema: JsonSchema): unknown {
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  return schema.example;
}

const FORMAT_SAMPLES: Record<string, string> = {
  "date-time": "2024-05-14T09:30:00Z",
  date: "2024-05-14",
  time: "09:30:00Z",
  duration: "PT15M",
  email: "jane.doe@example.com",
  "idn-email": "jane.doe@example.com",
  uri: "https://example.com/resource",
  url: "https://example.com/resource",
  "uri-reference": "https://example.com/resource",
  iri: "https://example.com/resource",
  uuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
  ipv4: "192.0.2.10",
  ipv6: "2001:db8::10",
  hostname: "api.example.com",
  "idn-hostname": "api.example.com",
  byte: "aGVsbG8=",
  password: "<password>",
};

/** Plausible strings by what a field is called, checked word by word from the end (`server_id` -> id). */
const NAME_SAMPLES: [RegExp, string][] = [
  [/^(e?mail|emailaddress)$/, "jane.doe@example.com"],
  [/^(at|on|timestamp|datetime|created|updated|modified|expires|expiry)$/, "2024-05-14T09:30:00Z"],
  [/^(url|uri|href|link|website|homepage|endpoint)$/, "https://example.com"],
  [/^(host|hostname|domain|fqdn)$/, "api.example.com"],
  [/^(ip|address)$/, "192.0.2.10"],
  [/^(id|uuid|identifier|ref)$/, "3fa85f64"],
  [/^(first)$/, "Jane"],
  [/^(last|surname)$/, "Doe"],
  [/^(username|user|login)$/, "jdoe"],
  [/^(name|title|label)$/, "example"],
  [/^(description|summary|comment|note|notes|message|reason)$/, "A short description."],
  [/^(country)$/, "US"],
  [/^(currency)$/, "USD"],
  [/^(phone|mobile)$/, "+1-202-555-0100"],
  [/^(locale|language|lang)$/, "en-US"],
  [/^(timezone|tz)$/, "UTC"],
  [/^(slug|code|key|type|kind|status|state)$/, "example"],
  [/^(port)$/, "8443"],
  [/^(version)$/, "1.0.0"],
  [/^(color|colour)$/, "#1f6feb"],
  [/^(path|file|filename)$/, "example.txt"],
  [/^(token|secret|password|passphrase|apikey)$/, ""],
];

function stringSample(schema: JsonSchema, name: string): string {
  if (typeof schema.default === "string") return schema.default;
  const format = typeof schema.format === "string" ? FORMAT_SAMPLES[schema.format] : undefined;
  let value = format ?? byName(name);
  const pattern = typeof schema.pattern === "string" ? compile(schema.pattern) : undefined;
  if (pattern && !pattern.test(value)) value = patternSample(schema.pattern as string) ?? value;
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  if ([...value].length < min) value = value + "x".repeat(min - [...value].length);
  if ([...value].length > max) value = [...value].slice(0, max).join("");
  return value;
}

function byName(name: string): string {
  const parts = words(name).map((w) => w.toLowerCase());
  const joined = parts.join("");
  for (const candidate of [joined, ...parts.slice().reverse()]) {
    for (const [re, sample] of NAME_SAMPLES) {
      if (!re.test(candidate)) continue;
      // Credentials are the one thing shown as a placeholder.
      return sample === "" ? `<${name}>` : sample;
    }
  }
  return "example";
}

function numberSample(schema: JsonSchema, name: string, integer: boolean): number {
  if (typeof schema.default === "number") return schema.default;
  const step =
    typeof schema.multipleOf === "number" && schema.multipleOf > 0 ? schema.multipleOf : integer ? 1 : undefined;
  let low = typeof schema.minimum === "number" ? schema.minimum : -Infinity;
  let high = typeof schema.maximum === "number" ? schema.maximum : Infinity;
  if (typeof schema.exclusiveMinimum === "number") low = Math.max(low, schema.exclusiveMinimum + (step ?? 0.5));
  if (typeof schema.exclusiveMaximum === "number") high = Math.min(high, schema.exclusiveMaximum - (step ?? 0.5));
  const parts = words(name).map((w) => w.toLowerCase());
  const preferred = parts.includes("port")
    ? 8443
    : parts.some((w) => /^(count|total|size|limit)$/.test(w))
      ? 10
      : parts.some((w) => /^(offset|skip|index)$/.test(w))
        ? 0
        : parts.includes("year")
          ? 2024
          : 1;
  let value = Math.min(Math.max(preferred, low), high);
  if (step !== undefined) {
    value = Math.ceil(value / step) * step;
    if (value > high) value -= step;
  }
  return value;
}

function compile(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
}

/**
 * A string matching a simple pattern: literals, escapes, classes, groups with
 * alternatives and quantifiers, each at its smallest count (at least one).
 * Undefined for anything else (lookarounds, backreferences), or when the
 * result does not match after all.
 */
export function patternSample(pattern: string): string | undefined {
  let i = 0;
  const src = pattern;
  const parseAlternatives = (): string | undefined => {
    const first = parseSequence();
    while (src[i] === "|") {
      i++;
      parseSequence();
    }
    return first;
  };
  const parseSequence = (): string | undefined => {
    let out = "";
    while (i < src.length && src[i] !== "|" && src[i] !== ")") {
      const atom = parseAtom();
      if (atom === undefined) return undefined;
      const q = /^(\{(\d+)(,(\d*))?\}|[*+?])\??/.exec(src.slice(i));
      let count = 1;
      if (q) {
        i += q[0].length;
        count = q[1] === "*" || q[1] === "?" ? 0 : q[1] === "+" ? 1 : Math.max(Number(q[2]), 0);
        if ((q[1] === "*" || q[1] === "?") && atom !== "") count = 1;
      }
      out += atom.repeat(count);
    }
    return out;
  };
  const parseAtom = (): string | undefined => {
    const c = src[i]!;
    if (c === "^" || c === "$") {
      i++;
      return "";
    }
    if (c === "(") {
      i++;
      if (src[i] === "?") {
        if (src[i + 1] !== ":") return undefined;
        i += 2;
      }
      const inner = parseAlternatives();
      if (src[i] !== ")") return undefined;
      i++;
      return inner;
    }
    if (c === "[") {
      const end = src.indexOf("]", i + 2);
      if (end === -1 || src[i + 1] === "^") return undefined;
      const body = src.slice(i + 1, end);
      i = end + 1;
      if (/a-z/.test(body)) return "a";
      if (/A-Z/.test(body)) return "A";
      if (/0-9|\\d/.test(body)) return "1";
      return body[0] === "\\" ? body[1] : body[0];
    }
    if (c === "\\") {
      const e = src[i + 1];
      i += 2;
      if (e === undefined || /[1-9bBkp]/i.test(e)) return undefined;
      return e === "d" ? "1" : e === "w" ? "a" : e === "s" ? " " : /[DWS]/.test(e) ? "-" : e;
    }
    if (c === ".") {
      i++;
      return "a";
    }
    if (/[*+?{]/.test(c)) return undefined;
    i++;
    return c;
  };
  const value = parseAlternatives();
  const re = compile(pattern);
  return value !== undefined && i === src.length && re?.test(value) ? value : undefined;
}

/** `servers` -> `server`, for the items of an array field. */
function singular(name: string): string {
  return name.endsWith("ies")
    ? `${name.slice(0, -3)}y`
    : name.endsWith("s") && !name.endsWith("ss")
      ? name.slice(0, -1)
      : name;
}
