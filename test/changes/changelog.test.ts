import { describe, expect, it } from "vitest";
import { changelogEntry, formatReport, prependEntry } from "../../generator/changes/changelog.ts";
import { diffSpecs, type Change } from "../../generator/changes/diff.ts";
import { bump, highestLevel } from "../../generator/changes/semver.ts";
import { baseSpec } from "./base-spec.ts";

const changes: Change[] = [
  {
    level: "patch",
    kind: "description-changed",
    where: "GET /sessions",
    message: "GET /sessions has a new summary or description.",
    request: "GET /sessions",
    method: "api.sessions.listSessions",
  },
  {
    level: "minor",
    kind: "operation-added",
    where: "PATCH /sessions/{id}",
    message: "PATCH /sessions/{id} was added as api.sessions.touchSession.",
    request: "PATCH /sessions/{id}",
    method: "api.sessions.touchSession",
  },
  {
    level: "breaking",
    kind: "response-property-removed",
    where: "schema session_detail.token",
    message: "Field token of schema session_detail was removed from responses; code that reads it gets undefined.",
  },
  {
    level: "breaking",
    kind: "schema-renamed",
    where: "schema problem",
    message: 'Schema problem was renamed to error; code naming components["schemas"]["problem"] must use "error".',
  },
];

describe("changelogEntry", () => {
  it("lists changes under one heading per level, breaking first, sorted by place, with no dates", () => {
    expect(changelogEntry("2.0.0", changes, { apiVersion: "1.1.0" })).toBe(
      [
        "## 2.0.0",
        "",
        "Generated from version 1.1.0 of the API.",
        "",
        "### Breaking changes",
        "",
        '- Schema problem was renamed to error; code naming components\\["schemas"]\\["problem"] must use "error". TypeScript callers: calls compile; code naming the old component is a compile error.',
        "- Field token of schema session_detail was removed from responses; code that reads it gets undefined. TypeScript callers: code that reads it is a compile error.",
        "",
        "### Features",
        "",
        "- `PATCH /sessions/{id}` (`api.sessions.touchSession`) was added as api.sessions.touchSession. TypeScript callers: a new method; existing calls are untouched.",
        "",
        "### Fixes and docs",
        "",
        "- `GET /sessions` (`api.sessions.listSessions`) has a new summary or description.",
        "",
      ].join("\n"),
    );
  });

  it("leaves out empty sections and the API version line when not given", () => {
    const entry = changelogEntry("1.2.4", [changes[0]!], {});
    expect(entry).toBe(
      "## 1.2.4\n\n### Fixes and docs\n\n- `GET /sessions` (`api.sessions.listSessions`) has a new summary or description.\n",
    );
  });

  it("says so when there is nothing to list", () => {
    expect(changelogEntry("1.0.0", [], {})).toBe("## 1.0.0\n\nNo changes to the API.\n");
  });

  it("does not depend on the order of its input", () => {
    expect(changelogEntry("2.0.0", [...changes].reverse(), {})).toBe(changelogEntry("2.0.0", changes, {}));
  });

  it("escapes what would be markup, but keeps snake_case readable and `backticked` spans as code", () => {
    const entry = changelogEntry(
      "1.0.1",
      [{ level: "patch", kind: "x", where: "x", message: "A *b* <c> `d` _e_ snake_case [f](g) a`b." }],
      {},
    );
    expect(entry).toContain("- A \\*b\\* \\<c> `d` \\_e\\_ snake_case \\[f]\\(g) a\\`b.");
  });
});

describe("prependEntry", () => {
  const first = changelogEntry("1.0.0", [], {});
  const second = changelogEntry("1.1.0", [changes[1]!], {});

  it("starts a changelog with one title and an intro naming the package", () => {
    const text = prependEntry(undefined, first, "@apigen/sessions");
    expect(text).toBe(
      "# Changelog\n\nChanges to `@apigen/sessions` by version, newest first. Each entry lists what changed in the API, as seen by code that uses this package.\n\n## 1.0.0\n\nNo changes to the API.\n",
    );
  });

  it("puts the newest entry first and keeps the title once", () => {
    const text = prependEntry(prependEntry(undefined, first, "@apigen/sessions"), second, "@apigen/sessions");
    expect(text.match(/^# Changelog$/gm)).toHaveLength(1);
    expect(text.indexOf("## 1.1.0")).toBeLessThan(text.indexOf("## 1.0.0"));
    expect(text.endsWith("No changes to the API.\n")).toBe(true);
    expect(text).not.toMatch(/\n\n\n/);
  });

  it("replaces an entry for the same version instead of repeating it", () => {
    const once = prependEntry(prependEntry(undefined, first, "p"), second, "p");
    expect(prependEntry(once, second, "p")).toBe(once);
  });

  it("replaces a hand-written preamble and normalizes CRLF", () => {
    const existing = "# Change log\r\n\r\nOld words.\r\n\r\n## 1.0.0\r\n\r\n- Something.\r\n";
    expect(prependEntry(existing, second, "p")).toBe(
      "# Changelog\n\nChanges to `p` by version, newest first. Each entry lists what changed in the API, as seen by code that uses this package.\n\n" +
        "## 1.1.0\n\n### Features\n\n- `PATCH /sessions/{id}` (`api.sessions.touchSession`) was added as api.sessions.touchSession. TypeScript callers: a new method; existing calls are untouched.\n\n## 1.0.0\n\n- Something.\n",
    );
  });

  it("accepts an empty file", () => {
    expect(prependEntry("", first, "p")).toBe(prependEntry(undefined, first, "p"));
  });
});

describe("formatReport", () => {
  it("prints a summary and one line per change, prefixed by its level", () => {
    expect(formatReport(changes, "1.2.3", "2.0.0")).toBe(
      [
        "1.2.3 -> 2.0.0: 2 breaking, 1 minor, 1 patch",
        'BREAKING  Schema problem was renamed to error; code naming components["schemas"]["problem"] must use "error". TypeScript callers: calls compile; code naming the old component is a compile error.',
        "BREAKING  Field token of schema session_detail was removed from responses; code that reads it gets undefined. TypeScript callers: code that reads it is a compile error.",
        "minor     api.sessions.touchSession (PATCH /sessions/{id}): PATCH /sessions/{id} was added as api.sessions.touchSession. TypeScript callers: a new method; existing calls are untouched.",
        "patch     api.sessions.listSessions (GET /sessions): GET /sessions has a new summary or description.",
        "",
      ].join("\n"),
    );
  });

  it("says when nothing changed", () => {
    expect(formatReport([], "1.2.3", "1.2.3")).toBe("No API changes (version stays 1.2.3).\n");
  });
});

describe("end to end", () => {
  it("gives byte-identical output on every run", () => {
    const run = () => {
      const after = baseSpec();
      delete after.paths["/sessions/{id}"].delete;
      after.components.schemas.status.enum.push("revoked");
      after.paths["/sessions"].get.description = "Lists sessions.";
      after.components.schemas.sessionCreate.properties.device = { type: "string" };
      const found = diffSpecs(baseSpec(), after);
      const version = bump("1.2.3", highestLevel(found));
      return [
        formatReport(found, "1.2.3", version),
        prependEntry(undefined, changelogEntry(version, found, { apiVersion: "1.0.0" }), "@apigen/sessions"),
      ].join("\n---\n");
    };
    const first = run();
    expect(run()).toBe(first);
    expect(first).toContain("1.2.3 -> 2.0.0: 2 breaking, 1 minor, 1 patch");
    expect(first).toContain("## 2.0.0");
  });
});
