/** Document-wide parts: info, servers, tags, global security, webhooks. */
import { scopeOf, type DiffContext } from "./context.ts";
import { listWords, obj, own, quote, same, str } from "./json.ts";
import { listOperations } from "./paths.ts";
import { finding, report } from "./scope.ts";
import { alternatives, compareSecurity } from "./security.ts";

const TOP_KEYS = new Set([
  "openapi",
  "info",
  "jsonSchemaDialect",
  "servers",
  "paths",
  "webhooks",
  "components",
  "security",
  "tags",
  "externalDocs",
]);

export function diffDocument(ctx: DiffContext): void {
  const s = scopeOf(ctx, ["request"]);
  const b = ctx.before;
  const a = ctx.after;
  const bi = obj(b.info);
  const ai = obj(a.info);
  if (!same(bi.version, ai.version))
    report(
      s,
      "info",
      finding(
        "patch",
        "api-version-changed",
        `The API version changed from ${quote(bi.version ?? "none")} to ${quote(ai.version ?? "none")}.`,
      ),
    );
  const { version: _bv, ...restB } = bi;
  const { version: _av, ...restA } = ai;
  if (!same(restB, restA) || !same(b.externalDocs, a.externalDocs))
    report(s, "info", finding("patch", "info-changed", "The API's title, description, contact or license changed."));
  if (!same(b.openapi, a.openapi) || !same(b.jsonSchemaDialect, a.jsonSchemaDialect)) {
    report(
      s,
      "openapi",
      finding(
        "patch",
        "openapi-version-changed",
        `The spec is now written in OpenAPI ${String(a.openapi ?? "(none)")} (was ${String(b.openapi ?? "(none)")}); only what it describes counts.`,
      ),
    );
  }
  diffServers(ctx);
  diffTags(ctx);
  diffDefaultSecurity(ctx);
  if (!same(b.webhooks, a.webhooks))
    report(
      s,
      "webhooks",
      finding("patch", "webhooks-changed", "The webhooks changed; the generated client does not receive webhooks."),
    );
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => !TOP_KEYS.has(k) && !same(own(b, k), own(a, k)))
    .sort();
  for (const key of keys) {
    report(
      s,
      key,
      key.startsWith("x-")
        ? finding("patch", "extension-changed", `The vendor extension ${key} changed.`)
        : finding(
            "breaking",
            "unclassified-change",
            `The top-level "${key}" changed in a way apigen does not classify; treated as breaking to be safe.`,
          ),
    );
  }
}

/**
 * Servers are the client's default base URL and what `server: { index, variables }` picks from.
 * A server dropped from the end, a variable removed or an allowed value removed make existing
 * options throw: breaking. A server's URL changing at the same index is minor: code keeps
 * working and now talks to what the provider documents (the changelog says where).
 */
