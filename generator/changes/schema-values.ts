/** Rules about the values a single schema node allows: type, format, bounds, enum, default, and its prose. */
import { own, quote, same, stable, type Obj } from "./json.ts";
import { finding, report, reportWorst, subjectOf, whereOf, type Loc, type Scope } from "./scope.ts";
import type { Direction, Finding } from "./types.ts";

/** Prose and metadata: never changes what is sent or received. */
export function compareAnnotations(b: Obj, a: Obj, s: Scope, l: Loc): void {
  const subject = subjectOf(l);
  const differs = (keys: string[]) => keys.some((k) => !same(own(b, k), own(a, k)));
  if (differs(["description", "title", "$comment", "externalDocs"]))
    report(s, whereOf(l), finding("patch", "description-changed", `${subject} has a new description.`));
  if (differs(["example", "examples"]))
    report(s, whereOf(l), finding("patch", "example-changed", `${subject} has new examples.`));
  if (differs(["xml"]))
    report(
      s,
      whereOf(l),
      finding("patch", "xml-changed", `${subject} changed its XML notes; the generated client only speaks JSON.`),
    );
  const ext = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k.startsWith("x-"));
  if (differs(ext))
    report(
      s,
      whereOf(l),
      finding("patch", "extension-changed", `${subject} changed its vendor extensions (${ext.sort().join(", ")}).`),
    );
  if (b.deprecated !== true && a.deprecated === true)
    report(s, whereOf(l), finding("minor", "deprecated", `${subject} is now deprecated.`));
  if (b.deprecated === true && a.deprecated !== true)
    report(s, whereOf(l), finding("patch", "undeprecated", `${subject} is no longer deprecated.`));
}

/** The JSON types a node allows; undefined means any. "null" stands for nullable (3.0) and `type: [.., "null"]` (3.1). */
export function typeSet(n: Obj): Set<string> | undefined {
  let types: string[] | undefined;
  if (typeof n.type === "string") types = [n.type];
  else if (Array.isArray(n.type)) types = n.type.filter((t): t is string => typeof t === "string");
  // Specs often leave out `type` when the shape says it; treat those as what they evidently are.
  else if (n.properties !== undefined || n.additionalProperties !== undefined || n.required !== undefined)
    types = ["object"];
  else if (n.items !== undefined || n.prefixItems !== undefined) types = ["array"];
  if (types === undefined) return undefined;
  const set = new Set(types);
  if (n.nullable === true) set.add("null");
  return set;
}

/** integer values are numbers too: `number` covers `integer`. */
function covers(set: Set<string>, type: string): boolean {
  return set.has(type) || (type === "integer" && set.has("number"));
}

function words(types: Iterable<string>): string {
  const list = [...types].sort();
  return list.length === 0 ? "nothing" : list.join(" or ");
}

/** Returns true when the type changed outright (string -> integer), so the rest of the node need not be compared. */
export function compareTypes(b: Obj, a: Obj, s: Scope, l: Loc): boolean {
  const tb = typeSet(b);
  const ta = typeSet(a);
  const subject = subjectOf(l);
  if (tb === undefined && ta === undefined) return false;
  if (tb === undefined || ta === undefined) {
    // From "anything" to a type narrows; from a type to "anything" widens.
    const narrowed = tb === undefined;
    const set = (ta ?? tb)!;
    reportWorst(s, l, (dir) =>
      typeVerdict(
        dir,
        narrowed,
        narrowed ? `${subject} must now be ${words(set)}` : `${subject} is no longer limited to ${words(set)}`,
      ),
    );
    return false;
  }
  const added = [...ta].filter((t) => t !== "null" && !covers(tb, t));
  const removed = [...tb].filter((t) => t !== "null" && !covers(ta, t));
  if (added.length > 0 && removed.length > 0) {
    report(
      s,
      whereOf(l),
      finding(
        "breaking",
        "type-changed",
        `${subject} changed type from ${words(withoutNull(tb))} to ${words(withoutNull(ta))}.`,
      ),
    );
    return true;
  } else if (removed.length > 0) {
    reportWorst(s, l, (dir) =>
      typeVerdict(dir, true, `${subject} is now ${words(withoutNull(ta))} only (was ${words(withoutNull(tb))})`),
    );
  } else if (added.length > 0) {
    reportWorst(s, l, (dir) => typeVerdict(dir, false, `${subject} may now also be ${words(added)}`));
  }
  if (!tb.has("null") && ta.has("null")) {
    reportWorst(s, l, (dir) =>
      dir === "request"
        ? finding("minor", "request-nullable-added", `${subject} now accepts null.`)
        : finding(
            "breaking",
            "response-nullable-added",
            `${subject} may now be null; code that reads it must handle null.`,
          ),
    );
  }
  if (tb.has("null") && !ta.has("null")) {
    reportWorst(s, l, (dir) =>
      dir === "request"
        ? finding(
            "breaking",
            "request-nullable-removed",
            `${subject} no longer accepts null; calls sending null will be rejected.`,
          )
        : finding("minor", "response-nullable-removed", `${subject} is never null any more.`),
    );
  }
  return false;
}

