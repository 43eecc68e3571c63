import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, apigen, type RunResult } from "../support/run.ts";

/**
 * `base`: a scratch copy of specs/ and the generated/ that one `generate` wrote there, made once and
 * only read. A test that generates, edits or checks works on a copy of its own (workspace()), so every
 * test passes alone and in any order, and none touches the repo's own output.
 */
let base: string;
let firstRun: RunResult;
const scratch: string[] = [];
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "apigen-cli-"));
  scratch.push(base);
  await cp(join(ROOT, "specs"), join(base, "specs"), { recursive: true });
  firstRun = await apigen(["generate"], { cwd: base });
});
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A private copy of `base` (specs/ and a freshly generated generated/). */
async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "apigen-cli-"));
  scratch.push(dir);
  await cp(base, dir, { recursive: true });
  return dir;
}

async function snapshot(dir: string): Promise<Map<string, { content: string; mtimeMs: number }>> {
  const files = new Map<string, { content: string; mtimeMs: number }>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), {
      content: await readFile(path, "utf8"),
      mtimeMs: (await stat(path)).mtimeMs,
    });
  }
  return files;
}

function shuffleKeys(value: unknown, seed: { n: number }): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, seed));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>);
  // Deterministic reverse-and-rotate: a different order from the source for any object with 2+ keys.
  entries.reverse();
  const k = entries.length > 0 ? seed.n++ % entries.length : 0;
  const rotated = [...entries.slice(k), ...entries.slice(0, k)];
  return Object.fromEntries(rotated.map(([key, v]) => [key, shuffleKeys(v, seed)]));
}

