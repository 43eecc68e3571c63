import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, apigen } from "../support/run.ts";

const FIXTURES = join(ROOT, "test", "fixtures", "bad-specs");

/** Each bad spec, and what its one located error line must say. */
const CASES: { file: string; position: RegExp; says: RegExp }[] = [
  { file: "yaml-syntax.yaml", position: /:[89]:\d+: /, says: /YAML syntax error/ },
  { file: "json-syntax.json", position: /:3:\d+: /, says: /JSON syntax error/ },
  { file: "duplicate-keys.yaml", position: /:8:\d+: /, says: /YAML syntax error: Map keys must be unique/ },
  { file: "dangling-ref.yaml", position: /:1[23]:\d+: /, says: /dangling \$ref.*#\/components\/schemas\/Missing/ },
  { file: "duplicate-operation-id.yaml", position: /:(9|10):\d+: /, says: /operationId.*unique|getThing/i },
  { file: "undeclared-path-param.yaml", position: /:5:\d+: /, says: /thingId/ },
  { file: "wrong-version.yaml", position: /:1:\d+: /, says: /unsupported OpenAPI version "4\.0\.0"/ },
  { file: "swagger-2.json", position: /:2:\d+: /, says: /Swagger 2\.0 is not supported/ },
  { file: "empty.yaml", position: /:1:1: /, says: /empty/ },
  { file: "wrong-type.yaml", position: /:4:\d+: /, says: /expected type .*object|must be/i },
];

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "apigen-bad-"));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe.each(CASES)("a bad spec: $file", ({ file, position, says }) => {
  it("fails with exit code 1, the file, the position and a plain sentence; writes nothing", async () => {
    const target = join(out, file);
    const result = await apigen(["generate", "--spec", join(FIXTURES, file), "--out", target]);
    expect(result.code).toBe(1);
    const first = result.stderr.split("\n")[0]!;
    expect(first).toContain(`test/fixtures/bad-specs/${file}`);
    expect(first).toMatch(position);
    expect(first).toMatch(says);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await readdir(out)).not.toContain(file);
  });
});
