/** Operations: which were added, removed or moved, and what changed in the ones both specs have. */
import { compareRequestBody, compareResponses } from "./bodies.ts";
import { scopeOf, type DiffContext } from "./context.ts";
import { quote, same } from "./json.ts";
import { compareParameters, compareRest, parametersOf } from "./parameters.ts";
import { clientMethod, listOperations, type OperationSite } from "./paths.ts";
import { finding, report } from "./scope.ts";
import { compareSecurity } from "./security.ts";

const OPERATION_KEYS = new Set([
  "tags",
  "summary",
  "description",
  "externalDocs",
  "operationId",
  "parameters",
  "requestBody",
  "responses",
  "callbacks",
  "deprecated",
  "security",
  "servers",
  "x-pagination",
]);

function method(site: OperationSite): string {
  return clientMethod(site);
}

export function diffOperations(ctx: DiffContext): void {
  const s = scopeOf(ctx, ["request"]);
  const before = listOperations(ctx.before);
  const after = listOperations(ctx.after);
  const afterByKey = new Map(after.map((o) => [o.key, o]));
  const beforeKeys = new Set(before.map((o) => o.key));
  const added = after.filter((o) => !beforeKeys.has(o.key));
  for (const b of before) {
    const same = afterByKey.get(b.key);
    if (same !== undefined) {
      compareOperation(ctx, b, same);
      continue;
    }
    // Same explicit operationId at another path or method: the method survives, the endpoint moved.
    const movedTo = b.explicitId === undefined ? -1 : added.findIndex((a) => a.explicitId === b.explicitId);
    if (movedTo >= 0) {
      const [a] = added.splice(movedTo, 1);
      report(
        s,
        a!.where,
        finding(
          "breaking",
          "operation-moved",
          `${b.where} moved to ${a!.where}; ${method(a!)} follows it, but code using the raw client or the paths type with the old path must change.`,
        ),
      );
      compareOperation(ctx, b, a!);
      continue;
    }
    report(
      s,
      b.where,
      finding("breaking", "operation-removed", `${b.where} was removed; calls to ${method(b)} will fail.`),
    );
  }
  for (const a of added)
    report(s, a.where, finding("minor", "operation-added", `${a.where} was added as ${method(a)}.`));
}

function compareOperation(ctx: DiffContext, b: OperationSite, a: OperationSite): void {
  const where = a.where;
  const s = scopeOf(ctx, ["request"]);
  const bo = b.op;
  const ao = a.op;
  if (b.id !== a.id) {
    report(
      s,
      where,
      b.methodName !== a.methodName
        ? finding(
            "breaking",
            "operation-id-changed",
            `The operationId of ${where} changed from ${quote(b.id)} to ${quote(a.id)}, so ${method(b)} is now ${method(a)}.`,
          )
        : finding(
            "breaking",
            "operation-id-changed",
            `The operationId of ${where} changed from ${quote(b.id)} to ${quote(a.id)}; code that names it (isApiError, the Operations type) must use the new id.`,
          ),
    );
  }
  if (b.tagProperty !== a.tagProperty) {
    report(
      s,
      where,
      finding(
        "breaking",
        "operation-tag-changed",
        `${where} moved from api.${b.tagProperty} to api.${a.tagProperty} (its first tag is now ${quote(a.tag)}); calls must use the new place.`,
      ),
    );
  } else if (!same(bo.tags, ao.tags)) {
    report(
      s,
      where,
      finding("patch", "operation-tags-changed", `${where} changed its tags; the client method stays where it was.`),
    );
  }
  if (["summary", "description", "externalDocs"].some((k) => !same(bo[k], ao[k])))
    report(s, where, finding("patch", "description-changed", `${where} has a new summary or description.`));
  if (["summary", "description"].some((k) => !same(b.item[k], a.item[k])))
    report(
      s,
      `path ${a.path}`,
      finding("patch", "description-changed", `The path ${a.path} has a new summary or description.`),
    );
  if (bo.deprecated !== true && ao.deprecated === true)
    report(
      s,
      where,
      finding("minor", "deprecated", `${where} is now deprecated; ${method(a)} still works but is marked for removal.`),
    );
  if (bo.deprecated === true && ao.deprecated !== true)
    report(s, where, finding("patch", "undeprecated", `${where} is no longer deprecated.`));
  comparePagination(ctx, b, a);
  if (!same(bo.servers ?? b.item.servers, ao.servers ?? a.item.servers)) {
    report(
      s,
      where,
      finding(
        "patch",
        "operation-servers-changed",
        `${where} changed its own server list; the generated client always uses the API's servers.`,
      ),
    );
  }
  if (!same(bo.callbacks, ao.callbacks))
    report(
      s,
      where,
      finding("patch", "callbacks-changed", `${where} changed its callbacks; the generated client does not call them.`),
    );
  // Operations that inherit the global security are covered by the one global comparison.
  if (bo.security !== undefined || ao.security !== undefined) {
    compareSecurity(s, bo.security ?? ctx.before.security, ao.security ?? ctx.after.security, where, where);
  }
  compareRest(s, bo, ao, OPERATION_KEYS, where, where);
  compareParameters(s, b, a, parametersOf(ctx.before, b), parametersOf(ctx.after, a));
  compareRequestBody(s, bo.requestBody, ao.requestBody, `${where} request body`, `the ${where} request body`);
  compareResponses(scopeOf(ctx, ["response"]), bo.responses, ao.responses, where);
}

/**
 * `x-pagination` makes the method a PaginatedOperation with `pages()` and `items()`. Adding it
 * only adds those (the plain call is unchanged): minor. Removing it removes them, and changing
 * it changes what `items()` yields or how it pages: breaking.
 */
function comparePagination(ctx: DiffContext, b: OperationSite, a: OperationSite): void {
  const pb = b.op["x-pagination"];
  const pa = a.op["x-pagination"];
  if (same(pb, pa)) return;
  const s = scopeOf(ctx, ["response"]);
  const m = method(a);
  if (pb === undefined)
    report(
      s,
      a.where,
      finding(
        "minor",
        "pagination-added",
        `The method ${m} can now page through results with ${m}.pages() and ${m}.items().`,
      ),
    );
  else if (pa === undefined)
    report(
      s,
      a.where,
      finding(
        "breaking",
        "pagination-removed",
        `The method ${m} no longer pages: ${m}.pages() and ${m}.items() are gone.`,
      ),
    );
  else
    report(
      s,
      a.where,
      finding(
        "breaking",
        "pagination-changed",
        `The method ${m} pages differently (x-pagination changed); ${m}.items() may yield other items.`,
      ),
    );
}
