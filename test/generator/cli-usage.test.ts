/**
 * Bad usage exits 2 with one plain line saying what is wrong and, where a known
 * name is close, which one was meant; nothing is generated. A spec that does
 * not parse makes `check` report the spec's error (exit 1), not staleness.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, apigen } from "../support/run.ts";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "apigen-usage-"));
  await cp(join(ROOT, "specs", "latitudesh.yaml"), join(work, "specs", "latitudesh.yaml"));
  await cp(join(ROOT, "specs", "pingone-management.yaml"), join(work, "specs", "pingone-management.yaml"));
});
afterAll(() => rm(work, { recursive: true, force: true }));

const USAGE_ERRORS: [args: string[], says: string][] = [
  [["generate", "--forse"], "unknown option --forse; did you mean --force?"],
  [["--dryrun"], "unknown option --dryrun; did you mean --dry-run?"],
  [["check", "--jsno"], "unknown option --jsno; did you mean --json?"],
  [["generate", "--zzzzzz"], "unknown option --zzzzzz"],
  [["generate", "-x"], "unknown option -x"],
  [["generate", "--spec"], "--spec needs a value: --spec <file>"],
  [["generate", "--out", "--quiet"], "--out needs a value: --out <dir>"],
  [["generate", "--force=yes"], '--force takes no value (got "yes")'],
  [["generaet"], 'unknown command "generaet"; did you mean "generate"?'],
  [["chek"], 'unknown command "chek"; did you mean "check"?'],
  [["frobnicate"], 'unknown command "frobnicate" (commands: generate, check, watch, release, diff)'],
  [
    ["generate", "pingone-managment"],
    `no spec for "pingone-managment" in ${"SPECS"}; did you mean "pingone-management"? (known: latitudesh, pingone-management)`,
  ],
  [
    ["check", "latitude"],
    `no spec for "latitude" in ${"SPECS"}; did you mean "latitudesh"? (known: latitudesh, pingone-management)`,
  ],
  [["generate", "stripe"], `no spec for "stripe" in ${"SPECS"} (known: latitudesh, pingone-management)`],
  [
    ["generate", "--spec", "specs/latitudesh.yaml", "--out", "pkg", "--name", "@Acme/Pets"],
    '--name "@Acme/Pets" is not an npm package name: give @scope/name in lower case, or a plain name',
  ],
  [["watch", "--dry-run"], "--dry-run is an option of generate, not of watch"],
  [["check", "--dry-run"], "--dry-run is an option of generate, not of check"],
  [["generate", "--spec", "a.yaml"], "--spec and --out go together"],
  [["generate", "latitudesh", "--spec", "a.yaml", "--out", "x"], "name providers or give --spec, not both"],
  [
    ["generate", "--specs", "nowhere"],
    `no specs found in ${"WORK"}/nowhere (give --specs <dir>, or --spec <file> --out <dir>)`,
  ],
  [
    ["generate", "--spec", "specs/latitudesh.yaml", "--out", "specs"],
    "--out specs holds the spec itself; the package replaces that folder whole: choose a folder of its own",
  ],
];

describe("usage errors", () => {
  it.each(USAGE_ERRORS)("apigen %j exits 2: %s", async (args, says) => {
    const result = await apigen(args, { cwd: work });
    expect(result.code).toBe(2);
    const [first, ...rest] = result.stderr.trimEnd().split("\n");
    expect(first).toBe(`apigen: ${says.replace("SPECS", join(work, "specs")).replace("WORK", work)}`);
    expect(rest).toEqual(["run npm run generate -- --help for the commands and options"]);
    expect(result.stdout).toBe("");
    expect(result.stderr).not.toMatch(/ERR_PARSE_ARGS|TypeError|\n\s+at /);
    expect(await readdir(work)).toEqual(["specs"]);
  });
});

describe("usage errors of release and diff", () => {
  it.each<[string[], string]>([
    [["diff", "--fial-on", "minor"], "apigen diff: unknown option --fial-on; did you mean --fail-on?"],
    [["diff", "--format", "yaml"], 'apigen diff: --format must be one of text, markdown, json (got "yaml")'],
    [["release", "--dryrun"], "apigen release: unknown option --dryrun; did you mean --dry-run?"],
  ])("apigen %j exits 2: %s", async (args, says) => {
    const result = await apigen(args, { cwd: work });
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split("\n")).toEqual([says, `run npm run ${args[0]} -- --help for its options`]);
    expect(await readdir(work)).toEqual(["specs"]);
  });
});

describe("--out on a folder apigen did not write", () => {
  it("refuses it (exit 2) and leaves its files as they were; an apigen package there is regenerated", async () => {
    const dir = await mkdtemp(join(tmpdir(), "apigen-usage-"));
    try {
      await writeFile(join(dir, "notes.txt"), "mine");
      const spec = join(work, "specs", "latitudesh.yaml");
      const refused = await apigen(["generate", "--spec", spec, "--out", dir], { cwd: work });
      expect(refused.code).toBe(2);
      expect(refused.stderr.split("\n")[0]).toBe(
        `apigen: --out ${dir} already holds files apigen did not write (no apigen-manifest.json), and generating would replace them: choose a new or empty folder`,
      );
      expect(await readdir(dir)).toEqual(["notes.txt"]);
      const pkg = join(dir, "pkg");
      expect(
        (await apigen(["generate", "--spec", spec, "--out", pkg, "--name", "@acme/lat"], { cwd: work })).code,
      ).toBe(0);
      // A scoped --name is the package's npm name as given; the exports keep the slug's names.
      expect(JSON.parse(await readFile(join(pkg, "package.json"), "utf8"))).toMatchObject({ name: "@acme/lat" });
      expect(await readFile(join(pkg, "src", "client.ts"), "utf8")).toContain("export function createLatClient(");
      expect((await apigen(["generate", "--spec", spec, "--out", pkg, "--force"], { cwd: work })).code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("check on a spec that does not parse", () => {
  it("reports the spec's own located error and exits 1, without calling it out of date", async () => {
    const dir = await mkdtemp(join(tmpdir(), "apigen-usage-"));
    try {
      await cp(join(work, "specs"), join(dir, "specs"), { recursive: true });
      await writeFile(join(dir, "specs", "latitudesh.yaml"), "openapi: 3.1.0\npaths: [unclosed\n");
      const result = await apigen(["check", "latitudesh"], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^specs\/latitudesh\.yaml:\d+:\d+: YAML syntax error/);
      expect(result.stderr).toContain("1 spec(s) have errors: fix them, then run npm run generate");
      expect(result.stderr).not.toContain("out of date");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
