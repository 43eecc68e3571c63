import type { Obj } from "./json.ts";
import { RULES, type RuleId } from "./rules.ts";
import { LEVEL_RANK, type Change, type Direction, type Finding, type Level } from "./types.ts";

/** Everything a comparison needs besides the two values being compared. */
export interface Scope {
  before: Obj;
  after: Obj;
  /** Where findings go; a throwaway array when we only ask "are these equivalent?". */
  sink: Change[];
  /**
   * The directions the compared value is used in. A component used on both sides is judged by
   * the worse of the two (request first on ties); an unused component counts as both, since
   * its type is still exported and we cannot know how callers use it.
   */
  dirs: readonly Direction[];
  /** Pairs of (before, after) schema objects being compared right now: the guard for recursive schemas. */
  visited: Map<object, Set<object>>;
}

export const BOTH: readonly Direction[] = ["request", "response"];

export function scope(before: Obj, after: Obj, sink: Change[], dirs: readonly Direction[]): Scope {
  return { before, after, sink, dirs, visited: new Map() };
}

export function withDirs(s: Scope, dirs: readonly Direction[]): Scope {
  return { ...s, dirs };
}

/**
 * A place in a document. `where` is the short machine-friendly base ("schema session",
 * "POST /sessions request body"); `label` is how a sentence names it ("schema session (used by
 * GET /sessions)", "the POST /sessions request body"); `path` is the field path below it.
 */
export interface Loc {
  where: string;
  label: string;
  path: string;
}

export function loc(where: string, label: string): Loc {
  return { where, label, path: "" };
}

export function child(l: Loc, name: string): Loc {
  return { ...l, path: l.path === "" ? name : `${l.path}.${name}` };
}

export function items(l: Loc): Loc {
  return { ...l, path: `${l.path}[]` };
}

export function whereOf(l: Loc): string {
  if (l.path === "") return l.where;
  return l.path.startsWith("[") ? `${l.where}${l.path}` : `${l.where}.${l.path}`;
}

/** The start of a sentence about this place: "Field token of schema session", "The POST /x request body". */
export function subjectOf(l: Loc): string {
  const text = l.path === "" ? l.label : `Field ${l.path} of ${l.label}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A rule's verdict; the rule must be in the registry (rules.ts) and allow this level. */
export function finding(level: Level, kind: RuleId, message: string): Finding {
  if (!(RULES[kind].levels as readonly Level[]).includes(level))
    throw new Error(`internal error: rule ${kind} does not report ${level} changes (see generator/changes/rules.ts)`);
  return { level, kind, message };
}

/** Records a finding that does not depend on direction. */
export function report(s: Scope, where: string, f: Finding): void {
  s.sink.push({ level: f.level, kind: f.kind, where, message: f.message });
}

/** Records the worst of a rule's per-direction verdicts over the directions in scope. */
export function reportWorst(s: Scope, l: Loc, verdict: (dir: Direction) => Finding | undefined): void {
  let worst: Finding | undefined;
  for (const dir of s.dirs) {
    const f = verdict(dir);
    if (f !== undefined && (worst === undefined || LEVEL_RANK[f.level] < LEVEL_RANK[worst.level])) worst = f;
  }
  if (worst !== undefined) report(s, whereOf(l), worst);
}

/** True when comparing `b` and `a` finds nothing above patch level, in either direction. */
export function equivalent(s: Scope, compare: (probe: Scope) => void): boolean {
  // The probe inherits the pairs under comparison (assumed equal, as for recursion) so that a
  // recursive schema cannot send probes around its cycle forever; it gets its own copy.
  const visited = new Map([...s.visited].map(([k, v]) => [k, new Set(v)] as const));
  const probe: Scope = { ...s, sink: [], dirs: BOTH, visited };
  compare(probe);
  return probe.sink.every((c) => c.level === "patch");
}
