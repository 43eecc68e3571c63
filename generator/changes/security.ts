/** Security requirements (who may call) and security schemes (how credentials are sent). */
import { obj, own, same, str, type Obj } from "./json.ts";
import { finding, report, type Scope } from "./scope.ts";

/**
 * A requirement list as a set of alternatives, each "scheme (scopes) + scheme". An empty list
 * (or none at all) means anyone may call: the anonymous alternative.
 */
export function alternatives(security: unknown): Set<string> {
  const list = Array.isArray(security) && security.length > 0 ? security : [{}];
  return new Set(
    list.map((requirement) => {
      const entries = Object.entries(obj(requirement)).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
      if (entries.length === 0) return "no authentication";
      return entries
        .map(([scheme, scopes]) => {
          const list = Array.isArray(scopes) ? scopes.map(String).sort() : [];
          return list.length === 0 ? scheme : `${scheme} (${list.join(", ")})`;
        })
        .join(" + ");
    }),
  );
}

const words = (set: Set<string>) => [...set].sort().join(" or ");

/**
 * Any change to what an operation accepts as credentials breaks callers configured for the old
 * ones, with two exceptions, both minor: a new alternative that keeps every old one (OR) only adds
 * a way in, and so does letting anyone call.
 */
export function compareSecurity(s: Scope, before: unknown, after: unknown, where: string, subject: string): void {
  const b = alternatives(before);
  const a = alternatives(after);
  if (same([...b].sort(), [...a].sort())) return;
  const keepsAll = [...b].every((x) => a.has(x));
  // Anyone may call now: a caller still configured with the old credentials sends them and is let in.
  if (!keepsAll && a.has("no authentication"))
    return report(
      s,
      where,
      finding("minor", "security-made-optional", `${subject} no longer requires authentication (was ${words(b)}).`),
    );
  report(
    s,
    where,
    keepsAll
      ? finding(
          "minor",
          "security-alternative-added",
          `${subject} now also accepts ${words(new Set([...a].filter((x) => !b.has(x))))}.`,
        )
      : finding(
          "breaking",
          "security-changed",
          `${subject} now requires ${words(a)} instead of ${words(b)}; calls with only the old credentials will be rejected.`,
        ),
  );
}

/** What the runtime sends for a scheme (see runtimeScheme in generator/emit/client.ts). */
function wire(scheme: Obj): string {
  switch (scheme.type) {
    case "apiKey":
      return `API key in ${str(scheme.in) ?? "header"} ${str(scheme.name) ?? ""}`;
    case "http":
      return `HTTP ${(str(scheme.scheme) ?? "bearer").toLowerCase()}`;
    default:
      return String(scheme.type);
  }
}

/**
 * Scheme names are keys of the client's `auth` option, so removing (or renaming) one breaks
 * callers; a new one is minor. Changing how credentials travel breaks; flows, URLs and prose only
 * describe how callers obtain tokens, which the client never does: patch.
 */
export function compareSecuritySchemes(s: Scope, before: Obj, after: Obj): void {
  for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const where = `security scheme ${name}`;
    const b = own(before, name);
    const a = own(after, name);
    if (a === undefined) {
      report(
        s,
        where,
        finding(
          "breaking",
          "security-scheme-removed",
          `Security scheme ${name} was removed; clients passing auth.${name} stop compiling.`,
        ),
      );
    } else if (b === undefined) {
      report(s, where, finding("minor", "security-scheme-added", `Security scheme ${name} was added.`));
    } else if (wire(obj(b)) !== wire(obj(a))) {
      report(
        s,
        where,
        finding(
          "breaking",
          "security-scheme-changed",
          `Security scheme ${name} is now sent as ${wire(obj(a))} (was ${wire(obj(b))}).`,
        ),
      );
    } else if (!same(b, a)) {
      report(
        s,
        where,
        finding(
          "patch",
          "security-scheme-described",
          `Security scheme ${name} changed its description, flows or URLs; credentials are sent as before.`,
        ),
      );
    }
  }
}
