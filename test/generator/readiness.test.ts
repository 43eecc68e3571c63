/**
 * The generation-readiness rules (apigen/* in redocly.yaml): each finds what
 * breaks or degrades a generated client and says the fix, through redocly with
 * the project's own redocly.yaml (as a linter or editor runs them); an `error`
 * rule stops the generator, a `warn` rule does not; severities come from redocly.yaml.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lint, loadConfig } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readinessConfig } from "../../generator/validate/rules/config.ts";
import { ROOT, apigen } from "../support/run.ts";

const spec = (paths: string, schemas = "    Pet:\n      type: object\n") => `openapi: 3.1.0
info:
  title: T
  version: 1.0.0
paths:
${paths}components:
  schemas:
${schemas}`;

const ok = (status = "200") =>
  `      responses:\n        "${status}":\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: "#/components/schemas/Pet"\n`;

const CASES = [
  {
    rule: "apigen/operation-id-missing",
    severity: "warn",
    text: spec(`  /pets:\n    get:\n${ok()}`),
    pointer: "#/paths/~1pets/get",
    says: /GET \/pets has no operationId.*add `operationId: getPets`/,
  },
  {
    rule: "apigen/operation-id-collision",
    severity: "error",
    text: spec(
      `  /pets:\n    get:\n      operationId: list-pets\n${ok()}  /all-pets:\n    get:\n      operationId: listPets\n${ok()}`,
    ),
    pointer: "#/paths/~1all-pets/get/operationId",
    says: /operationId "listPets" becomes the client method listPets, as "list-pets" \(GET \/pets\) does.*give them names that differ/,
  },
  {
    rule: "apigen/path-params-match",
    severity: "error",
    text: spec(`  /pets/{petId}:\n    get:\n      operationId: getPet\n${ok()}`),
    pointer: "#/paths/~1pets~1{petId}/get/parameters",
    says: /does not define the path parameter `\{petId\}`.*declare it under parameters with `name: petId`, `in: path` and `required: true`/,
  },
  {
    rule: "apigen/path-params-match",
    severity: "error",
    text: spec(
      `  /pets:\n    get:\n      operationId: listPets\n      parameters:\n        - name: petId\n          in: path\n          required: true\n          schema:\n            type: string\n${ok()}`,
    ),
    pointer: "#/paths/~1pets/get/parameters/0/name",
    says: /Path parameter `petId` is not used in the path `\/pets`: add `\{petId\}` to the path or remove the parameter/,
  },
  {
    rule: "apigen/json-response-schema",
    severity: "warn",
    text: spec(
      `  /pets:\n    get:\n      operationId: listPets\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json: {}\n`,
    ),
    pointer: "#/paths/~1pets/get/responses/200/content/application~1json",
    says: /has no schema, so the client returns `unknown` for it; add a schema/,
  },
  {
    rule: "apigen/enum-unique",
    severity: "warn",
    text: spec(
      `  /pets:\n    get:\n      operationId: listPets\n${ok()}`,
      `    Pet:\n      type: string\n      enum: [cat, dog, cat]\n`,
    ),
    pointer: "#/components/schemas/Pet/enum/2",
    says: /the enum lists "cat" twice.*remove the duplicate/,
  },
  {
    rule: "apigen/schema-name-collision",
    severity: "warn",
    text: spec(
      `  /pets:\n    get:\n      operationId: listPets\n${ok()}`,
      `    Pet:\n      type: object\n    pet:\n      type: object\n`,
    ),
    pointer: "#/components/schemas/pet",
    says: /schema "pet" and schema "Pet" get the same name once normalised.*rename one/,
  },
  {
    rule: "apigen/info-missing",
    severity: "warn",
    text: spec(`  /pets:\n    get:\n      operationId: listPets\n${ok()}`).replace("  title: T\n", ""),
    pointer: "#/info",
    says: /`info` has no `title`, so the package names the API after its folder; add `info:` with `title:`/,
  },
  {
    rule: "apigen/info-missing",
    severity: "warn",
    text: spec(`  /pets:\n    get:\n      operationId: listPets\n${ok()}`).replace(
      "info:\n  title: T\n  version: 1.0.0\n",
      "",
    ),
    pointer: "#/",
    says: /the spec has no `info`, so the package names the API after its folder and says API version 0.0.0/,
  },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "apigen-readiness-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(CASES)("$rule", (c) => {
  it(`is reported by redocly with redocly.yaml's severity (${c.severity}), where it is, with the fix`, async () => {
    const file = join(dir, `${c.rule.replace("/", "-")}-${c.pointer.length}.yaml`);
    await writeFile(file, c.text);
    const config = await loadConfig({ configPath: join(ROOT, "redocly.yaml") });
    const problems = (await lint({ ref: file, config })).filter((p) => p.ruleId.startsWith("apigen/"));
    expect(problems.map((p) => [p.ruleId, p.severity, p.location[0]?.pointer])).toEqual([
      [c.rule, c.severity, c.pointer],
    ]);
    expect(problems[0]!.message).toMatch(c.says);
  });

  it(
    c.severity === "error" ? "stops generate with a located error" : "does not stop generate",
    async () => {
      const file = join(dir, `gen-${c.rule.replace("/", "-")}-${c.pointer.length}.yaml`);
      await writeFile(file, c.text);
      const result = await apigen(
        [
          "generate",
          "--spec",
          file,
          "--out",
          join(dir, "out", `${c.rule.replace("/", "-")}-${c.pointer.length}`),
          "--quiet",
        ],
        { cwd: dir },
      );
      if (c.severity === "error") {
        expect(result.code).toBe(1);
        expect(
          result.stderr.startsWith(`gen-${c.rule.replace("/", "-")}-${c.pointer.length}.yaml:`),
          result.stderr,
        ).toBe(true);
        expect(result.stderr).toMatch(/^[^:]+:\d+:\d+: /);
        expect(result.stderr).toMatch(c.says);
      } else {
        expect(result.code, result.stderr).toBe(0);
      }
    },
    120_000,
  );
});

describe("severities", () => {
  it("come from redocly.yaml (a plain level or { severity }), and are the documented defaults where it is silent", async () => {
    const file = join(dir, "redocly.yaml");
    await writeFile(file, "rules:\n  apigen/enum-unique: error\n  apigen/operation-id-missing:\n    severity: off\n");
    const { rules } = await readinessConfig(file);
    expect(rules).toMatchObject({
      "apigen/enum-unique": "error",
      "apigen/operation-id-missing": "off",
      "apigen/schema-name-collision": "warn",
    });
    expect((await readinessConfig(join(dir, "missing.yaml"))).rules).toEqual({
      "apigen/operation-id-missing": "warn",
      "apigen/operation-id-collision": "error",
      "apigen/path-params-match": "error",
      "apigen/json-response-schema": "warn",
      "apigen/enum-unique": "warn",
      "apigen/schema-name-collision": "warn",
      "apigen/info-missing": "warn",
    });
  });
});
