/** Rules about a schema's structure: object properties, array items, allOf/oneOf/anyOf. */
import { componentRef } from "../shared/json-pointer.ts";
import { componentOf, deref, isObj, obj, own, quote, refOf, same, type Obj } from "./json.ts";
import type { CompareSchema } from "./schema.ts";
import {
  child,
  equivalent,
  finding,
  items,
  report,
  reportWorst,
  subjectOf,
  whereOf,
  type Loc,
  type Scope,
} from "./scope.ts";
import type { Direction, Finding } from "./types.ts";

/**
 * How a property shows up on one side of the wire, as the generated types say. `defaulted`: not
 * listed as required, but it has a `default`, and openapi-typescript (defaultNonNullable) types it
 * as always there: callers must send it, and may read it without a check.
 */
type Presence = "absent" | "optional" | "required" | "defaulted";

/**
 * readOnly properties are not part of requests, writeOnly ones not part of responses (OpenAPI
 * says so), so they count as absent on that side. A readOnly property listed as required is
 * required in responses only. `defaults`: whether a `default` makes the property non-optional in
 * the types (everywhere but schemas written inline in request bodies and parameters).
 */
function presence(doc: Obj, schema: Obj, name: string, dir: Direction, defaults: boolean): Presence {
  const raw = own(obj(schema.properties), name);
  if (raw === undefined) return "absent";
  const prop = { ...obj(deref(doc, raw)), ...obj(raw) };
  if ((dir === "request" && prop.readOnly === true) || (dir === "response" && prop.writeOnly === true)) return "absent";
  if (Array.isArray(schema.required) && schema.required.includes(name)) return "required";
  return defaults && Object.hasOwn(obj(raw), "default") ? "defaulted" : "optional";
}

/**
 * Requests: a field the server no longer takes breaks callers (the generated type loses it, so
 * object literals that set it stop compiling, and the server rejects or silently ignores it), and
 * so does a new required one. Responses: a field that may now be missing breaks code reading it.
 */
function presenceVerdict(dir: Direction, before: Presence, after: Presence, subject: string): Finding | undefined {
  const from = before === "defaulted" ? "required" : before;
  const to = after === "defaulted" ? "required" : after;
  if (from === to) return undefined;
  if (dir === "request") {
    if (to === "absent")
      return finding(
        "breaking",
        "request-property-removed",
        `${subject} is no longer sent in requests; calls that set it stop compiling and the server would ignore or reject it.`,
      );
    if (from === "absent") {
      return to === "required"
        ? finding(
            "breaking",
            "request-property-added-required",
            `${subject} was added as required; calls that leave it out will be rejected.`,
          )
        : finding("minor", "request-property-added", `${subject} was added as an optional field.`);
    }
    return to === "required"
      ? finding(
          "breaking",
          "request-property-became-required",
          after === "defaulted"
            ? `${subject} got a default, which makes the generated type require it; calls that leave it out stop compiling.`
            : `${subject} is now required; calls that leave it out will be rejected.`,
        )
      : finding("minor", "request-property-became-optional", `${subject} is now optional.`);
  }
  if (to === "absent")
    return finding(
      "breaking",
      "response-property-removed",
      `${subject} was removed from responses; code that reads it gets undefined.`,
    );
  if (from === "absent") return finding("minor", "response-property-added", `${subject} was added to responses.`);
  return to === "optional"
    ? finding(
        "breaking",
        "response-property-became-optional",
        before === "defaulted"
          ? `${subject} lost its default, so the generated type no longer promises it; code that reads it must handle undefined.`
          : `${subject} may now be missing from responses; code that reads it must handle undefined.`,
      )
    : finding("minor", "response-property-became-required", `${subject} is now always present in responses.`);
}

export function compareObjectShape(b: Obj, a: Obj, s: Scope, l: Loc, compare: CompareSchema): void {
  const pb = obj(b.properties);
  const pa = obj(a.properties);
  const names = [...new Set([...Object.keys(pb), ...Object.keys(pa)])].sort();
  for (const name of names) {
    const at = child(l, name);
    const subject = subjectOf(at);
    // openapi-typescript leaves defaulted fields optional only in schemas inline in request bodies and parameters.
    const defaults = (dir: Direction) => dir === "response" || l.where.startsWith("schema ");
    reportWorst(s, at, (dir) =>
      presenceVerdict(
        dir,
        presence(s.before, b, name, dir, defaults(dir)),
        presence(s.after, a, name, dir, defaults(dir)),
        subject,
      ),
    );
    if (Object.hasOwn(pb, name) && Object.hasOwn(pa, name)) compare(pb[name], pa[name], s, at);
  }
  compareAdditional(b, a, s, l, compare);
}

