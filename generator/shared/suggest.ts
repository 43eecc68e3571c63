import { createRequire } from "node:module";

/**
 * Loaded on the first suggestion, by require: the library is CommonJS, and its import through the ES
 * module loader (a lexer pass over it) was a cost every run paid, errors or not.
 */
let levenshtein: typeof import("fastest-levenshtein") | undefined;
const distance = (a: string, b: string): number =>
  (levenshtein ??= createRequire(import.meta.url)(
    "fastest-levenshtein",
  ) as typeof import("fastest-levenshtein")).distance(a, b);

/**
 * The known name closest to a misspelt one, for "did you mean ...?" — or
 * undefined when none is close enough to be a likely typo. Close means at most
 * half the word's letters changed (2 for `tpye` -> `type`), never more than 3:
 * beyond that a suggestion is a guess that misleads more than it helps.
 */
export function closest(name: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 2)));
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of known) {
    if (candidate === name) continue;
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** ` (did you mean `x`?)`, or nothing when no known name is close. */
export function didYouMean(name: string, known: Iterable<string>, quote = "`"): string {
  const match = closest(name, known);
  return match === undefined ? "" : `; did you mean ${quote}${match}${quote}?`;
}
