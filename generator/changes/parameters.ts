/** Operation parameters: matching them across the two specs and comparing each pair. */
import { componentOf, deref, isObj, obj, own, quote, refOf, same, str, type Obj } from "./json.ts";
import { templateNames, type OperationSite } from "./paths.ts";
import { compareSchema } from "./schema.ts";
import { finding, loc, report, type Scope } from "./scope.ts";

interface Param {
  raw: unknown;
  p: Obj;
  in: string;
  name: string;
  /** Header names are case-insensitive. */
  key: string;
}

/** OpenAPI says these header parameters are ignored (the media type and auth say it). */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

/** Path-level parameters, overridden by operation-level ones with the same location and name. */
export function parametersOf(doc: Obj, site: OperationSite): Param[] {
  const byKey = new Map<string, Param>();
  const lists = [site.item.parameters, site.op.parameters].map((l) => (Array.isArray(l) ? l : []));
  for (const raw of lists.flat()) {
    const param = toParam(doc, raw);
    if (param.in === "header" && IGNORED_HEADERS.has(param.name.toLowerCase())) continue;
    byKey.set(param.key, param);
  }
  return [...byKey.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

export function toParam(doc: Obj, raw: unknown): Param {
  const p = obj(deref(doc, raw));
  const location = str(p.in) ?? "";
  const name = str(p.name) ?? "";
  return { raw, p, in: location, name, key: `${location}:${location === "header" ? name.toLowerCase() : name}` };
}

/** Path parameters are always required, whatever the spec says. */
function required(p: Param): boolean {
  return p.in === "path" || p.p.required === true;
}

/** The serialization OpenAPI implies when `style`/`explode` are left out. */
function wireForm(p: Param): string {
  const style = str(p.p.style) ?? (p.in === "query" || p.in === "cookie" ? "form" : "simple");
  const explode = typeof p.p.explode === "boolean" ? p.p.explode : style === "form";
  return `${style}${explode ? " exploded" : ""}${p.p.allowReserved === true ? " reserved" : ""}${p.p.allowEmptyValue === true ? " empty-allowed" : ""}`;
}

/**
 * Pairs the parameters of one operation in both specs: the same component ref, then the same
 * location and name, then path parameters by their position in the path (a renamed path
 * parameter), then the same name (a moved parameter).
 */
export function compareParameters(s: Scope, b: OperationSite, a: OperationSite, bs: Param[], as: Param[]): void {
  const freeA = new Set(as);
  const pairs: [Param, Param][] = [];
  const rest: Param[] = [];
  const matchers: ((x: Param, y: Param) => boolean)[] = [
    (x, y) => refOf(x.raw) !== undefined && refOf(x.raw) === refOf(y.raw),
    (x, y) => x.key === y.key,
    (x, y) =>
      x.in === "path" &&
      y.in === "path" &&
      templateNames(b.path).indexOf(x.name) >= 0 &&
      templateNames(b.path).indexOf(x.name) === templateNames(a.path).indexOf(y.name),
    (x, y) => x.name === y.name,
  ];
  let pending = bs;
  for (const match of matchers) {
    for (const x of pending) {
      const y = [...freeA].find((y) => match(x, y));
      if (y === undefined) rest.push(x);
      else {
        pairs.push([x, y]);
        freeA.delete(y);
      }
    }
    pending = rest.splice(0);
  }
  for (const [x, y] of pairs) {
    // The same shared parameter on both sides is compared once, as a component (see components.ts).
    const ref = refOf(x.raw);
    if (ref !== undefined && ref === refOf(y.raw) && componentOf(ref)?.section === "parameters") continue;
    compareParameter(
      s,
      x,
      y,
      `${a.where} ${y.in} parameter ${y.name}`,
      `the ${y.in} parameter ${y.name} of ${a.where}`,
    );
  }
  for (const x of pending) {
    report(
      s,
      a.where,
      finding(
        "breaking",
        "parameter-removed",
        `${a.where} no longer takes the ${x.in} parameter ${x.name}; calls that pass it stop compiling.`,
      ),
    );
  }
  for (const y of freeA) {
    report(
      s,
      a.where,
      required(y)
        ? finding(
            "breaking",
            "parameter-added-required",
            `${a.where} now requires the ${y.in} parameter ${y.name}; calls without it will be rejected.`,
          )
        : finding("minor", "parameter-added", `${a.where} takes a new optional ${y.in} parameter ${y.name}.`),
    );
  }
}

const PARAM_KEYS = new Set([
  "name",
  "in",
  "required",
  "style",
  "explode",
  "allowReserved",
  "allowEmptyValue",
  "deprecated",
  "description",
  "example",
  "examples",
  "schema",
  "content",
]);

/** Compares one parameter; `where`/`label` name it (at an operation, or as a shared component). */
export function compareParameter(s: Scope, x: Param, y: Param, where: string, label: string): void {
  const subject = label.charAt(0).toUpperCase() + label.slice(1);
  if (x.in !== y.in)
    report(
      s,
      where,
      finding(
        "breaking",
        "parameter-location-changed",
        `${subject} moved from the ${x.in} to the ${y.in}; calls must pass it there.`,
      ),
    );
  if (x.name !== y.name)
    report(
      s,
      where,
      finding(
        "breaking",
        "parameter-renamed",
        `${subject} was renamed from ${quote(x.name)}; calls must use the new name.`,
      ),
    );
  if (!required(x) && required(y))
    report(
      s,
      where,
      finding(
        "breaking",
        "parameter-became-required",
        `${subject} is now required; calls without it will be rejected.`,
      ),
    );
  if (required(x) && !required(y))
    report(s, where, finding("minor", "parameter-became-optional", `${subject} is now optional.`));
  if (x.in === y.in && wireForm(x) !== wireForm(y)) {
    report(
      s,
      where,
      finding(
        "breaking",
        "parameter-style-changed",
        `${subject} is now serialized as ${wireForm(y)} (was ${wireForm(x)}); the server expects values in the new form.`,
      ),
    );
  }
  if (x.p.deprecated !== true && y.p.deprecated === true)
    report(s, where, finding("minor", "deprecated", `${subject} is now deprecated.`));
  if (x.p.deprecated === true && y.p.deprecated !== true)
    report(s, where, finding("patch", "undeprecated", `${subject} is no longer deprecated.`));
  if (!same(x.p.description, y.p.description))
    report(s, where, finding("patch", "description-changed", `${subject} has a new description.`));
  if (!same(x.p.example, y.p.example) || !same(x.p.examples, y.p.examples))
    report(s, where, finding("patch", "example-changed", `${subject} has new examples.`));
  const mediaB = Object.keys(obj(x.p.content));
  const mediaA = Object.keys(obj(y.p.content));
  if (!same(mediaB, mediaA))
    report(
      s,
      where,
      finding(
        "breaking",
        "parameter-style-changed",
        `${subject} is now encoded as ${mediaA.join(", ") || "a plain value"} (was ${mediaB.join(", ") || "a plain value"}).`,
      ),
    );
  compareSchema(schemaOf(x.p), schemaOf(y.p), s, loc(where, label));
  compareRest(s, x.p, y.p, PARAM_KEYS, where, subject);
}

function schemaOf(p: Obj): unknown {
  if (p.schema !== undefined) return p.schema;
  const media = Object.values(obj(p.content))[0];
  return isObj(media) ? media.schema : undefined;
}

/** Vendor extensions are notes (patch); any other unknown keyword is breaking, to be safe. */
export function compareRest(s: Scope, b: Obj, a: Obj, known: Set<string>, where: string, subject: string): void {
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !known.has(k) && k !== "$ref").sort();
  const differs = (k: string) => !same(own(b, k), own(a, k));
  const ext = keys.filter((k) => k.startsWith("x-") && differs(k));
  if (ext.length > 0)
    report(
      s,
      where,
      finding("patch", "extension-changed", `${subject} changed its vendor extensions (${ext.join(", ")}).`),
    );
  for (const key of keys.filter((k) => !k.startsWith("x-") && differs(k))) {
    report(
      s,
      where,
      finding(
        "breaking",
        "unclassified-change",
        `${subject} changed its "${key}" in a way apigen does not classify; treated as breaking to be safe.`,
      ),
    );
  }
}

export type { Param };
