import type { NormalizedProblem } from "@redocly/openapi-core";
import { decodePlainPointer } from "../../shared/json-pointer.ts";
import { closest } from "../../shared/suggest.ts";

/**
 * Which of redocly's `struct` problems are typos that must stop the build, and
 * what to tell the author about them.
 *
 * Real-world specs carry structural slips every tool copes with (a 3.0
 * `nullable` in a 3.1 document, `example` where only `examples` belongs, a
 * vendor field without `x-`), and the generator accepts those on purpose
 * (validate.ts, isFatal). A typo is different: `requierd: true` silently makes
 * a parameter optional, `tpye: string` leaves a field untyped, `type: sting`
 * turns it into `Record<string, unknown>`. So:
 *  - an unknown keyword is an error when it is a near miss of a keyword allowed
 *    at that place ("did you mean `required`?") and is not itself a keyword of
 *    some other OpenAPI object (then it is misplaced, not misspelt);
 *  - a value outside a keyword's allowed set is an error (`type: sting`,
 *    `in: quer`), with the closest allowed value when one is close.
 * Wrong-type values keep validate.ts's own handling.
 */
export interface Typo {
  message: string;
  /** The problem sits on a key (a misspelt keyword), not on its value. */
  onKey: boolean;
}

const UNEXPECTED = /^Property `(.+)` is not expected here\.?$/;
const ONE_OF = /^`(.+)` can be one of the following only: (.+?)\.?$/;

export function typoIn(
  problem: NormalizedProblem,
  value: unknown,
  knownKeywords: ReadonlySet<string>,
): Typo | undefined {
  if (problem.ruleId !== "struct") return undefined;
  const unexpected = UNEXPECTED.exec(problem.message);
  if (unexpected) {
    const name = unexpected[1]!;
    if (name.startsWith("x-") || knownKeywords.has(name)) return undefined;
    const suggestion = closest(name, problem.suggest ?? []);
    if (suggestion === undefined) return undefined;
    return { message: `unknown keyword \`${name}\` here; did you mean \`${suggestion}\`?`, onKey: true };
  }
  const oneOf = ONE_OF.exec(problem.message);
  if (oneOf) {
    const keyword = oneOf[1]!;
    const allowed = [...oneOf[2]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    const suggestion = typeof value === "string" ? closest(value, allowed) : undefined;
    const fix =
      suggestion !== undefined
        ? `did you mean "${suggestion}"?`
        : `use one of ${allowed.map((a) => `"${a}"`).join(", ")}`;
    const what = value === undefined ? "this value" : typeof value === "string" ? `"${value}"` : JSON.stringify(value);
    return { message: `\`${keyword}\` cannot be ${what}; ${fix}`, onKey: false };
  }
  return undefined;
}

let keywords: Set<string> | undefined;

/** Every property name of every OpenAPI 2.0/3.0/3.1 object redocly knows: a name in here is a keyword, if perhaps a misplaced one. */
export function knownKeywords(redocly: typeof import("@redocly/openapi-core")): ReadonlySet<string> {
  if (keywords) return keywords;
  keywords = new Set();
  for (const types of [redocly.Oas2Types, redocly.Oas3Types, redocly.Oas3_1Types]) {
    for (const type of Object.values(types as Record<string, { properties?: Record<string, unknown> }>)) {
      for (const name of Object.keys(type?.properties ?? {})) keywords.add(name);
    }
  }
  return keywords;
}

/** The rule id typos are reported under: not `struct`, whose other findings validate.ts may tolerate. */
export const TYPO_RULE = "typo";

/**
 * The problems with every typo turned into an error of its own (TYPO_RULE, the
 * message naming the fix); all other problems as they were. `document`: the
 * root document as parsed, to read the offending values from.
 */
export function flagTypos(
  redocly: typeof import("@redocly/openapi-core"),
  rootFile: string,
  document: unknown,
  problems: NormalizedProblem[],
): NormalizedProblem[] {
  const known = knownKeywords(redocly);
  return problems.map((problem) => {
    const where = problem.location[0];
    const value = where?.source.absoluteRef === rootFile ? valueAt(document, where.pointer) : undefined;
    const typo = typoIn(problem, value, known);
    return typo ? { ...problem, ruleId: TYPO_RULE, severity: "error", message: typo.message, suggest: [] } : problem;
  });
}

/** Redocly's location pointers escape `~` and `/` only (no percent-encoding). */
function valueAt(document: unknown, pointer: string | undefined): unknown {
  let node = document;
  for (const key of decodePlainPointer(pointer ?? "#")) {
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}
