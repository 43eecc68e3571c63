/** The rule registry is the one list: the README shows it whole, and the classifiers report only its rules. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES, rulesTable } from "../../generator/changes/rules.ts";
import { ROOT } from "../support/run.ts";

const CHANGES = join(ROOT, "generator", "changes");
const sources = readdirSync(CHANGES)
  .filter((f) => f.endsWith(".ts") && f !== "rules.ts")
  .map((f) => readFileSync(join(CHANGES, f), "utf8"))
  .join("\n");

describe("change rules registry", () => {
  it("README.md lists every rule of rules.ts, and nothing else", () => {
    const readme = readFileSync(join(CHANGES, "README.md"), "utf8");
    const table = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme)?.[1];
    // On failure: paste rulesTable() from generator/changes/rules.ts between the markers.
    expect(table).toBe(rulesTable());
    for (const id of Object.keys(RULES)) expect(table).toContain(`| \`${id}\` |`);
  });

  it("every rule the classifiers report is registered with the level they report it at", () => {
    const reported = [...sources.matchAll(/finding\(\s*"(breaking|minor|patch)",\s*"([a-z0-9-]+)"/g)].map(
      (m) => [m[2]!, m[1]!] as const,
    );
    expect(reported.length).toBeGreaterThan(100);
    for (const [id, level] of reported) expect(RULES[id as keyof typeof RULES]?.levels ?? [], id).toContain(level);
  });

  it("every registered rule is reported somewhere (no dead rows in the table)", () => {
    // format, pattern and multipleOf share one comparison whose id is built from the keyword.
    const keywordRules = [...sources.matchAll(/compareKeyword\(\s*"([a-zA-Z]+)"/g)].map(
      (m) => `${m[1]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-changed`,
    );
    const used = new Set([...sources.matchAll(/"([a-z0-9-]+)"/g)].map((m) => m[1]!).concat(keywordRules));
    expect(Object.keys(RULES).filter((id) => !used.has(id))).toEqual([]);
  });

  it("every rule says what a TypeScript caller sees", () => {
    for (const [id, rule] of Object.entries(RULES)) expect(rule.caller.length, id).toBeGreaterThan(3);
  });
});