type Extra = "any" | "none" | "typed";

/** Absent and `true` mean the same (JSON Schema allows any extra field), so switching between them is no change. */
function extra(value: unknown): Extra {
  return value === false ? "none" : isObj(value) && Object.keys(value).length > 0 ? "typed" : "any";
}

/**
 * Extra fields (`additionalProperties`). In requests, accepting fewer breaks and more is minor.
 * In responses, more extra fields never break (clients must ignore unknown fields anyway), but
 * typed extra values becoming untyped (`unknown`) breaks code that reads them as the old type.
 */
function compareAdditional(b: Obj, a: Obj, s: Scope, l: Loc, compare: CompareSchema): void {
  const from = extra(b.additionalProperties);
  const to = extra(a.additionalProperties);
  if (from === "typed" && to === "typed") {
    compare(b.additionalProperties, a.additionalProperties, s, child(l, "*"));
    return;
  }
  if (from === to) return;
  const subject = subjectOf(l);
  const what = { any: "any extra fields", none: "no extra fields", typed: "typed extra fields" };
  const sentence = `${subject} now allows ${what[to]} (was ${what[from]})`;
  // Ordered by how much is accepted: none < typed < any.
  const order = { none: 0, typed: 1, any: 2 };
  const narrowed = order[to] < order[from];
  reportWorst(s, l, (dir) => {
    if (dir === "request") {
      return narrowed
        ? finding("breaking", "request-extra-fields-narrowed", `${sentence}; calls sending others will be rejected.`)
        : finding("minor", "request-extra-fields-widened", `${sentence}.`);
    }
    if (from === "typed" && to === "any")
      return finding(
        "breaking",
        "response-extra-fields-untyped",
        `${sentence}; code that reads them as the old type stops compiling.`,
      );
    // Declared extra fields (`true` or typed) are an index signature in the types; `false` removes it.
    if (to === "none" && (from === "typed" || b.additionalProperties === true))
      return finding(
        "breaking",
        "response-extra-fields-narrowed",
        `${sentence}; code that reads extra fields by key stops compiling.`,
      );
    return finding(
      "minor",
      narrowed ? "response-extra-fields-narrowed" : "response-extra-fields-widened",
      `${sentence}.`,
    );
  });
}

export function compareArrayShape(b: Obj, a: Obj, s: Scope, l: Loc, compare: CompareSchema): void {
  if (b.items !== undefined || a.items !== undefined) compare(b.items ?? {}, a.items ?? {}, s, items(l));
  const pb = Array.isArray(b.prefixItems) ? b.prefixItems : [];
  const pa = Array.isArray(a.prefixItems) ? a.prefixItems : [];
  for (let i = 0; i < Math.max(pb.length, pa.length); i++)
    compare(pb[i] ?? {}, pa[i] ?? {}, s, { ...l, path: `${l.path}[${i}]` });
}

interface Pairing {
  pairs: [number, number][];
  removed: number[];
  added: number[];
}

/**
 * Matches the members of two allOf/oneOf/anyOf lists: same $ref first, then equivalent
 * members, then whatever is left in order (so an edited inline member is diffed, not reported
 * as one removed and one added).
 */
function pairMembers(bs: unknown[], as: unknown[], s: Scope, compare: CompareSchema): Pairing {
  const pairs: [number, number][] = [];
  const freeB = new Set(bs.keys());
  const freeA = new Set(as.keys());
  const take = (i: number, j: number) => {
    pairs.push([i, j]);
    freeB.delete(i);
    freeA.delete(j);
  };
  for (const i of [...freeB]) {
    const j = [...freeA].find((j) => refOf(bs[i]) !== undefined && refOf(bs[i]) === refOf(as[j]));
    if (j !== undefined) take(i, j);
  }
  for (const i of [...freeB]) {
    const j = [...freeA].find((j) =>
      equivalent(s, (probe) => compare(bs[i], as[j], probe, { where: "", label: "", path: "" })),
    );
    if (j !== undefined) take(i, j);
  }
  const restB = [...freeB];
  const restA = [...freeA];
  while (restB.length > 0 && restA.length > 0) take(restB.shift()!, restA.shift()!);
  return { pairs: pairs.sort((x, y) => x[1] - y[1]), removed: restB, added: restA };
}

/** How a message names a member: its component, else its type ("the integer variant"), else its position. */
function memberName(member: unknown, index: number): string {
  const name = componentOf(refOf(member))?.name;
  if (name !== undefined) return name;
  const type = isObj(member) ? member.type : undefined;
  if (typeof type === "string" || Array.isArray(type)) return [type].flat().join("-or-");
  return `#${index + 1}`;
}