function diffServers(ctx: DiffContext): void {
  const s = scopeOf(ctx, ["request"]);
  const bs = Array.isArray(ctx.before.servers) ? ctx.before.servers.map(obj) : [];
  const as = Array.isArray(ctx.after.servers) ? ctx.after.servers.map(obj) : [];
  for (let i = 0; i < Math.max(bs.length, as.length); i++) {
    const b = bs[i];
    const a = as[i];
    const where = `server ${i}`;
    if (a === undefined) {
      report(
        s,
        where,
        finding(
          "breaking",
          "server-removed",
          `Server ${i} (${str(b!.url)}) was removed; clients choosing it with server.index ${i} will fail.`,
        ),
      );
      continue;
    }
    if (b === undefined) {
      report(s, where, finding("minor", "server-added", `Server ${i} (${str(a.url)}) was added.`));
      continue;
    }
    if (b.url !== a.url) {
      report(
        s,
        where,
        finding(
          "minor",
          "server-url-changed",
          `Server ${i} is now ${str(a.url)} (was ${str(b.url)}); clients using it${i === 0 ? ", the default," : ""} now send requests there.`,
        ),
      );
    }
    if (!same(b.description, a.description))
      report(s, where, finding("patch", "description-changed", `Server ${i} has a new description.`));
    const vb = obj(b.variables);
    const va = obj(a.variables);
    for (const name of [...new Set([...Object.keys(vb), ...Object.keys(va)])].sort()) {
      const x = obj(vb[name]);
      const y = obj(va[name]);
      if (!Object.hasOwn(va, name))
        report(
          s,
          where,
          finding(
            "breaking",
            "server-variable-removed",
            `Server ${i} no longer has the variable ${name}; clients setting it will fail.`,
          ),
        );
      else if (!Object.hasOwn(vb, name))
        report(
          s,
          where,
          finding(
            "minor",
            "server-variable-added",
            `Server ${i} has a new variable ${name} (default ${quote(y.default)}).`,
          ),
        );
      else {
        const ex = Array.isArray(x.enum) ? x.enum.map(String) : undefined;
        const ey = Array.isArray(y.enum) ? y.enum.map(String) : undefined;
        const removed =
          ex === undefined
            ? ey === undefined
              ? []
              : ["(any value)"]
            : ey === undefined
              ? []
              : ex.filter((v) => !ey.includes(v));
        const added =
          ey !== undefined && ex !== undefined
            ? ey.filter((v) => !ex.includes(v))
            : ex !== undefined && ey === undefined
              ? ["(any value)"]
              : [];
        if (removed.length > 0)
          report(
            s,
            where,
            finding(
              "breaking",
              "server-variable-value-removed",
              `Server ${i}'s variable ${name} no longer allows ${removed.join(", ")}; clients setting it will fail.`,
            ),
          );
        if (added.length > 0)
          report(
            s,
            where,
            finding(
              "minor",
              "server-variable-value-added",
              `Server ${i}'s variable ${name} now also allows ${added.join(", ")}.`,
            ),
          );
        if (!same(x.default, y.default))
          report(
            s,
            where,
            finding(
              "minor",
              "server-variable-default-changed",
              `Server ${i}'s variable ${name} now defaults to ${quote(y.default)} (was ${quote(x.default)}).`,
            ),
          );
        if (!same(x.description, y.description))
          report(
            s,
            where,
            finding("patch", "description-changed", `Server ${i}'s variable ${name} has a new description.`),
          );
      }
    }
  }
}

/**
 * A declared tag is a group in the docs and, once operations use it, a property of the client.
 * Declaring one never breaks anything: minor. Dropping a declaration is docs only (the client's
 * groups come from the operations, whose moves are reported on their own): patch.
 */
function diffTags(ctx: DiffContext): void {
  const s = scopeOf(ctx, ["request"]);
  const tags = (doc: unknown) => new Map((Array.isArray(doc) ? doc : []).map(obj).map((t) => [String(t.name), t]));
  const b = tags(ctx.before.tags);
  const a = tags(ctx.after.tags);
  for (const name of [...new Set([...b.keys(), ...a.keys()])].sort()) {
    const where = `tag ${name}`;
    if (!a.has(name))
      report(s, where, finding("patch", "tag-removed", `The tag ${quote(name)} is no longer declared.`));
    else if (!b.has(name)) report(s, where, finding("minor", "tag-added", `The tag ${quote(name)} was added.`));
    else if (!same(b.get(name), a.get(name)))
      report(s, where, finding("patch", "description-changed", `The tag ${quote(name)} has a new description.`));
  }
}

/**
 * The global security applies to operations that set none. It is compared once here (not at
 * every operation) and judged by the operations that inherit it in both specs; when none do,
 * no existing call is affected and it is a note.
 */
function diffDefaultSecurity(ctx: DiffContext): void {
  const s = scopeOf(ctx, ["request"]);
  if (same([...alternatives(ctx.before.security)].sort(), [...alternatives(ctx.after.security)].sort())) return;
  const inheritedBefore = new Set(
    listOperations(ctx.before)
      .filter((o) => o.op.security === undefined)
      .map((o) => o.key),
  );
  const affected = listOperations(ctx.after)
    .filter((o) => o.op.security === undefined && inheritedBefore.has(o.key))
    .map((o) => o.where)
    .sort();
  if (affected.length === 0) {
    report(
      s,
      "security",
      finding(
        "patch",
        "default-security-changed",
        "The API's default security changed; no existing operation relies on it.",
      ),
    );
    return;
  }
  compareSecurity(
    s,
    ctx.before.security,
    ctx.after.security,
    "security",
    `The API's default security (used by ${listWords(affected)})`,
  );
}
