/**
 * Lints every hand-written spec with Redocly (the project's redocly.yaml, which
 * extends `recommended`) and validates it against the OpenAPI 3.1 schema.
 * Any Redocly problem fails the test, warnings included, and so does a problem
 * hidden by a lint-ignore file: the specs must be clean, not silenced.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint, lintConfig, loadConfig, makeDocumentFromString } from "@redocly/openapi-core";
import type { NormalizedProblem } from "@redocly/openapi-core";
import { Validator } from "@seriousme/openapi-schema-validator";
import { isMap, isScalar, parse, parseDocument } from "yaml";

const root = join(import.meta.dirname, "..", "..");
const configPath = join(root, "redocly.yaml");

const SPECS = ["openziti-edge-client", "openziti-edge-management", "pingone-management", "latitudesh"] as const;

/** One line per problem: severity, rule, message and every location (file#pointer or line:col). */
function formatProblem(problem: NormalizedProblem): string {
  const where = problem.location
    .map((loc) => {
      const file = loc.source.absoluteRef.replace(`${root}/`, "");
      return "pointer" in loc && loc.pointer !== undefined
        ? `${file}${loc.pointer}`
        : `${file}:${"start" in loc ? `${loc.start.line}:${loc.start.col}` : "?"}`;
    })
    .join(", ");
  const ignored = problem.ignored ? " (ignored by a lint-ignore file)" : "";
  return `${problem.severity} [${problem.ruleId}] ${problem.message} at ${where}${ignored}`;
}

describe("redocly.yaml", () => {
  it("is a valid Redocly config", async () => {
    const config = await loadConfig({ configPath });
    const document = makeDocumentFromString(readFileSync(configPath, "utf8"), configPath);
    const problems = await lintConfig({ document, config });
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it("extends recommended and justifies every rule it changes with a comment", () => {
    const doc = parseDocument(readFileSync(configPath, "utf8"));
    expect(doc.toJS().extends).toEqual(["recommended"]);
    const rules = doc.get("rules");
    if (rules === undefined) return; // nothing changed, nothing to justify
    expect(isMap(rules)).toBe(true);
    if (!isMap(rules)) return;
    const unjustified = rules.items
      .filter((pair, index) => {
        // A comment above the first entry is attached to the map itself.
        const before = isScalar(pair.key) ? pair.key.commentBefore : undefined;
        const above = before ?? (index === 0 ? rules.commentBefore : undefined);
        const trailing = isScalar(pair.value) ? pair.value.comment : undefined;
        return !above?.trim() && !trailing?.trim();
      })
      .map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));
    expect(unjustified, "rules changed without a justifying # comment").toEqual([]);
  });
});

describe.each(SPECS)("specs/%s.yaml", (name) => {
  const file = join(root, "specs", `${name}.yaml`);

  it("has no Redocly problems (errors or warnings)", async () => {
    const config = await loadConfig({ configPath });
    const problems = await lint({ ref: file, config });
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it("is valid OpenAPI 3.1 for a stock validator", async () => {
    const spec = parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    expect(spec.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(spec);
    expect(validator.version).toBe("3.1");
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
