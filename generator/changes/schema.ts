/**
 * Compares two schemas (one from each spec) and reports what changed for callers, taking the
 * direction into account: see `Direction`. Local $refs are followed, except that two refs to
 * the same component are not: that component is compared once where it is defined.
 */
import { componentOf, deref, isObj, own, refOf, same, type Obj } from "./json.ts";
import { compareObjectShape, compareArrayShape, compareCompositions } from "./schema-shape.ts";
import {
  compareAnnotations,
  compareBounds,
  compareDefault,
  compareEnum,
  compareFormat,
  compareTypes,
} from "./schema-values.ts";
import { finding, report, whereOf, subjectOf, type Loc, type Scope } from "./scope.ts";

/** Keywords some rule looks at. Any other keyword that changes falls to the catch-all. */
const KNOWN = new Set([
  "$ref",
  "type",
  "nullable",
  "format",
  "description",
  "title",
  "$comment",
  "externalDocs",
  "example",
  "examples",
  "deprecated",
  "default",
  "readOnly",
  "writeOnly",
  "enum",
  "const",
  "maxLength",
  "minLength",
  "maxItems",
  "minItems",
  "maxProperties",
  "minProperties",
  "maximum",
  "minimum",
  "exclusiveMaximum",
  "exclusiveMinimum",
  "pattern",
  "multipleOf",
  "uniqueItems",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "prefixItems",
  "allOf",
  "oneOf",
  "anyOf",
  "discriminator",
  "xml",
]);

export type CompareSchema = (before: unknown, after: unknown, s: Scope, l: Loc) => void;

export const compareSchema: CompareSchema = (bRaw, aRaw, s, l) => {
  const refB = refOf(bRaw);
  if (refB !== undefined && refB === refOf(aRaw) && componentOf(refB)?.section === "schemas") {
    // Same component on both sides: it is compared once, at its definition (see components.ts),
    // so that a change inside it is reported once, naming it. Only keywords beside the $ref count here.
    compareNode(siblings(bRaw), siblings(aRaw), s, l);
    return;
  }
  const targetB = asSchema(deref(s.before, bRaw));
  const targetA = asSchema(deref(s.after, aRaw));
  // Cycle guard: a pair already under comparison further up is assumed equal here (recursive
  // schemas reached through differently named refs would otherwise recurse forever). Only pairs
  // in progress count, so a pair met again elsewhere is compared (and reported) there too.
  const seen = s.visited.get(targetB) ?? new Set<object>();
  if (seen.has(targetA)) return;
  seen.add(targetA);
  s.visited.set(targetB, seen);
  try {
    compareNode(merge(targetB, bRaw), merge(targetA, aRaw), s, l);
  } finally {
    seen.delete(targetA);
  }
};

function compareNode(b: Obj, a: Obj, s: Scope, l: Loc): void {
  compareAnnotations(b, a, s, l);
  // After an outright type change, the old type's constraints and fields are moot: one entry says it all.
  if (compareTypes(b, a, s, l)) return;
  compareFormat(b, a, s, l);
  compareBounds(b, a, s, l);
  compareEnum(b, a, s, l);
  compareDefault(b, a, s, l);
  compareObjectShape(b, a, s, l, compareSchema);
  compareArrayShape(b, a, s, l, compareSchema);
  compareCompositions(b, a, s, l, compareSchema);
  compareUnknown(b, a, s, l);
}

/** Keywords no rule understands (`not`, `patternProperties`, `contentMediaType`, ...): breaking, to be safe. */
function compareUnknown(b: Obj, a: Obj, s: Scope, l: Loc): void {
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => !KNOWN.has(k) && !k.startsWith("x-"))
    .sort();
  for (const key of keys) {
    if (same(own(b, key), own(a, key))) continue;
    report(
      s,
      whereOf(l),
      finding(
        "breaking",
        "schema-changed",
        `${subjectOf(l)} changed its "${key}" keyword in a way apigen does not classify; treated as breaking to be safe.`,
      ),
    );
  }
}

/** Boolean schemas of OpenAPI 3.1: `true` (or nothing) accepts anything, `false` nothing. */
function asSchema(value: unknown): Obj {
  if (value === false) return { not: {} };
  return isObj(value) ? value : {};
}

/** Keywords written beside a `$ref` (allowed in 3.1): they apply on top of the target. */
function siblings(raw: unknown): Obj {
  if (!isObj(raw)) return {};
  const { $ref: _ref, ...rest } = raw;
  return rest;
}

function merge(target: Obj, raw: unknown): Obj {
  if (refOf(raw) === undefined) return target;
  const extra = siblings(raw);
  return Object.keys(extra).length === 0 ? target : { ...target, ...extra };
}
