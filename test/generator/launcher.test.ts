/**
 * bin/apigen.mjs, what `npm run generate|check|watch` run: generator/ bundled
 * by esbuild into .cache/cli/ and run by plain node. Runs on a copy of bin/,
 * generator/ and templates/ so that editing a source file is safe.
 */
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, run } from "../support/run.ts";

/** Every copy a test made; each test works on a fresh one of its own, so tests pass alone and in any order. */
const copies: string[] = [];

/** A copy of bin/, generator/, templates/ and specs/ with an empty bundle cache, and what runs in it. */
async function fresh() {
  const copy = await mkdtemp(join(tmpdir(), "apigen-launcher-"));
  copies.push(copy);
  for (const dir of ["bin", "generator", "templates", "specs"])
    await cp(join(ROOT, dir), join(copy, dir), { recursive: true });
  await symlink(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  await writeFile(join(copy, "package.json"), JSON.stringify({ type: "module", private: true }));
  const launchWith = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    run(process.execPath, [join(copy, "bin", "apigen.mjs"), ...args], { cwd: copy, env });
  return {
    copy,
    launchWith,
    launch: (...args: string[]) => launchWith({}, ...args),
    /** Bundle folders in .cache/cli/ (v8/ beside them is the code cache of the libraries, bin/code-cache.mjs). */
    bundles: async () =>
      (await readdir(join(copy, ".cache", "cli")).catch(() => [])).filter((name) => name !== "v8").sort(),
  };
}

afterAll(async () => {
  await Promise.all(copies.map((copy) => rm(copy, { recursive: true, force: true })));
});

describe("bin/apigen.mjs", () => {
  it("eight runs started at once on an empty cache all work and leave one bundle, no temp folders", async () => {
    const { launch, bundles } = await fresh();
    const results = await Promise.all(Array.from({ length: 8 }, () => launch("--help")));
    for (const r of results) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain("Usage:");
    }
    expect(await bundles()).toHaveLength(1);
  });

  it("generates from the bundle: templates and the runtime are found from the real generator/ folder", async () => {
    const { copy, launch } = await fresh();
    const result = await launch("generate", "pingone-management", "--quiet");
    expect(result.code, result.stderr).toBe(0);
    const runtime = await readFile(
      join(copy, "generated", "pingone-management", "src", "runtime", "create.ts"),
      "utf8",
    );
    expect(runtime).toContain(await readFile(join(copy, "generator", "runtime", "create.ts"), "utf8"));
    expect(await readFile(join(copy, "generated", "pingone-management", "docs", "README.md"), "utf8")).toMatch(/^# /);
  });

  it("docs, validators and types made on worker threads are the same bytes as made in-process", async () => {
    const { copy, launchWith } = await fresh();
    const spec = join(copy, "specs", "openziti-edge-management.yaml");
    const outs = { always: join(copy, "out-worker", "p"), never: join(copy, "out-inline", "p") };
    for (const [mode, out] of Object.entries(outs)) {
      const result = await launchWith(
        { APIGEN_DOCS_WORKER: mode },
        "generate",
        "--spec",
        spec,
        "--out",
        out,
        "--quiet",
      );
      expect(result.code, result.stderr).toBe(0);
    }
    const files = async (dir: string) => (await readdir(dir, { recursive: true })).sort();
    const names = await files(outs.always);
    expect(names.filter((n) => n.startsWith("docs/models/")).length).toBeGreaterThan(5);
    expect(await files(outs.never)).toEqual(names);
    // src/validators.js is compiled on the worker, src/testing.ts holds the default answers checked there.
    expect(names).toEqual(expect.arrayContaining(["src/validators.js", "src/testing.ts"]));
    for (const name of names.filter((n) => /\.(md|ts|js|json)$/.test(n))) {
      expect(await readFile(join(outs.always, name), "utf8"), name).toBe(
        await readFile(join(outs.never, name), "utf8"),
      );
    }
  });

  it("parses YAML with the yaml library bundled in, never node_modules/yaml, whose warnings still reach stderr", async () => {
    const { copy, launchWith } = await fresh();
    // Counts what CommonJS loaded from node_modules/yaml when the process ends (its main thread: NODE_OPTIONS
    // applies to worker threads too, and one that ends by itself would print its own count).
    const probe = join(copy, "probe.cjs");
    const yamlFiles = JSON.stringify(`${sep}node_modules${sep}yaml${sep}`);
    await writeFile(
      probe,
      `if (require("node:worker_threads").isMainThread) process.on("exit", () => process.stderr.write("yaml files loaded: " + Object.keys(require.cache).filter((f) => f.includes(${yamlFiles})).length + "\\n"));`,
    );
    const spec = join(copy, "api.yaml");
    // A key that is a sequence: yaml warns through process.emitWarning, a built-in the bundle hands over.
    await writeFile(spec, 'openapi: 3.1.0\ninfo: { title: T, version: "1" }\nx-odd:\n  ? [a, b]\n  : c\npaths: {}\n');
    const result = await launchWith(
      { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(probe)}` },
      "generate",
      "--spec",
      spec,
      "--out",
      join(copy, "out"),
      "--quiet",
    );
    expect(result.code, result.stderr).toBe(0);
    // Node's own warning line (yaml would fall back to console.warn without process.emitWarning).
    expect(result.stderr).toMatch(/\(node:\d+\) Warning: Keys with collection values will be stringified/);
    expect(result.stderr).toContain("yaml files loaded: 0");
  });

  it("check passes right after generate", async () => {
    const { launch } = await fresh();
    expect((await launch("generate", "pingone-management", "--quiet")).code).toBe(0);
    const result = await launch("check", "pingone-management");
    expect(result.code, result.stderr).toBe(0);
  });

  it("a second run reuses the bundle; an edit to a generator file or to the launcher rebuilds it", async () => {
    const { copy, launch, bundles } = await fresh();
    expect((await launch("generate", "pingone-management", "--quiet")).code).toBe(0);
    const before = await bundles();
    expect(before).toHaveLength(1);
    expect((await launch("--help")).code).toBe(0);
    expect(await bundles()).toEqual(before);

    const cli = join(copy, "generator", "cli.ts");
    await writeFile(cli, (await readFile(cli, "utf8")).replace("Usage:", "Usage (edited):"));
    const edited = await launch("--help");
    expect(edited.stdout).toContain("Usage (edited):");
    const after = await bundles();
    expect(after).toHaveLength(2); // the old one stays for an hour: a watcher may still be running it
    expect(after).toEqual(expect.arrayContaining(before));

    // A change to the launcher itself (its esbuild options) rebuilds too.
    const launcher = join(copy, "bin", "apigen.mjs");
    await writeFile(launcher, `${await readFile(launcher, "utf8")}// edited\n`);
    expect((await launch("--help")).code).toBe(0);
    expect(await bundles()).toHaveLength(3);

    // The generator changed, so what it wrote is stale until regenerated.
    expect((await launch("check", "pingone-management")).code).toBe(1);
    expect((await launch("generate", "pingone-management", "--quiet")).code).toBe(0);
    expect((await launch("check", "pingone-management")).code).toBe(0);
  });
});
