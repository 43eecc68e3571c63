/**
 * bin/code-cache.mjs takes over node's loading of large CommonJS files under node_modules (typescript's
 * 9 MB): read as bytes, taken as Latin-1 when they are ASCII. What a library's code sees must not change:
 * its text (non-ASCII included), its exports, and node's own error for a package of ES modules. Each case
 * runs in a node process of its own, as the CLI does, with the cache installed over a scratch node_modules.
 */
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, run } from "../support/run.ts";

const scratch = await mkdtemp(join(tmpdir(), "apigen-code-cache-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A CommonJS file of more than 1 MB (the size above which the cache reads it itself) exporting `value`. */
const large = (value: string) => `module.exports = ${JSON.stringify(value)};\n//${"x".repeat(1_100_000)}\n`;

type Outcome = { value?: unknown; error?: string };
/** `packageJson`: the package.json's text, when not `{ name, type }`; `via`: how the app loads it. */
type Package = { type?: string; packageJson?: string; source: string; via?: "require" | "import" };

/**
 * Requires `<pkg>/index.js` in `times` processes with the cache installed as the CLI does (a miss, then a
 * hit), or with it turned off (node's own loader, APIGEN_CODE_CACHE=0); and the files it left in the
 * cache's folder. `before` fills that folder first.
 */
async function load(pkg: Package, cache: boolean, times: number, before?: (v8: string) => Promise<void>) {
  const dir = await mkdtemp(join(scratch, "case-"));
  await before?.(join(dir, "v8"));
  const pkgDir = join(dir, "node_modules", "lib");
  await mkdir(pkgDir, { recursive: true });
  await writeFile(
    join(pkgDir, "package.json"),
    pkg.packageJson ?? JSON.stringify({ name: "lib", ...(pkg.type && { type: pkg.type }) }),
  );
  await writeFile(join(pkgDir, "index.js"), pkg.source);
  const script = [
    `import { installCodeCache } from ${JSON.stringify(pathToFileURL(join(ROOT, "bin", "code-cache.mjs")).href)};`,
    `import { createRequire } from "node:module";`,
    `installCodeCache(${JSON.stringify(join(dir, "v8"))});`,
    `const require = createRequire(${JSON.stringify(join(dir, "main.cjs"))});`,
    pkg.via === "import"
      ? `try { process.stdout.write(JSON.stringify({ value: (await import("lib")).default })); }`
      : `try { process.stdout.write(JSON.stringify({ value: require("lib") })); }`,
    `catch (error) { process.stdout.write(JSON.stringify({ error: error.code ?? error.name })); }`,
  ].join("\n");
  const outcomes: Outcome[] = [];
  for (let i = 0; i < times; i++) {
    const result = await run(process.execPath, ["--input-type=module", "-e", script], {
      cwd: dir,
      env: { APIGEN_CODE_CACHE: cache ? "1" : "0" },
    });
    expect(result.code, result.stderr).toBe(0);
    outcomes.push(JSON.parse(result.stdout) as Outcome);
  }
  const files = (await readdir(join(dir, "v8")).catch(() => [])).sort();
  return { outcomes, entries: files.length, files };
}

describe("the code cache's loading of large CommonJS files", () => {
  const cases: { given: string; pkg: Package; want?: Outcome }[] = [
    { given: "an ASCII file", pkg: { source: large("plain") }, want: { value: "plain" } },
    {
      given: "a file with non-ASCII text (read as UTF-8, not Latin-1)",
      pkg: { source: large("café — 日本語 🚀") },
      want: { value: "café — 日本語 🚀" },
    },
    {
      given: 'a file of a "type": "commonjs" package',
      pkg: { type: "commonjs", source: large("cjs") },
      want: { value: "cjs" },
    },
    { given: "a file the app imports", pkg: { source: large("imported"), via: "import" }, want: { value: "imported" } },
    // Left to node, whatever its version makes of them.
    { given: 'a .js file of a "type": "module" package', pkg: { type: "module", source: large("esm") } },
    {
      given: "ES-module syntax in a package without a type",
      pkg: { source: `export default "esm";\n//${"x".repeat(1_100_000)}\n` },
    },
    { given: "a package.json that does not parse", pkg: { packageJson: "{ nope", source: large("broken") } },
  ];
  it.each(cases)("$given: as node loads it", async ({ pkg, want }) => {
    const [node] = (await load(pkg, false, 1)).outcomes;
    if (want) expect(node).toEqual(want);
    const cached = await load(pkg, true, 2);
    expect(cached.outcomes).toEqual([node, node]);
    expect(cached.files.every((f) => f.endsWith(".bin"))).toBe(true);
    if (want) expect(cached.entries).toBe(1);
  });
});

describe("the code cache's folder", () => {
  it("keeps the entry a run writes and the 23 most recently used others, and drops a day-old aside file", async () => {
    const hour = 3_600_000;
    const now = Date.now();
    const old = Array.from({ length: 30 }, (_, i) => `old-${String(i).padStart(2, "0")}.bin`);
    const result = await load({ source: large("pruned") }, true, 1, async (v8) => {
      await mkdir(v8, { recursive: true });
      for (const [i, name] of old.entries()) {
        await writeFile(join(v8, name), "");
        // Dated ahead of the clock, as a cache copied from a machine whose clock runs fast: every one of them
        // looks more recently used than the entry this run writes, which must stay all the same. old-00 was
        // used last, old-29 longest ago; old-05 was written long ago but read recently (its access time).
        const used = new Date(now + (48 - i) * hour);
        await utimes(join(v8, name), used, name === "old-05.bin" ? new Date(now - 1000 * hour) : used);
      }
      await writeFile(join(v8, "crashed.bin.1-0.tmp"), "");
      await utimes(join(v8, "crashed.bin.1-0.tmp"), new Date(now - 48 * hour), new Date(now - 48 * hour));
      await writeFile(join(v8, "writing.bin.2-0.tmp"), "");
    });
    expect(result.outcomes).toEqual([{ value: "pruned" }]);
    const made = result.files.filter((f) => !f.startsWith("old-") && f.endsWith(".bin"));
    expect(made).toHaveLength(1);
    // The new entry and the 23 most recently used of the old ones; a recent aside file may be another run's.
    expect(result.files).toEqual([...made, ...old.slice(0, 23), "writing.bin.2-0.tmp"].sort());
  });
});
