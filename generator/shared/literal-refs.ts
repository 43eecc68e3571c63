/**
 * Example values, defaults, consts and enums are data. Real specs (GitHub's
 * among them) hold objects there with a key literally named `$ref`, and
 * redocly's bundler, like openapi-typescript's, would try to resolve them:
 * failing on a target that does not exist, or silently replacing the example
 * with whatever the pointer names. So before any tool walks the document,
 * `$ref` keys inside such values are renamed to a marker, and renamed back
 * before the document leaves a stage (validation's canonical copy renames them
 * back as it is made: validate/canonicalize.ts). Validation protects them from redocly;
 * emit/openapi-typescript/ protects them again from openapi-typescript.
 *
 * The marker is chosen per document ({@link unusedMarker}) so that it can never
 * be a key or string the spec itself holds: restoring it must not rename user data.
 */

/** The marker's first choice; `-2`, `-3`... are appended while the document holds it. */
export const LITERAL_REF_KEY = "x-apigen-literal-$ref";

/** `base`, or `base-2`, `base-3`... : the first that `text` (the document, serialised) does not contain. */
export function unusedMarker(base: string, text: string): string {
  let marker = base;
  for (let n = 2; text.includes(marker); n++) marker = `${base}-${n}`;
  return marker;
}

type Obj = Record<string, unknown>;

/** Keys whose value is a map from names to objects: the names are not keywords. */
export const NAME_MAPS: ReadonlySet<string> = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "dependentSchemas",
  "paths",
  "webhooks",
  "content",
  "encoding",
  "headers",
  "links",
  "callbacks",
  "variables",
  "responses",
  "schemas",
  "parameters",
  "requestBodies",
  "securitySchemes",
  "pathItems",
]);

/** Keys whose whole value is literal data. */
const LITERAL_KEYS = new Set(["example", "default", "const", "enum"]);

/** A copy of `document` with `$ref` keys inside literal values renamed to `marker`; counts them. */
export function protectLiteralRefs(document: Obj, marker: string): { document: Obj; count: number } {
  const counter = { count: 0, marker };
  return { document: walkKeyword(document, counter) as Obj, count: counter.count };
}

interface Counter {
  count: number;
  marker: string;
}

function walkKeyword(node: unknown, counter: Counter): unknown {
  if (Array.isArray(node)) return node.map((item) => walkKeyword(item, counter));
  if (node === null || typeof node !== "object") return node;
  const out: Obj = {};
  // Keys, not entries: no pair array per object of a 13 MB document.
  for (const key of Object.keys(node)) {
    const value = (node as Obj)[key];
    let result: unknown;
    if (LITERAL_KEYS.has(key)) result = renameRefs(value, counter.marker, counter);
    else if (key === "examples") result = walkExamples(value, counter);
    else if (key === "components") result = walkComponents(value, counter);
    else if (NAME_MAPS.has(key)) result = walkNameMap(value, counter);
    else result = walkKeyword(value, counter);
    define(out, key, result);
  }
  return out;
}

/** `components`: each section is a name map; `components.examples` holds Example Objects. */
function walkComponents(node: unknown, counter: Counter): unknown {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return walkKeyword(node, counter);
  const out: Obj = {};
  for (const [section, value] of Object.entries(node as Obj)) {
    define(out, section, section === "examples" ? walkExamples(value, counter) : walkNameMap(value, counter));
  }
  return out;
}

function walkNameMap(node: unknown, counter: Counter): unknown {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return walkKeyword(node, counter);
  const out: Obj = {};
  for (const name of Object.keys(node)) define(out, name, walkKeyword((node as Obj)[name], counter));
  return out;
}

/**
 * `examples` is either a 3.1 schema's array of values (all literal) or a map
 * of Example Objects, where `value` is literal and a bare `{ $ref }` entry is
 * a real reference to `components/examples`.
 */
function walkExamples(node: unknown, counter: Counter): unknown {
  if (Array.isArray(node)) return renameRefs(node, counter.marker, counter);
  if (node === null || typeof node !== "object") return node;
  const out: Obj = {};
  for (const [name, example] of Object.entries(node as Obj)) {
    if (example === null || typeof example !== "object" || Array.isArray(example)) {
      define(out, name, example);
      continue;
    }
    const copy: Obj = {};
    for (const [key, value] of Object.entries(example as Obj)) {
      define(copy, key, key === "value" ? renameRefs(value, counter.marker, counter) : value);
    }
    define(out, name, copy);
  }
  return out;
}

/** A deep copy of `value` with every `$ref` key renamed to `to`. */
function renameRefs(value: unknown, to: string, counter: { count: number }, from = "$ref"): unknown {
  if (Array.isArray(value)) return value.map((item) => renameRefs(item, to, counter, from));
  if (value === null || typeof value !== "object") return value;
  const out: Obj = {};
  for (const key of Object.keys(value)) {
    if (key === from) counter.count++;
    define(out, key === from ? to : key, renameRefs((value as Obj)[key], to, counter, from));
  }
  return out;
}

/** Undoes {@link protectLiteralRefs} in text that quotes example values as JSON (JSDoc `@example` in types). */
export function restoreLiteralRefsInText(text: string, marker: string): string {
  return text.split(JSON.stringify(marker)).join('"$ref"');
}

/** Assignment that keeps a key named `__proto__` as data (defineProperty only there: it is slow). */
function define(target: Obj, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
