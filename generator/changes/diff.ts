/**
 * Compares the previous bundled spec of a provider with the new one and classifies every change
 * by what it means for people calling the generated client: breaking, minor or patch. The rules
 * and why each is what it is are in the comments of the rule functions (schema-values.ts,
 * schema-shape.ts, parameters.ts, bodies.ts, operations.ts, security.ts, document.ts,
 * components.ts); README.md in this folder has the table.
 */
import { diffComponents } from "./components.ts";
import type { DiffContext } from "./context.ts";
import { diffDocument } from "./document.ts";
import { diffOperations } from "./operations.ts";
import { clientMethod, listOperations } from "./paths.ts";
import { compareChanges, type Change } from "./types.ts";
import { componentUsage, mergeUsage } from "./usage.ts";
import { NO_MEMO, type Memo } from "../shared/memo.ts";

export type { Change, Level } from "./types.ts";

export function diffSpecs(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  memo: Memo = NO_MEMO,
): Change[] {
  const methods = new Map<string, string>();
  for (const site of [...listOperations(before), ...listOperations(after)]) methods.set(site.where, clientMethod(site));
  const ctx: DiffContext = {
    before,
    after,
    changes: [],
    usage: mergeUsage(componentUsage(before), componentUsage(after)),
    methods,
    memo,
  };
  diffDocument(ctx);
  diffComponents(ctx);
  diffOperations(ctx);
  // A path-level note shared by several methods is found once per method: keep one.
  const unique = new Map(ctx.changes.map((c) => [`${c.level}\u0000${c.kind}\u0000${c.where}\u0000${c.message}`, c]));
  return withMethods([...unique.values()], methods).sort(compareChanges);
}

/**
 * Names the request and client method of each change placed on one operation ("GET /a",
 * "GET /a request body", ...): the method as the new client has it, or as the old one had it
 * when the operation is gone.
 */
function withMethods(changes: Change[], methods: ReadonlyMap<string, string>): Change[] {
  return changes.map((change) => {
    const request = [...methods.keys()]
      .filter((w) => change.where === w || change.where.startsWith(`${w} `))
      .sort((x, y) => y.length - x.length)[0];
    return request === undefined ? change : { ...change, request, method: methods.get(request)! };
  });
}