describe("generate over specs/", () => {
  it("writes every provider, then a second run rewrites nothing and says each is up to date", async () => {
    expect(firstRun.stderr).toBe("");
    expect(firstRun.code).toBe(0);
    expect(firstRun.stdout.trim().split("\n")).toHaveLength(4);
    const work = await workspace();
    const before = await snapshot(join(work, "generated"));

    const second = await apigen(["generate"], { cwd: work });
    expect(second.code).toBe(0);
    const lines = second.stdout.trim().split("\n");
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/up to date/);
    const after = await snapshot(join(work, "generated"));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [path, file] of after) expect(file.mtimeMs, path).toBe(before.get(path)!.mtimeMs);
  });

  it("produces the committed generated/ from an empty folder, but for the release history", async () => {
    // An empty folder starts at 0.1.0; the committed packages carry their versions and changelogs
    // (and the manifest hashes those). `npm run check` compares those too (typecheck.test.ts).
    const HISTORY = ["CHANGELOG.md", "apigen-manifest.json", ".apigen/released.json"];
    const withoutVersion = (path: string, content: string) =>
      path.endsWith("package.json") ? content.replace(/"version": "[^"]*"/, '"version": "X"') : content;
    const ours = await snapshot(join(base, "generated"));
    const committed = await snapshot(join(ROOT, "generated"));
    expect([...ours.keys()].sort()).toEqual([...committed.keys()].filter((p) => !p.includes("node_modules")).sort());
    for (const [path, file] of ours) {
      if (HISTORY.some((name) => path.endsWith(`/${name}`))) continue;
      expect(withoutVersion(path, committed.get(path)!.content), path).toBe(withoutVersion(path, file.content));
    }
  });

  it("writes the same bytes whatever the key order in the spec", async () => {
    const work = await workspace();
    const source = parse(await readFile(join(work, "specs", "openziti-edge-management.yaml"), "utf8"));
    const shuffled = join(work, "shuffled");
    await writeFile(join(work, "shuffled.yaml"), stringify(shuffleKeys(source, { n: 1 })));
    const normal = join(work, "normal");
    await writeFile(join(work, "normal.yaml"), stringify(source));
    expect(
      (await apigen(["generate", "--spec", "shuffled.yaml", "--out", shuffled, "--name", "x"], { cwd: work })).code,
    ).toBe(0);
    expect(
      (await apigen(["generate", "--spec", "normal.yaml", "--out", normal, "--name", "x"], { cwd: work })).code,
    ).toBe(0);
    const a = await snapshot(shuffled);
    const b = await snapshot(normal);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, file] of a) {
      // The banner and manifest name the spec file, which differs by name only.
      const strip = (s: string) =>
        s
          .replaceAll("shuffled.yaml", "SPEC")
          .replaceAll("normal.yaml", "SPEC")
          .replace(/"[0-9a-f]{64}"/g, '"HASH"');
      expect(strip(file.content), path).toBe(strip(b.get(path)!.content));
    }
  });

  it("regenerates one provider when named, and only that one", async () => {
    const work = await workspace();
    const result = await apigen(["generate", "latitudesh", "--force"], { cwd: work });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^latitudesh\s+regenerated, no file changed/),
    ]);
  });

  it("reports a JSON summary with --json and nothing with --quiet", async () => {
    const work = await workspace();
    const json = await apigen(["generate", "--json"], { cwd: work });
    const report = JSON.parse(json.stdout) as { results: { provider: string; status: string }[] };
    expect(report.results.map((r) => [r.provider, r.status])).toEqual([
      ["latitudesh", "up-to-date"],
      ["openziti-edge-client", "up-to-date"],
      ["openziti-edge-management", "up-to-date"],
      ["pingone-management", "up-to-date"],
    ]);
    const quiet = await apigen(["generate", "--quiet"], { cwd: work });
    expect(quiet.stdout).toBe("");
    expect(quiet.code).toBe(0);
  });

  it("--dry-run prints the change report and the version bump, and writes nothing", async () => {
    const work = await workspace();
    const spec = join(work, "specs", "latitudesh.yaml");
    const original = await readFile(spec, "utf8");
    await writeFile(
      spec,
      original.replace(
        /\n {2}\/vpn_sessions\/\{vpn_session_id\}:\n(?: {4}.*\n| {6}.*\n| {8}.*\n| {10}.*\n| {12}.*\n)+/,
        "\n",
      ),
    );
    const before = await snapshot(join(work, "generated", "latitudesh"));
    const result = await apigen(["generate", "--dry-run", "latitudesh"], { cwd: work });
    const json = await apigen(["generate", "--dry-run", "--json", "latitudesh"], { cwd: work });
    await writeFile(spec, original);
    expect(result.code).toBe(0);
    const [report] = (JSON.parse(json.stdout) as { results: { status: string; version: object }[] }).results;
    expect(report).toMatchObject({ status: "would-change", version: { from: "0.1.0", to: "0.1.0", next: "0.2.0" } });
    expect(result.stdout).toMatch(/0\.1\.0 -> 0\.2\.0: 1 breaking/);
    expect(result.stdout).toMatch(/BREAKING .*DELETE \/vpn_sessions\/\{vpn_session_id\}/);
    // Regeneration never bumps: the change lands in CHANGELOG.md's Unreleased section, the version waits for npm run release.
    expect(result.stdout).toContain("would write CHANGELOG.md");
    expect(result.stdout).not.toContain("would write package.json");
    const after = await snapshot(join(work, "generated", "latitudesh"));
    for (const [path, file] of after) expect(file, path).toEqual(before.get(path));
  });

  it("--dry-run of a spec with no package yet says it would make a new one, at its first version", async () => {
    const work = await workspace();
    const result = await apigen(
      ["generate", "--dry-run", "--spec", join(work, "specs", "latitudesh.yaml"), "--out", join(work, "fresh")],
      { cwd: work },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split("\n").slice(0, 2)).toEqual(["fresh:", "  new package, version 0.1.0"]);
    // Every file is new: one line outlines them, instead of a line per file.
    expect(result.stdout).toMatch(
      /^ {2}would write \d+ files: CHANGELOG\.md, README\.md, .*, dist\/ \(\d+ files\), docs\/ \(\d+ files\), src\/ \(\d+ files\)$/m,
    );
    expect(result.stdout).not.toMatch(/would write (dist|src)\//);
    expect(result.stdout).not.toContain("version stays");
    expect(existsSync(join(work, "fresh"))).toBe(false);
  });

  it("prints help", async () => {
    const help = await apigen(["--help"], { cwd: base });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--spec <file>");
  });
});

describe("check", () => {
  it("exits 0 when generated/ matches, 1 and names the file when one was edited by hand", async () => {
    const work = await workspace();
    expect((await apigen(["check"], { cwd: work })).code).toBe(0);
    const edited = join(work, "generated", "pingone-management", "src", "client.ts");
    const original = await readFile(edited, "utf8");
    await writeFile(edited, original + "\n// hand edit\n");
    const result = await apigen(["check"], { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(edited);
  });

  it("exits 1 when a spec changed and generated/ was not regenerated", async () => {
    const work = await workspace();
    const spec = join(work, "specs", "latitudesh.yaml");
    const original = await readFile(spec, "utf8");
    await writeFile(spec, original.replace(/summary: .*/, "summary: A new summary"));
    const result = await apigen(["check", "latitudesh"], { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/latitudesh: \d+ file\(s\) differ/);
  });

  it("exits 1 when a generated file is missing or an extra one was added", async () => {
    const work = await workspace();
    const extra = join(work, "generated", "latitudesh", "src", "extra.ts");
    await writeFile(extra, "export {};\n");
    const result = await apigen(["check", "latitudesh"], { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(extra);
  });
});
