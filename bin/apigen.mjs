#!/usr/bin/env node
// @ts-check
/**
 * The generator's CLI, run by plain node: `npm run generate|check|watch`.
 *
 * Node 20 cannot run TypeScript, and tsx compiles generator/ on every start
 * (about 0.3 s of a 0.4 s no-op run). So generator/cli.ts is bundled by esbuild
 * into .cache/cli/<stamp>/ once, and rebuilt when a file under generator/,
 * this launcher or esbuild changes (the stamp hashes paths, sizes and mtimes:
 * one stat per file, node_modules/.package-lock.json for the few libraries bundled in).
 * Each build lands in a folder of its own via rename, so two runs starting at
 * once never see half a bundle. Libraries stay external and load from
 * node_modules as usual (but the three in BUNDLED); the stages stay lazily imported chunks.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { installCodeCache } from "./code-cache.mjs";

const ROOT = join(import.meta.dirname, "..");
const GENERATOR = join(ROOT, "generator");
const CACHE = join(ROOT, ".cache", "cli");
/** V8 code cache of the large libraries (code-cache.mjs): kept across bundles, so not swept with them. */
const CODE_CACHE = join(CACHE, "v8");

/** Files that make up the bundle: the CLI's sources, this file, esbuild. */
function sources() {
  const generator = readdirSync(GENERATOR, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
  return [
    ...generator.sort(),
    import.meta.filename,
    join(import.meta.dirname, "code-cache.mjs"),
    join(ROOT, "node_modules", "esbuild", "package.json"),
    // The packages bundled in (BUNDLED, below) and theirs: npm rewrites this file on every install
    // (other installers do not write it; a bundled package's own package.json changes with its version).
    join(ROOT, "node_modules", ".package-lock.json"),
    ...BUNDLED.map((name) => join(ROOT, "node_modules", name, "package.json")),
  ];
}

/**
 * ES-module-only libraries bundled into the CLI with everything they import, instead of loaded from
 * node_modules file by file: Node 20 has no code cache for ES modules, and mdast-util-to-markdown is
 * some eighty files (35 ms to import alone, 7 ms as one chunk), imported by every run that writes a
 * changelog. yaml is CommonJS, but forty files: `require` takes 25 to 34 ms to resolve, read and compile
 * them in every run that parses a spec, its bundled chunk 15 to 17 ms (shared/yaml.ts).
 * Every other library stays external (CommonJS ones load through the code cache).
 */
const BUNDLED = ["mdast-util-to-markdown", "github-slugger", "yaml"];

/** @type {import("esbuild").Plugin} */
const externals = {
  name: "externals",
  setup(build) {
    // A bundled CommonJS file's `require("process")` (yaml's) cannot run in an ES-module bundle, which has
    // no `require`: it gets a module whose exports are the built-in itself (the very object, classes and
    // inherited methods included), from process.getBuiltinModule (Node 20.16; package.json asks for 20.19).
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const builtin = args.path.startsWith("node:") || builtinModules.includes(args.path.split("/")[0] ?? "");
      if (args.kind !== "require-call" || !builtin) return undefined;
      return { path: args.path.replace(/^node:/, ""), namespace: "node-builtin" };
    });
    build.onLoad({ filter: /.*/, namespace: "node-builtin" }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(`node:${args.path}`)});`,
    }));
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const parts = args.path.split("/");
      const name = args.path.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? "");
      // A bundled package's own imports come along (only bundled files have an importer under node_modules).
      if (BUNDLED.includes(name) || args.importer.includes(`${sep}node_modules${sep}`)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** @param {string[]} files */
function stampOf(files) {
  const hash = createHash("sha256").update(`${ROOT}\0${process.version}\0`);
  for (const file of files) {
    // A file that is not there (no .package-lock.json from another installer) counts as missing.
    const { size, mtimeMs } = statSync(file, { throwIfNoEntry: false }) ?? { size: -1, mtimeMs: -1 };
    hash.update(`${file}\0${size}\0${mtimeMs}\0`);
  }
  return hash.digest("hex").slice(0, 16);
}

/** The bundle for this stamp, built if missing. */
async function bundle() {
  const dir = join(CACHE, stampOf(sources()));
  const entry = join(dir, "cli.js");
  try {
    statSync(entry);
    return entry;
  } catch {
    // not built yet for this stamp
  }
  const { build } = await import("esbuild");
  const temp = `${dir}.tmp-${process.pid}`;
  await build({
    entryPoints: [
      join(GENERATOR, "cli.ts"),
      join(GENERATOR, "emit", "docs-worker.ts"),
      join(GENERATOR, "parallel", "provider-worker.ts"),
    ],
    outbase: GENERATOR,
    outdir: temp,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    plugins: [externals],
    // generator/paths.ts finds templates/ and the runtime from its own folder.
    // generator/emit/docs-job.ts starts the bundled docs worker (paths.ts).
    define: {
      "import.meta.dirname": JSON.stringify(GENERATOR),
      "process.env.APIGEN_DOCS_WORKER_SCRIPT": JSON.stringify(join(dir, "emit", "docs-worker.js")),
      "process.env.APIGEN_PROVIDER_WORKER_SCRIPT": JSON.stringify(join(dir, "parallel", "provider-worker.js")),
      // The provider pool's threads install the libraries' code cache as this thread does (below).
      "process.env.APIGEN_CODE_CACHE_DIR": JSON.stringify(CODE_CACHE),
    },
    logLevel: "error",
  }).catch((/** @type {unknown} */ error) => {
    // esbuild has printed each error with its file, line and source; its stack would add nothing.
    rmSync(temp, { recursive: true, force: true });
    if (!(error instanceof Error && "errors" in error)) throw error;
    process.stderr.write("apigen: generator/ does not build (the error above)\n");
    process.exit(1);
  });
  mkdirSync(CACHE, { recursive: true });
  try {
    renameSync(temp, dir);
  } catch {
    rmSync(temp, { recursive: true, force: true }); // another run built the same stamp first
  }
  // Older bundles go once nothing is likely to run them: a watcher started an hour ago may still load its chunks.
  for (const old of readdirSync(CACHE)) {
    const path = join(CACHE, old);
    // Another run may be removing its own temp folder right now: a vanished entry is skipped.
    const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (path !== dir && path !== CODE_CACHE && age > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
  return entry;
}

const entry = await bundle();
installCodeCache(CODE_CACHE);
await import(pathToFileURL(entry).href);
