/**
 * bin/code-cache.mjs takes over node's loading of large CommonJS files under node_modules (typescript's
 * 9 MB): read as bytes, taken as Latin-1 when they are ASCII. What a library's code sees must not change:
 * its text (non-ASCII included), its exports, and node's own error for a package of ES modules. Each case
 * runs in a node process of its own, as the CLI does, with the cache installed over a scratch node_modules.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
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
 * hit), or with it turned off (node's own loader, APIGEN_CODE_CACHE=0); and how many entries it left.
 */
async function load(pkg: Package, cache: boolean, times: number) {
  const dir = await mkdtemp(join(scratch, "case-"));
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
  return { outcomes, entries: (await readdir(join(dir, "v8")).catch(() => [])).length };
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
    if (want) expect(cached.entries).toBe(1);
  });
});
