/**
 * redocly.yaml as a spec author meets it through the CLI: a rule at `warn` is printed (located, with
 * its rule) by generate, check and --dry-run without failing them, and a severity change marks the
 * packages stale, so the next generate validates again and a rule raised to `error` stops it.
 * Each test runs on a project copy of its own (launcher, generator, templates, redocly.yaml, specs/).
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, run } from "../support/run.ts";
import { Watcher, makeProject, removeProject } from "../support/watcher.ts";
import { hashTree } from "../support/tree.ts";

/** `cat` is listed twice: apigen/enum-unique, a warning in the project's redocly.yaml. */
const SPEC = `openapi: 3.1.0
info:
  title: Pets
  version: 1.0.0
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Pet"
components:
  schemas:
    Pet:
      type: string
      enum: [cat, dog, cat]
`;
const WARNING =
  /^specs\/pets\.yaml:20:\d+: warning: .*the enum lists "cat" twice.* \[apigen\/enum-unique\] \(at #\/components\/schemas\/Pet\/enum\/2\)$/m;

const projects: string[] = [];
afterAll(() => Promise.all(projects.map(removeProject)));

async function project() {
  const dir = await makeProject({ "pets.yaml": SPEC });
  projects.push(dir);
  const config = join(dir, "redocly.yaml");
  await writeFile(config, await readFile(join(ROOT, "redocly.yaml"), "utf8"));
  return {
    dir,
    cli: (...args: string[]) => run(process.execPath, [join(dir, "bin", "apigen.mjs"), ...args], { cwd: dir }),
    /** Sets the project's severity of apigen/enum-unique. */
    severity: async (level: "error" | "warn" | "off") => {
      const text = await readFile(config, "utf8");
      const next = text.replace(/^( {2}apigen\/enum-unique:) \w+$/m, `$1 ${level}`);
      expect(next).toContain(`apigen/enum-unique: ${level}`);
      await writeFile(config, next);
    },
  };
}

describe("redocly.yaml severities at the CLI", () => {
  it("a warn-level finding is printed by generate, check and --dry-run, located, and fails none of them", async () => {
    const { cli } = await project();
    const generate = await cli("generate");
    expect(generate.code, generate.stderr).toBe(0);
    expect(generate.stderr).toMatch(WARNING);
    expect(generate.stdout).toMatch(/^pets\s+generated \d+ files/m);
    for (const args of [["check"], ["generate", "--dry-run"]]) {
      const result = await cli(...args);
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
      expect(result.stderr, args.join(" ")).toMatch(WARNING);
    }
    // --quiet prints errors only.
    expect((await cli("check", "--quiet")).stderr).toBe("");
  }, 240_000);

  it("watch prints a warn-level finding when it regenerates, and keeps watching", async () => {
    const { dir } = await project();
    const watcher = new Watcher(dir);
    try {
      await watcher.started();
      expect(watcher.output).toMatch(WARNING);
      expect(watcher.process.exitCode).toBe(null);
    } finally {
      await watcher.stop();
    }
  }, 240_000);

  it("raising a rule to error makes generate validate again and stop, and check report the spec's error", async () => {
    const { dir, cli, severity } = await project();
    expect((await cli("generate")).code).toBe(0);
    expect((await cli("generate")).stdout).toMatch(/^pets\s+up to date, skipped/m);
    const before = await hashTree(join(dir, "generated"));

    await severity("error");
    const generate = await cli("generate");
    expect(generate.code).toBe(1);
    expect(generate.stderr).toMatch(/^specs\/pets\.yaml:20:\d+: .*the enum lists "cat" twice.*remove the duplicate/m);
    expect(generate.stderr).not.toMatch(/warning:/);
    const check = await cli("check");
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/^specs\/pets\.yaml:20:\d+: .*"cat" twice/m);
    expect(check.stderr).toContain("1 spec(s) have errors");
    expect(await hashTree(join(dir, "generated"))).toEqual(before);
  }, 240_000);

  it("any severity change leaves the packages stale for check until generate runs with the new config", async () => {
    const { cli, severity } = await project();
    expect((await cli("generate")).code).toBe(0);
    expect((await cli("check")).code).toBe(0);

    await severity("off");
    const stale = await cli("check");
    expect(stale.code, stale.stderr).toBe(1);
    expect(stale.stderr).toContain("generated/ is out of date");
    const generate = await cli("generate");
    expect(generate.code, generate.stderr).toBe(0);
    expect(generate.stdout).not.toMatch(/up to date/);
    expect(generate.stderr).not.toMatch(/warning:/);
    const again = await cli("check");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toBe("");
    expect((await cli("generate")).stdout).toMatch(/^pets\s+up to date, skipped/m);
  }, 240_000);
});
