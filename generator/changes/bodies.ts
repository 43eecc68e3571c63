/** Request bodies, responses, their media types and response headers. */
import { componentOf, deref, obj, refOf, same, type Obj } from "./json.ts";
import { compareRest } from "./parameters.ts";
import { compareSchema } from "./schema.ts";
import { equivalent, finding, loc, report, type Scope } from "./scope.ts";

/** Both sides refer to the same shared component of `section`: it is compared once, as a component. */
function sameComponent(b: unknown, a: unknown, section: string): boolean {
  const ref = refOf(b);
  return ref !== undefined && ref === refOf(a) && componentOf(ref)?.section === section;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Media types, keyed in lower case (they are case-insensitive). */
function media(content: unknown): Map<string, Obj> {
  return new Map(Object.entries(obj(content)).map(([type, m]) => [type.toLowerCase(), obj(m)]));
}

const BODY_KEYS = new Set(["description", "content", "required"]);
const MEDIA_KEYS = new Set(["schema", "example", "examples"]);
const RESPONSE_KEYS = new Set(["description", "content", "headers", "links"]);
const HEADER_KEYS = new Set([
  "description",
  "required",
  "deprecated",
  "schema",
  "content",
  "example",
  "examples",
  "style",
  "explode",
]);

/** `where`/`label` name the body: "POST /x request body" / "the POST /x request body". */
export function compareRequestBody(s: Scope, bRaw: unknown, aRaw: unknown, where: string, label: string): void {
  if (sameComponent(bRaw, aRaw, "requestBodies")) return;
  const subject = cap(label);
  if (bRaw === undefined && aRaw === undefined) return;
  const b = obj(deref(s.before, bRaw));
  const a = obj(deref(s.after, aRaw));
  if (bRaw === undefined) {
    report(
      s,
      where,
      a.required === true
        ? finding(
            "breaking",
            "request-body-added-required",
            `${subject} is new and required; calls without a body will be rejected.`,
          )
        : finding("minor", "request-body-added", `${subject} is new and optional.`),
    );
    return;
  }
  if (aRaw === undefined) {
    report(
      s,
      where,
      finding("breaking", "request-body-removed", `${subject} was removed; calls that send one stop compiling.`),
    );
    return;
  }
  if (b.required !== true && a.required === true)
    report(
      s,
      where,
      finding(
        "breaking",
        "request-body-became-required",
        `${subject} is now required; calls without one will be rejected.`,
      ),
    );
  if (b.required === true && a.required !== true)
    report(s, where, finding("minor", "request-body-became-optional", `${subject} is now optional.`));
  if (!same(b.description, a.description))
    report(s, where, finding("patch", "description-changed", `${subject} has a new description.`));
  compareRest(s, b, a, BODY_KEYS, where, subject);
  const mb = media(b.content);
  const ma = media(a.content);
  for (const type of [...mb.keys()].filter((t) => !ma.has(t)).sort()) {
    report(
      s,
      where,
      finding(
        "breaking",
        "request-content-type-removed",
        `${subject} can no longer be sent as ${type}; calls sending it will be rejected.`,
      ),
    );
  }
  for (const type of [...ma.keys()].filter((t) => !mb.has(t)).sort()) {
    report(s, where, finding("minor", "request-content-type-added", `${subject} can now also be sent as ${type}.`));
  }
  compareSharedMedia(s, mb, ma, where, label);
}

/** Schemas and examples of the media types both sides have. */
function compareSharedMedia(s: Scope, mb: Map<string, Obj>, ma: Map<string, Obj>, where: string, label: string): void {
  const shared = [...mb.keys()].filter((t) => ma.has(t)).sort();
  // Name the media type only when there is more than one to tell apart.
  const named = new Set([...mb.keys(), ...ma.keys()]).size > 1;
  for (const type of shared) {
    const w = named ? `${where} (${type})` : where;
    const l = named ? `${label} (${type})` : label;
    const b = mb.get(type)!;
    const a = ma.get(type)!;
    if (!same(b.example, a.example) || !same(b.examples, a.examples))
      report(s, w, finding("patch", "example-changed", `${cap(l)} has new examples.`));
    compareRest(s, b, a, MEDIA_KEYS, w, cap(l));
    compareSchema(b.schema, a.schema, s, loc(w, l));
  }
}

const isSuccess = (status: string) => /^2/.test(status);

function statuses(responses: unknown): string[] {
  return Object.keys(obj(responses)).filter((k) => !k.startsWith("x-"));
}

/** Status keys with ranges in upper case ("2xx" and "2XX" are the same range). */
function byStatus(responses: unknown): Map<string, unknown> {
  return new Map(statuses(responses).map((k) => [/^[1-5]xx$/i.test(k) ? k.toUpperCase() : k, obj(responses)[k]]));
}

/**
 * The set of 2xx statuses decides what the generated method resolves to (a union over them), so
 * any change to it breaks callers. A new error status is minor. An error status removed breaks
 * callers only if it had a body: `isApiError` narrows `err.status === 404` to that body's type,
 * and code reading it stops compiling; a bodiless one leaves nothing to read, so it is minor.
 */
export function compareResponses(s: Scope, bResponses: unknown, aResponses: unknown, opWhere: string): void {
  const b = byStatus(bResponses);
  const a = byStatus(aResponses);
  const okB = [...b.keys()].filter(isSuccess).sort();
  const okA = [...a.keys()].filter(isSuccess).sort();
  const pairs: [string, string][] = [...b.keys()].filter((k) => a.has(k)).map((k) => [k, k]);
  if (!same(okB, okA)) {
    const gone = okB.filter((k) => !a.has(k));
    const fresh = okA.filter((k) => !b.has(k));
    const text = (list: string[]) => list.join(" or ") || "nothing";
    report(
      s,
      opWhere,
      finding(
        "breaking",
        "success-status-changed",
        `${opWhere} now succeeds with ${text(okA)} instead of ${text(okB)}; code that checks the status or reads the result must change.`,
      ),
    );
    // One success status swapped for another (200 -> 201): still compare what it returns.
    if (gone.length === 1 && fresh.length === 1) pairs.push([gone[0]!, fresh[0]!]);
  }
  for (const status of [...b.keys()].filter((k) => !isSuccess(k) && !a.has(k)).sort()) {
    const hadBody = media(obj(deref(s.before, b.get(status))).content).size > 0;
    report(
      s,
      opWhere,
      hadBody
        ? finding(
            "breaking",
            "error-status-removed",
            `${opWhere} no longer documents the ${status} error response; code that reads that error's typed body stops compiling.`,
          )
        : finding("minor", "error-status-removed", `${opWhere} no longer documents the ${status} error response.`),
    );
  }
  for (const status of [...a.keys()].filter((k) => !isSuccess(k) && !b.has(k)).sort()) {
    report(
      s,
      opWhere,
      finding("minor", "error-status-added", `${opWhere} now documents the ${status} error response.`),
    );
  }
  for (const [from, to] of pairs.sort((x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0))) {
    compareResponse(
      s,
      b.get(from),
      a.get(to),
      isSuccess(to),
      `${opWhere} response ${to}`,
      `the ${to} response of ${opWhere}`,
    );
  }
}

/** Compares one response; `success` says whether it is a 2xx one (what the method resolves to). */
export function compareResponse(
  s: Scope,
  bRaw: unknown,
  aRaw: unknown,
  success: boolean,
  where: string,
  label: string,
): void {
  if (sameComponent(bRaw, aRaw, "responses")) return;
  const b = obj(deref(s.before, bRaw));
  const a = obj(deref(s.after, aRaw));
  const subject = cap(label);
  if (!same(b.description, a.description))
    report(s, where, finding("patch", "description-changed", `${subject} has a new description.`));
  if (!same(b.links, a.links))
    report(
      s,
      where,
      finding("patch", "links-changed", `${subject} changed its links; the generated client does not use them.`),
    );
  compareRest(s, b, a, RESPONSE_KEYS, where, subject);
  compareHeaders(s, b.headers, a.headers, where, label);
  const mb = media(b.content);
  const ma = media(a.content);
  if (mb.size > 0 && ma.size === 0) {
    report(
      s,
      where,
      finding(
        "breaking",
        "response-body-removed",
        `${subject} no longer has a body; code that reads it gets undefined.`,
      ),
    );
    return;
  }
  if (mb.size === 0 && ma.size > 0) {
    // Callers got undefined before; code that ignored the result is unaffected.
    report(s, where, finding("minor", "response-body-added", `${subject} now has a body.`));
    return;
  }
  for (const type of [...mb.keys()].filter((t) => !ma.has(t)).sort()) {
    report(
      s,
      where,
      finding(
        "breaking",
        "response-content-type-removed",
        `${subject} is no longer sent as ${type}; code that reads that form must change.`,
      ),
    );
  }
  for (const type of [...ma.keys()].filter((t) => !mb.has(t)).sort()) {
    // A 2xx result is typed as the union of its media types' schemas: a new, different schema widens it.
    const schema = ma.get(type)!.schema;
    const alike = [...mb.values()].some((m) =>
      equivalent(s, (probe) => compareSchema(m.schema, schema, probe, loc(where, label))),
    );
    report(
      s,
      where,
      success && !alike
        ? finding(
            "breaking",
            "response-content-type-added",
            `${subject} may now come as ${type} with a different shape; the method's result type widens.`,
          )
        : finding("minor", "response-content-type-added", `${subject} may now also come as ${type}.`),
    );
  }
  compareSharedMedia(s, mb, ma, where, label);
}

function compareHeaders(s: Scope, bHeaders: unknown, aHeaders: unknown, where: string, label: string): void {
  const hb = new Map(Object.entries(obj(bHeaders)).map(([n, h]) => [n.toLowerCase(), { name: n, raw: h }]));
  const ha = new Map(Object.entries(obj(aHeaders)).map(([n, h]) => [n.toLowerCase(), { name: n, raw: h }]));
  for (const key of [...new Set([...hb.keys(), ...ha.keys()])].sort()) {
    const x = hb.get(key);
    const y = ha.get(key);
    const name = (y ?? x)!.name;
    if (x === undefined)
      report(s, where, finding("minor", "response-header-added", `${cap(label)} now has the ${name} header.`));
    else if (y === undefined)
      report(
        s,
        where,
        finding(
          "breaking",
          "response-header-removed",
          `${cap(label)} no longer has the ${name} header; code that reads it gets null.`,
        ),
      );
    else compareHeader(s, x.raw, y.raw, `${where} header ${name}`, `the ${name} header of ${label}`);
  }
}

/** Response headers are response fields: removed or made optional breaks readers. */
export function compareHeader(s: Scope, bRaw: unknown, aRaw: unknown, where: string, label: string): void {
  if (sameComponent(bRaw, aRaw, "headers")) return;
  const b = obj(deref(s.before, bRaw));
  const a = obj(deref(s.after, aRaw));
  const subject = cap(label);
  if (b.required === true && a.required !== true)
    report(
      s,
      where,
      finding(
        "breaking",
        "response-header-became-optional",
        `${subject} may now be missing; code that reads it must handle that.`,
      ),
    );
  if (b.required !== true && a.required === true)
    report(s, where, finding("minor", "response-header-became-required", `${subject} is now always sent.`));
  if (b.deprecated !== true && a.deprecated === true)
    report(s, where, finding("minor", "deprecated", `${subject} is now deprecated.`));
  if (!same(b.description, a.description))
    report(s, where, finding("patch", "description-changed", `${subject} has a new description.`));
  if (!same(b.example, a.example) || !same(b.examples, a.examples))
    report(s, where, finding("patch", "example-changed", `${subject} has new examples.`));
  compareRest(s, b, a, HEADER_KEYS, where, subject);
  const schema = (h: Obj) => h.schema ?? Object.values(obj(h.content)).map(obj)[0]?.schema;
  compareSchema(schema(b), schema(a), s, loc(where, label));
}
