import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../generator/changes/diff.ts";
import { bump, highestLevel } from "../../generator/changes/semver.ts";
import { StageMemo } from "../../generator/shared/memo.ts";
import { ROOT } from "../support/run.ts";
import { baseSpec, reorderKeys } from "./base-spec.ts";
import { cases, type Json } from "./cases.ts";

describe("diffSpecs: one edit at a time", () => {
  it("has at least 30 cases with unique names", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases)("$name", ({ edit, changes, bumps }) => {
    const before = baseSpec();
    const spec = baseSpec();
    const after = (edit(spec) ?? spec) as Json;
    const found = diffSpecs(before, after);
    expect(found.map((c) => `${c.level} ${c.kind}`)).toEqual(changes);
    const level = highestLevel(found);
    expect([bump("1.2.3", level), bump("0.4.1", level)]).toEqual(bumps);
    // The edit must not have touched the untouched copy.
    expect(diffSpecs(before, baseSpec())).toEqual([]);
  });
});

describe("diffSpecs under a watcher's memo (schemas compared as last time are not compared again)", () => {
  it.each(cases)("$name: what a diff without the memo finds", ({ edit }) => {
    const before = baseSpec();
    const memo = new StageMemo();
    // The last save: the unedited spec, every schema compared once.
    expect(diffSpecs(before, baseSpec(), memo)).toEqual([]);
    memo.commit();
    const spec = baseSpec();
    const after = (edit(spec) ?? spec) as Json;
    expect(diffSpecs(before, after, memo)).toEqual(diffSpecs(before, after));
  });

  it("an edit to one schema compares that schema and those reaching it, and keeps the others", () => {
    const before = baseSpec();
    const memo = new StageMemo();
    diffSpecs(before, baseSpec(), memo);
    memo.commit();
    const schemas = Object.keys(before.components.schemas).length;
    const after = baseSpec();
    after.components.schemas.sessionDetail.description = "Edited.";
    const reaching = Object.keys(after.components.schemas).filter((name) =>
      JSON.stringify(after.components.schemas[name]).includes('"#/components/schemas/sessionDetail"'),
    );
    expect(diffSpecs(before, after, memo)).toEqual(diffSpecs(before, after));
    expect(memo.stats.get("changes-schema")).toEqual({
      hits: schemas - 1 - reaching.length,
      misses: schemas + 1 + reaching.length,
    });
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe("diffSpecs: placement, direction and determinism", () => {
  it("reports a change inside a shared component once, at the component, naming it and its operations", () => {
    const after = baseSpec();
    delete after.components.schemas.sessionDetail.properties.token;
    const [change, ...rest] = diffSpecs(baseSpec(), after);
    expect(rest).toEqual([]);
    expect(change).toEqual({
      level: "breaking",
      kind: "response-property-removed",
      where: "schema sessionDetail.token",
      message:
        "Field token of schema sessionDetail (used by api.sessions.listSessions (GET /sessions), api.sessions.detailSession (GET /sessions/{id}) and api.sessions.createSession (POST /sessions)) was removed from responses; code that reads it gets undefined.",
    });
  });

  it("judges a component used on both sides by the worse direction, once", () => {
    const after = baseSpec();
    after.components.schemas.label = { type: "object", required: ["text"], properties: { text: { type: "string" } } };
    after.components.schemas.sessionCreate.properties.labels.items = { $ref: "#/components/schemas/label" };
    const found = diffSpecs(baseSpec(), after);
    expect(found.map((c) => [c.level, c.kind, c.where])).toEqual([["breaking", "type-changed", "schema label"]]);
  });

  it("reports at the operation when it switches to a different component", () => {
    const before = baseSpec();
    before.components.schemas.sessionCreateV2 = {
      type: "object",
      required: ["user", "device"],
      properties: { user: { type: "string", maxLength: 64 }, device: { type: "string" } },
    };
    const after = structuredClone(before);
    after.paths["/sessions"].post.requestBody.content["application/json"].schema = {
      $ref: "#/components/schemas/sessionCreateV2",
    };
    const found = diffSpecs(before, after).map((c) => `${c.level} ${c.kind} @ ${c.where}`);
    expect(found).toContain("breaking request-property-added-required @ POST /sessions request body.device");
    expect(found).toContain("breaking request-property-removed @ POST /sessions request body.ttl");
  });

  it("names inline request fields by operation", () => {
    const after = baseSpec();
    after.paths["/sessions"].post.requestBody.content["application/json"].schema = {
      type: "object",
      properties: { user: { type: "string" } },
    };
    const before = structuredClone(after);
    after.paths["/sessions"].post.requestBody.content["application/json"].schema.required = ["user"];
    expect(diffSpecs(before, after)).toEqual([
      {
        level: "breaking",
        kind: "request-property-became-required",
        where: "POST /sessions request body.user",
        message:
          "Field user of the POST /sessions request body is now required; calls that leave it out will be rejected.",
        request: "POST /sessions",
        method: "api.sessions.createSession",
      },
    ]);
  });

  it("terminates on mutually recursive schemas, renamed and changed", () => {
    const make = (a: string, b: string, extra: Record<string, unknown> = {}) => {
      const spec = baseSpec();
      spec.components.schemas[a] = {
        type: "object",
        properties: { next: { $ref: `#/components/schemas/${b}` }, ...extra },
      };
      spec.components.schemas[b] = {
        type: "object",
        properties: {
          back: { $ref: `#/components/schemas/${a}` },
          list: { type: "array", items: { $ref: `#/components/schemas/${b}` } },
        },
      };
      spec.paths["/sessions/{id}"].get.responses["200"].content["application/json"].schema = {
        $ref: `#/components/schemas/${a}`,
      };
      return spec;
    };
    expect(diffSpecs(make("ping", "pong"), make("ping", "pong"))).toEqual([]);
    const renamed = diffSpecs(make("ping", "pong"), make("tick", "tock"));
    expect(renamed.map((c) => `${c.level} ${c.kind}`)).toEqual(["breaking schema-renamed", "breaking schema-renamed"]);
    // ping -> tick gains a field, so neither pair is a pure rename any more (pong's `back` now
    // leads to a different shape); the operation still sees exactly the one new field.
    const changed = diffSpecs(make("ping", "pong"), make("tick", "tock", { depth: { type: "integer" } }));
    expect(changed.map((c) => `${c.level} ${c.kind} @ ${c.where}`)).toEqual([
      "breaking schema-removed @ schema ping",
      "breaking schema-removed @ schema pong",
      "minor response-property-added @ GET /sessions/{id} response 200.depth",
      "minor schema-added @ schema tick",
      "minor schema-added @ schema tock",
    ]);
  });

  it("sorts by level, then place, then message, and ignores key order", () => {
    const edit = (spec: Json) => {
      delete spec.paths["/sessions/{id}"].delete;
      spec.components.schemas.status.enum.push("revoked");
      spec.components.schemas.sessionCreate.properties.device = { type: "string" };
      spec.paths["/sessions"].get.description = "Lists sessions.";
      spec.info.version = "1.1.0";
      return spec;
    };
    const found = diffSpecs(baseSpec(), edit(baseSpec()));
    const rank = { breaking: 0, minor: 1, patch: 2 };
    const sorted = [...found].sort(
      (a, b) =>
        rank[a.level] - rank[b.level] ||
        (a.where < b.where ? -1 : a.where > b.where ? 1 : 0) ||
        (a.message < b.message ? -1 : 1),
    );
    expect(found).toEqual(sorted);
    expect(found.map((c) => c.level)).toEqual(["breaking", "breaking", "minor", "patch", "patch"]);
    expect(diffSpecs(reorderKeys(baseSpec()) as Json, reorderKeys(edit(baseSpec())) as Json)).toEqual(found);
    expect(diffSpecs(baseSpec(), edit(baseSpec()))).toEqual(found);
  });

  it("does not modify its inputs", () => {
    const before = deepFreeze(baseSpec());
    const after = baseSpec();
    after.components.schemas.sessionDetail.properties.owner.oneOf.push({ type: "integer" });
    delete after.paths["/sessions"].post;
    expect(() => diffSpecs(before, deepFreeze(after))).not.toThrow();
  });

  it("writes every message as one plain sentence", () => {
    for (const c of cases) {
      const spec = baseSpec();
      for (const change of diffSpecs(baseSpec(), (c.edit(spec) ?? spec) as Json)) {
        expect(change.message, c.name).toMatch(/^[A-Z].*\.$/s);
        expect(change.message, c.name).not.toContain("\n");
        expect(change.message, c.name).not.toContain("undefined)");
        expect(change.where, c.name).not.toBe("");
      }
    }
  });

  it("finds nothing between a bundled provider spec and itself, keys reordered", () => {
    const dir = join(ROOT, "generated");
    const specs = existsSync(dir)
      ? readdirSync(dir)
          .map((p) => join(dir, p, "openapi.json"))
          .filter(existsSync)
      : [];
    for (const file of specs) {
      const spec = JSON.parse(readFileSync(file, "utf8")) as Json;
      expect(diffSpecs(spec, reorderKeys(structuredClone(spec)) as Json), file).toEqual([]);
      // And nothing throws when everything goes away or arrives.
      expect(highestLevel(diffSpecs(spec, {}))).toBe("breaking");
      expect(highestLevel(diffSpecs({}, spec))).not.toBe("breaking");
    }
  });
});

describe("diffSpecs: hostile names", () => {
  it("treats names like toString and __proto__ as plain data", () => {
    const before = baseSpec();
    const after = baseSpec();
    after.components.schemas.sessionDetail.properties.toString = { type: "string" };
    after.components.schemas.sessionCreate.properties.constructor = { type: "string" };
    Object.defineProperty(after.components.schemas, "__proto__", { value: { type: "object" }, enumerable: true });
    expect(diffSpecs(before, after).map((c) => `${c.level} ${c.kind} @ ${c.where}`)).toEqual([
      "minor schema-added @ schema __proto__",
      "minor request-property-added @ schema sessionCreate.constructor",
      "minor response-property-added @ schema sessionDetail.toString",
    ]);
  });
});
