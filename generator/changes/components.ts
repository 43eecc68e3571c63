/**
 * Components. Schemas are compared once each, here, with the directions their users give them,
 * so a change inside a shared schema is reported once, naming the schema and its operations.
 * Shared parameters, bodies, responses and headers likewise.
 */
import { componentRef } from "../shared/json-pointer.ts";
import { compareHeader, compareRequestBody, compareResponse } from "./bodies.ts";
import { dirsOf, scopeOf, usedBy, type DiffContext } from "./context.ts";
import { deref, obj, same, type Obj } from "./json.ts";
import { compareParameter, toParam } from "./parameters.ts";
import { compareSchema } from "./schema.ts";
import { reachedKey } from "./schema-keys.ts";
import { memoKey } from "../shared/memo.ts";
import type { Change } from "./types.ts";
import { equivalent, finding, loc, report } from "./scope.ts";
import { compareSecuritySchemes } from "./security.ts";

export function diffComponents(ctx: DiffContext): void {
  const b = obj(ctx.before.components);
  const a = obj(ctx.after.components);
  diffSchemas(ctx, obj(b.schemas), obj(a.schemas));
  diffShared(ctx, b, a);
  const schemes = (c: Obj, doc: Obj) =>
    Object.fromEntries(Object.entries(obj(c.securitySchemes)).map(([k, v]) => [k, deref(doc, v)]));
  compareSecuritySchemes(scopeOf(ctx, ["request"]), schemes(b, ctx.before), schemes(a, ctx.after));
  const s = scopeOf(ctx, ["request"]);
  for (const section of ["examples", "links", "callbacks"]) {
    if (!same(b[section], a[section]))
      report(
        s,
        `components ${section}`,
        finding(
          "patch",
          "component-notes-changed",
          `The shared ${section} changed; they are documentation for the client.`,
        ),
      );
  }
}

/**
 * Schemas both specs have are compared in place. A schema only in the old spec that is
 * equivalent to one only in the new spec was renamed: calls are unaffected (operations that
 * used it are compared structurally and show nothing), but the package exports
 * `components["schemas"]`, so code naming the old type stops compiling: breaking, reported once.
 */
function diffSchemas(ctx: DiffContext, b: Obj, a: Obj): void {
  for (const name of Object.keys(b)
    .filter((n) => Object.hasOwn(a, n))
    .sort()) {
    const key = `schemas/${name}`;
    const dirs = dirsOf(ctx, key);
    const label = `schema ${name}${usedBy(ctx, key)}`;
    const compare = (sink: Change[]) =>
      compareSchema(b[name], a[name], { ...scopeOf(ctx, dirs), sink }, loc(`schema ${name}`, label));
    const before = reachedKey(ctx.before, name);
    const after = before === undefined ? undefined : reachedKey(ctx.after, name);
    if (after === undefined) {
      compare(ctx.changes);
      continue;
    }
    // A watcher's memo: a schema whose text, reach, directions and users are as last time finds what it found.
    const found = ctx.memo.use(
      "changes-schema",
      () => memoKey(name, dirs, label, before, after),
      () => {
        const sink: Change[] = [];
        compare(sink);
        return sink;
      },
    );
    ctx.changes.push(...found);
  }
  const added = Object.keys(a)
    .filter((n) => !Object.hasOwn(b, n))
    .sort();
  const s = scopeOf(ctx, ["request"]);
  for (const name of Object.keys(b)
    .filter((n) => !Object.hasOwn(a, n))
    .sort()) {
    const ref = (n: string) => ({ $ref: componentRef("schemas", n) });
    const twin = added.findIndex((n) => equivalent(s, (probe) => compareSchema(ref(name), ref(n), probe, loc("", ""))));
    if (twin >= 0) {
      const [to] = added.splice(twin, 1);
      report(
        s,
        `schema ${name}`,
        finding(
          "breaking",
          "schema-renamed",
          `Schema ${name} was renamed to ${to} with the same structure; API calls are unaffected, but code naming components["schemas"]["${name}"] must use "${to}".`,
        ),
      );
    } else {
      report(
        s,
        `schema ${name}`,
        finding(
          "breaking",
          "schema-removed",
          `Schema ${name} was removed; code naming components["schemas"]["${name}"] stops compiling.`,
        ),
      );
    }
  }
  for (const name of added) report(s, `schema ${name}`, finding("minor", "schema-added", `Schema ${name} was added.`));
}

/** Shared parameters, request bodies, responses and headers present in both specs. */
function diffShared(ctx: DiffContext, b: Obj, a: Obj): void {
  const both = (section: string) =>
    Object.keys(obj(b[section]))
      .filter((n) => Object.hasOwn(obj(a[section]), n))
      .sort();
  const raw = (c: Obj, section: string, name: string) => obj(c[section])[name];
  for (const name of both("parameters")) {
    const x = toParam(ctx.before, raw(b, "parameters", name));
    const y = toParam(ctx.after, raw(a, "parameters", name));
    const note = usedBy(ctx, `parameters/${name}`);
    compareParameter(
      scopeOf(ctx, ["request"]),
      x,
      y,
      `parameter component ${name}`,
      `the shared ${y.in} parameter ${y.name} (component ${name}${note.replace(/^ \(/, ", ")}`,
    );
  }
  for (const name of both("requestBodies")) {
    const note = usedBy(ctx, `requestBodies/${name}`);
    compareRequestBody(
      scopeOf(ctx, ["request"]),
      raw(b, "requestBodies", name),
      raw(a, "requestBodies", name),
      `request body component ${name}`,
      `the shared request body ${name}${note}`,
    );
  }
  for (const name of both("responses")) {
    const key = `responses/${name}`;
    // Judged as a 2xx response if any operation uses it as one (the stricter rules).
    const success = ctx.usage.get(key)?.success ?? true;
    compareResponse(
      scopeOf(ctx, ["response"]),
      raw(b, "responses", name),
      raw(a, "responses", name),
      success,
      `response component ${name}`,
      `the shared response ${name}${usedBy(ctx, key)}`,
    );
  }
  for (const name of both("headers")) {
    compareHeader(
      scopeOf(ctx, ["response"]),
      raw(b, "headers", name),
      raw(a, "headers", name),
      `header component ${name}`,
      `the shared header ${name}${usedBy(ctx, `headers/${name}`)}`,
    );
  }
}
