import type { Obj } from "./json.ts";
import type { Memo } from "../shared/memo.ts";
import { listWords } from "./json.ts";
import { BOTH, scope, type Scope } from "./scope.ts";
import type { Change, Direction } from "./types.ts";
import type { Usage } from "./usage.ts";

/** One diff run: both documents, where changes go, and who uses which component. */
export interface DiffContext {
  before: Obj;
  after: Obj;
  changes: Change[];
  usage: Usage;
  /** The client method of each request ("GET /a" -> "api.x.getA"), the new client's name where both have it. */
  methods: Map<string, string>;
  /** A watcher's memo (shared/memo.ts): comparisons whose inputs did not change are not redone. */
  memo: Memo;
}

export function scopeOf(ctx: DiffContext, dirs: readonly Direction[]): Scope {
  return scope(ctx.before, ctx.after, ctx.changes, dirs.length === 0 ? BOTH : dirs);
}

/** " (used by GET /a and POST /b)": shared components name the operations a change reaches. */
export function usedBy(ctx: DiffContext, key: string): string {
  const use = ctx.usage.get(key);
  // Name the operations that use it now; if none do any more, the ones that used it.
  const ops = [...(use?.opsAfter.size ? use.opsAfter : (use?.ops ?? []))].sort();
  const named = ops.map((where) => (ctx.methods.has(where) ? `${ctx.methods.get(where)} (${where})` : where));
  return named.length === 0 ? " (not used by any operation)" : ` (used by ${listWords(named)})`;
}

/** Directions a component is used in; none known means both (its type is exported all the same). */
export function dirsOf(ctx: DiffContext, key: string): Direction[] {
  const dirs = ctx.usage.get(key)?.dirs;
  return dirs === undefined || dirs.size === 0 ? [...BOTH] : [...BOTH].filter((d) => dirs.has(d));
}