function withoutNull(set: Set<string>): string[] {
  return [...set].filter((t) => t !== "null");
}

/** Narrowing breaks what callers send; widening breaks what callers receive (their types were written for less). */
function typeVerdict(dir: Direction, narrowed: boolean, sentence: string): Finding {
  if (dir === "request") {
    return narrowed
      ? finding("breaking", "request-type-narrowed", `${sentence}; calls sending other values will be rejected.`)
      : finding("minor", "request-type-widened", `${sentence}.`);
  }
  return narrowed
    ? finding("minor", "response-type-narrowed", `${sentence}.`)
    : finding("breaking", "response-type-widened", `${sentence}; code that reads it must handle that.`);
}

/**
 * Validation constraints do not show in the generated types. Tightening one on a request breaks
 * calls that were valid; loosening one on a response lets through values callers' code (or
 * their database columns) was not built for. Tightening a response is a mere guarantee: patch.
 */
function constraintVerdict(dir: Direction, narrowed: boolean, sentence: string): Finding {
  if (dir === "request") {
    return narrowed
      ? finding("breaking", "request-constraint-narrowed", `${sentence}; values that were valid may now be rejected.`)
      : finding("minor", "request-constraint-widened", `${sentence}; more values are accepted.`);
  }
  return narrowed
    ? finding("patch", "response-constraint-narrowed", `${sentence}.`)
    : finding(
        "breaking",
        "response-constraint-widened",
        `${sentence}; returned values may fall outside what code expected.`,
      );
}

function show(value: unknown): string {
  return value === undefined ? "none" : quote(value);
}

/** Format, pattern and multipleOf: adding one narrows, removing one widens, changing one breaks both ways. */
function compareKeyword(key: string, b: Obj, a: Obj, s: Scope, l: Loc): void {
  const vb = b[key];
  const va = a[key];
  if (same(vb, va)) return;
  const subject = subjectOf(l);
  if (vb !== undefined && va !== undefined) {
    const kind = `${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-changed` as
      "format-changed" | "pattern-changed" | "multiple-of-changed";
    report(
      s,
      whereOf(l),
      finding(
        "breaking",
        kind,
        `${subject} changed its ${key} from ${show(vb)} to ${show(va)}; values valid before may not be now.`,
      ),
    );
    return;
  }
  const sentence =
    va !== undefined ? `${subject} now has ${key} ${show(va)}` : `${subject} no longer has ${key} ${show(vb)}`;
  reportWorst(s, l, (dir) => constraintVerdict(dir, va !== undefined, sentence));
}

export function compareFormat(b: Obj, a: Obj, s: Scope, l: Loc): void {
  compareKeyword("format", b, a, s, l);
  compareKeyword("pattern", b, a, s, l);
  compareKeyword("multipleOf", b, a, s, l);
}

interface Bound {
  value: number;
  exclusive: boolean;
}

/** 3.0 writes `minimum: 5, exclusiveMinimum: true`; 3.1 writes `exclusiveMinimum: 5`. Both become (5, exclusive). */
function bound(n: Obj, side: "min" | "max"): Bound | undefined {
  const plain = side === "min" ? n.minimum : n.maximum;
  const exclusive = side === "min" ? n.exclusiveMinimum : n.exclusiveMaximum;
  const candidates: Bound[] = [];
  if (typeof plain === "number") candidates.push({ value: plain, exclusive: exclusive === true });
  if (typeof exclusive === "number") candidates.push({ value: exclusive, exclusive: true });
  if (candidates.length === 0) return undefined;
  // The tighter of the two applies.
  return candidates.reduce((x, y) => (tighter(side, y, x) ? y : x));
}

function tighter(side: "min" | "max", x: Bound, than: Bound): boolean {
  if (x.value !== than.value) return side === "min" ? x.value > than.value : x.value < than.value;
  return x.exclusive && !than.exclusive;
}

function showBound(side: "min" | "max", b: Bound | undefined): string {
  if (b === undefined) return "none";
  return `${side === "min" ? ">" : "<"}${b.exclusive ? "" : "="} ${b.value}`;
}

/** [keyword, "max" | "min"]: a max lowered or added narrows, a min raised or added narrows. */
const SIZE_LIMITS = [
  ["maxLength", "max"],
  ["minLength", "min"],
  ["maxItems", "max"],
  ["minItems", "min"],
  ["maxProperties", "max"],
  ["minProperties", "min"],
] as const;