/**
 * allOf members add up to one object: a member removed takes fields away (breaking both ways,
 * as for removed fields), a member added may add required fields to requests and only adds
 * fields to responses. oneOf/anyOf alternatives: one added widens (minor for requests, breaking
 * for responses, whose union grows), one removed narrows (the reverse).
 */
export function compareCompositions(b: Obj, a: Obj, s: Scope, l: Loc, compare: CompareSchema): void {
  const subject = subjectOf(l);
  for (const key of ["allOf", "oneOf", "anyOf"] as const) {
    const bs = Array.isArray(b[key]) ? (b[key] as unknown[]) : [];
    const as = Array.isArray(a[key]) ? (a[key] as unknown[]) : [];
    if (bs.length === 0 && as.length === 0) continue;
    const { pairs, removed, added } = pairMembers(bs, as, s, compare);
    // allOf members describe the same value, so their fields keep this path.
    for (const [i, j] of pairs)
      compare(
        bs[i],
        as[j],
        s,
        key === "allOf" ? l : { ...l, path: `${l.path}${l.path === "" ? "" : "."}${key}[${j}]` },
      );
    for (const i of removed) {
      const name = memberName(bs[i], i);
      if (key === "allOf")
        report(
          s,
          whereOf(l),
          finding("breaking", "allof-member-removed", `${subject} no longer includes ${name}; its fields are gone.`),
        );
      else
        reportWorst(s, l, (dir) =>
          dir === "request"
            ? finding(
                "breaking",
                "request-alternative-removed",
                `${subject} no longer accepts the ${name} variant; calls sending it will be rejected.`,
              )
            : finding(
                "minor",
                "response-alternative-removed",
                `${subject} is no longer returned as the ${name} variant.`,
              ),
        );
    }
    for (const j of added) {
      const name = memberName(as[j], j);
      if (key === "allOf")
        reportWorst(s, l, (dir) =>
          dir === "request"
            ? finding(
                "breaking",
                "request-allof-member-added",
                `${subject} now also includes ${name}, whose rules calls must meet.`,
              )
            : finding("minor", "response-allof-member-added", `${subject} now also includes ${name}.`),
        );
      else
        reportWorst(s, l, (dir) =>
          dir === "request"
            ? finding("minor", "request-alternative-added", `${subject} now also accepts the ${name} variant.`)
            : finding(
                "breaking",
                "response-alternative-added",
                `${subject} may now be the ${name} variant; code that handles only the old variants must handle it.`,
              ),
        );
    }
  }
  compareDiscriminator(obj(b.discriminator), obj(a.discriminator), s, l, compare);
}

/** The discriminator's property and tag values are what callers switch on. */
function compareDiscriminator(b: Obj, a: Obj, s: Scope, l: Loc, compare: CompareSchema): void {
  if (same(b, a)) return;
  const subject = subjectOf(l);
  if (b.propertyName !== a.propertyName) {
    report(
      s,
      whereOf(l),
      finding(
        "breaking",
        "discriminator-changed",
        `${subject} is now told apart by ${quote(a.propertyName ?? "nothing")} instead of ${quote(b.propertyName ?? "nothing")}.`,
      ),
    );
    return;
  }
  const mb = obj(b.mapping);
  const ma = obj(a.mapping);
  for (const tag of Object.keys(mb).sort()) {
    if (!Object.hasOwn(ma, tag))
      report(
        s,
        whereOf(l),
        finding("breaking", "discriminator-value-removed", `${subject} no longer has the ${quote(tag)} variant tag.`),
      );
    else if (
      !same(mb[tag], ma[tag]) &&
      !equivalent(s, (probe) => compare(mappingRef(mb[tag]), mappingRef(ma[tag]), probe, l))
    )
      report(
        s,
        whereOf(l),
        finding(
          "breaking",
          "discriminator-value-changed",
          `${subject} maps the ${quote(tag)} tag to a different schema.`,
        ),
      );
  }
  for (const tag of Object.keys(ma).sort()) {
    if (Object.hasOwn(mb, tag)) continue;
    reportWorst(s, l, (dir) =>
      dir === "request"
        ? finding(
            "minor",
            "request-discriminator-value-added",
            `${subject} now also accepts the ${quote(tag)} variant tag.`,
          )
        : finding(
            "breaking",
            "response-discriminator-value-added",
            `${subject} may now carry the ${quote(tag)} variant tag; exhaustive switches over it stop compiling.`,
          ),
    );
  }
}

/** Mapping values are refs or bare component names. */
function mappingRef(target: unknown): unknown {
  const text = String(target);
  return { $ref: text.startsWith("#") ? text : componentRef("schemas", text) };
}