export function compareBounds(b: Obj, a: Obj, s: Scope, l: Loc): void {
  const subject = subjectOf(l);
  for (const [key, side] of SIZE_LIMITS) {
    const vb = typeof b[key] === "number" ? (b[key] as number) : undefined;
    const va = typeof a[key] === "number" ? (a[key] as number) : undefined;
    if (vb === va) continue;
    const narrowed =
      side === "max"
        ? va !== undefined && (vb === undefined || va < vb)
        : va !== undefined && (vb === undefined || va > vb);
    reportWorst(s, l, (dir) =>
      constraintVerdict(dir, narrowed, `${subject} changed its ${key} from ${show(vb)} to ${show(va)}`),
    );
  }
  if (b.uniqueItems !== a.uniqueItems && (b.uniqueItems === true || a.uniqueItems === true)) {
    const narrowed = a.uniqueItems === true;
    reportWorst(s, l, (dir) =>
      constraintVerdict(dir, narrowed, `${subject} ${narrowed ? "now requires" : "no longer requires"} unique items`),
    );
  }
  for (const side of ["min", "max"] as const) {
    const bb = bound(b, side);
    const ba = bound(a, side);
    if (same(bb, ba)) continue;
    const narrowed = ba !== undefined && (bb === undefined || tighter(side, ba, bb));
    const label = side === "min" ? "lower bound" : "upper bound";
    reportWorst(s, l, (dir) =>
      constraintVerdict(
        dir,
        narrowed,
        `${subject} changed its ${label} from ${showBound(side, bb)} to ${showBound(side, ba)}`,
      ),
    );
  }
}

/** Allowed values (`enum`, or `const` as a one-value enum), without null: nullability is a type matter. */
function enumValues(n: Obj): Map<string, unknown> | undefined {
  const values = Array.isArray(n.enum) ? n.enum : Object.hasOwn(n, "const") ? [n.const] : undefined;
  if (values === undefined) return undefined;
  return new Map(values.filter((v) => v !== null).map((v) => [stable(v), v]));
}

function listValues(values: unknown[]): string {
  return values.map(quote).join(", ");
}

/**
 * Enum values removed break both sides: callers may send them, and code comparing against a
 * value the generated union no longer has stops compiling. An added value is harmless in a
 * request, but breaking in a response: the generated type is a literal union, so exhaustive
 * `switch`es and `Record<Union, ...>` maps over it stop compiling, and code that assumed the
 * old set of values now meets one it does not handle.
 */
export function compareEnum(b: Obj, a: Obj, s: Scope, l: Loc): void {
  const eb = enumValues(b);
  const ea = enumValues(a);
  const subject = subjectOf(l);
  if (eb === undefined && ea === undefined) return;
  if (eb === undefined || ea === undefined) {
    const restricted = eb === undefined;
    const values = listValues([...(ea ?? eb)!.values()]);
    reportWorst(s, l, (dir) => {
      if (restricted) {
        return dir === "request"
          ? finding(
              "breaking",
              "request-enum-added",
              `${subject} is now limited to ${values}; calls sending other values will be rejected.`,
            )
          : finding("minor", "response-enum-added", `${subject} is now always one of ${values}.`);
      }
      return dir === "request"
        ? finding("minor", "request-enum-removed", `${subject} is no longer limited to ${values}.`)
        : finding(
            "breaking",
            "response-enum-removed",
            `${subject} is no longer limited to ${values}; code must handle other values.`,
          );
    });
    return;
  }
  const removed = [...eb].filter(([k]) => !ea.has(k)).map(([, v]) => v);
  const added = [...ea].filter(([k]) => !eb.has(k)).map(([, v]) => v);
  if (removed.length > 0) {
    report(
      s,
      whereOf(l),
      finding(
        "breaking",
        "enum-value-removed",
        `${subject} no longer allows ${listValues(removed)}; calls sending it fail and code comparing against it stops compiling.`,
      ),
    );
  }
  if (added.length > 0) {
    reportWorst(s, l, (dir) =>
      dir === "request"
        ? finding("minor", "request-enum-value-added", `${subject} now also accepts ${listValues(added)}.`)
        : finding(
            "breaking",
            "response-enum-value-added",
            `${subject} may now be ${listValues(added)}; exhaustive switches over its values stop compiling.`,
          ),
    );
  }
}

/**
 * A request default is what the server does for callers who leave the field out: changing it
 * changes what existing calls do, silently. Adding or dropping a default only documents (or
 * stops documenting) behaviour, and response defaults are documentation.
 */
export function compareDefault(b: Obj, a: Obj, s: Scope, l: Loc): void {
  if (same(b.default, a.default)) return;
  const subject = subjectOf(l);
  const changed = b.default !== undefined && a.default !== undefined;
  reportWorst(s, l, (dir) =>
    dir === "request" && changed
      ? finding(
          "breaking",
          "request-default-changed",
          `${subject} changed its default from ${show(b.default)} to ${show(a.default)}; calls that leave it out now behave differently.`,
        )
      : finding(
          "patch",
          "default-changed",
          `${subject} changed its documented default from ${show(b.default)} to ${show(a.default)}.`,
        ),
  );
}
