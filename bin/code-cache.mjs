// @ts-check
/**
 * A V8 code cache for the libraries the CLI loads with `require` (Node 20 has
 * no module.enableCompileCache): typescript (9 MB of JavaScript, which
 * openapi-typescript imports), @redocly/openapi-core, esbuild, handlebars.
 * Compiling them is a large part of what a run that regenerates one small
 * spec pays before doing any work.
 *
 * Module.prototype._compile is replaced, as v8-compile-cache does, for large
 * CommonJS files under node_modules: each is compiled by vm.Script with the
 * cached data from the last run. A file without a usable cache gets one at
 * exit, made after the run so that the functions it actually called are in it.
 * Entries are keyed by path, size, mtime, the Node version and V8 flags, so an updated
 * library is simply a miss; a rejected entry is rewritten. Each is written
 * aside (named by process and thread) and renamed into place: a concurrent run,
 * or another worker thread of this one, never reads half of one.
 * The provider pool's threads (generator/parallel/provider-worker.ts) install
 * it too: each thread has a loader of its own, and compiles typescript again.
 * Files over a megabyte are also read here rather than by node's loader (LARGE_BYTES).
 * Entries nothing uses any more are removed (pruneEntries).
 * APIGEN_CODE_CACHE=0 turns it off (to compare).
 */
import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { dirname, join, sep } from "node:path";
import vm from "node:vm";
import { isMainThread, threadId } from "node:worker_threads";

/** Smaller files compile in well under a millisecond: their cache would cost more to read than it saves. */
const MIN_BYTES = 64 * 1024;

/** Entries kept (see pruneEntries): a run uses four to eight, one per large library and set of V8 flags. */
const KEEP_ENTRIES = 24;
const DAY_MS = 24 * 3_600_000;

/**
 * Files this large (typescript's 9 MB) are read by {@link readLarge}: node's loader reads them as UTF-8
 * in one call that took 24 ms for typescript, where reading the bytes and taking them as Latin-1 (what
 * ASCII is) took 12, and the whole require 15 to 20 ms less, on the types thread's critical path.
 */
const LARGE_BYTES = 1024 * 1024;

/**
 * On the main thread the missing entries are written at exit. A worker thread
 * is stopped by terminate(), which runs no exit handlers, so it calls the
 * returned flush itself (a no-op once nothing is missing).
 * V8 rejects cached data made under other V8 flags: node's own (`--cpu-prof`,
 * say) and `flags`, those set at run time by setFlagsFromString (the provider
 * pool's `--max-opt`), are part of the key, so runs with and without them keep
 * entries of their own instead of rewriting each other's.
 * @param {string} dir where the entries live (.cache/cli/v8/)
 * Without `flags`, the key takes those the generator set on this thread with
 * {@link RUNTIME_FLAGS} (generator/shared/optimizer.ts) when each file is compiled.
 * @param {string} [flags] V8 flags set at run time before these files load
 * @returns {() => void} writes the entries still missing
 */
export function installCodeCache(dir, flags = "") {
  if (process.env.APIGEN_CODE_CACHE === "0") return () => {};
  /** @type {{ file: string, script: vm.Script }[]} */
  const pending = [];
  const CjsModule = /** @type {any} */ (Module);
  const original = CjsModule.prototype._compile;

  CjsModule.prototype._compile = function compileWithCache(
    /** @type {string} */ content,
    /** @type {string} */ filename,
    /** @type {string | undefined} */ format,
  ) {
    // An ES module that `require` loads (node 20.19+ does) is node's to compile.
    if (content.length < MIN_BYTES || !filename.includes(`${sep}node_modules${sep}`) || format === "module")
      return original.call(this, content, filename, format);
    let entry;
    try {
      const { size, mtimeMs } = statSync(filename);
      entry = join(
        dir,
        `${createHash("sha256")
          .update(
            `${process.version}\0${process.execArgv.join(" ")}\0${flags || runtimeFlags()}\0${filename}\0${size}\0${mtimeMs}`,
          )
          .digest("hex")
          .slice(0, 32)}.bin`,
      );
    } catch {
      return original.call(this, content, filename, format);
    }
    let cachedData;
    try {
      cachedData = readFileSync(entry);
    } catch {
      // No cache yet for this file: compile it from source and produce one.
    }
    const source = content.startsWith("#!") ? `//${content.slice(2)}` : content;
    let script;
    try {
      script = new vm.Script(Module.wrap(source), {
        filename,
        cachedData,
        importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      });
    } catch (error) {
      // A package without "type" may hold ES-module syntax, which node detects and loads as a module.
      if (error instanceof SyntaxError && format !== "commonjs") return original.call(this, content, filename, format);
      throw error;
    }
    if (cachedData === undefined || script.cachedDataRejected) pending.push({ file: entry, script });
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, makeRequire(this), this, filename, dirname(filename));
  };

  const originalJs = CjsModule._extensions[".js"];
  CjsModule._extensions[".js"] = function loadWithCache(/** @type {any} */ module, /** @type {string} */ filename) {
    const large = readByEsmLoader(module) ? undefined : readLarge(filename);
    if (large === undefined) return originalJs.call(this, module, filename);
    module._compile(large.source, filename, large.format);
  };

  const flush = () => {
    if (pending.length === 0) return;
    const done = pending.splice(0);
    try {
      mkdirSync(dir, { recursive: true });
      for (const { file, script } of done) {
        const temp = `${file}.${process.pid}-${threadId}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, file);
      }
      pruneEntries(dir, new Set(done.map(({ file }) => file)));
    } catch {
      // A read-only checkout or a full disk: the next run compiles as usual.
    }
  };
  if (isMainThread) process.once("exit", flush);
  return flush;
}

/**
 * An entry made for a library since updated, or under V8 flags no longer used (a profiling run's), is
 * never read again, and each is megabytes (typescript's 3.5 MB). After a run writes entries, only the
 * KEEP_ENTRIES most recently used stay: used is the later of the last write and the last read, which
 * the file system keeps as the access time (at least daily under Linux's default `relatime`). An aside
 * file that a run stopped mid-write left behind goes after a day. A run reading an entry removed
 * meanwhile compiles as if it had none. The entries this run just wrote always stay (whatever the
 * others' times say: a copied cache, a clock set back).
 * @param {string} dir
 * @param {ReadonlySet<string>} written
 */
function pruneEntries(dir, written) {
  const entries = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) continue;
    if (name.endsWith(".tmp") && Date.now() - stat.mtimeMs > DAY_MS) rmSync(path, { force: true });
    else if (name.endsWith(".bin") && !written.has(path))
      entries.push({ path, used: Math.max(stat.atimeMs, stat.mtimeMs) });
  }
  entries.sort((a, b) => b.used - a.used);
  for (const { path } of entries.slice(Math.max(0, KEEP_ENTRIES - written.size))) rmSync(path, { force: true });
}

/**
 * The text of a large CommonJS file under node_modules, and its format as node's loader gives it to
 * `_compile` ("commonjs" when its package.json says so); undefined for node's loader to read: any other
 * file, a `.js` file of a package of ES modules, one whose package.json does not parse (node's error).
 * @param {string} filename
 * @returns {{ source: string, format: "commonjs" | undefined } | undefined}
 */
function readLarge(filename) {
  if (!filename.includes(`${sep}node_modules${sep}`) || !filename.endsWith(".js")) return undefined;
  if ((statSync(filename, { throwIfNoEntry: false })?.size ?? 0) < LARGE_BYTES) return undefined;
  const type = packageType(dirname(filename));
  if (type !== undefined && type !== "commonjs") return undefined;
  const bytes = readFileSync(filename);
  return {
    source: isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8"),
    format: type === "commonjs" ? "commonjs" : undefined,
  };
}

/**
 * The `type` of the package.json nearest above `dir`, as node decides a `.js` file's format; "unreadable"
 * for one that does not parse.
 * @param {string} dir
 * @returns {unknown}
 */
function packageType(dir) {
  for (let at = dir; ; at = dirname(at)) {
    let text;
    try {
      text = readFileSync(join(at, "package.json"), "utf8");
    } catch {
      if (dirname(at) === at) return undefined;
      continue;
    }
    try {
      return /** @type {{ type?: unknown }} */ (JSON.parse(text)).type;
    } catch {
      return "unreadable";
    }
  }
}

/**
 * Whether node's ES-module loader read this module's source already, to find its exports: node's own
 * `.js` loader then takes that text rather than reading the file again. (A private flag of node's; where
 * it is missing, the file is read twice, which costs time, not correctness.)
 * @param {object} module
 */
function readByEsmLoader(module) {
  return Object.getOwnPropertySymbols(module).some(
    (symbol) =>
      symbol.description === "kIsCachedByESMLoader" && /** @type {Record<symbol, unknown>} */ (module)[symbol] === true,
  );
}

/**
 * Where the generator records the V8 flags it set at run time on this thread (generator/shared/optimizer.ts):
 * a global, since the launcher and the bundled generator each hold a copy of this file.
 */
export const RUNTIME_FLAGS = Symbol.for("apigen.runtimeV8Flags");

function runtimeFlags() {
  const flags = /** @type {Record<symbol, unknown>} */ (globalThis)[RUNTIME_FLAGS];
  return typeof flags === "string" ? flags : "";
}

/** What Node's own loader hands a CommonJS module as `require`. */
function makeRequire(/** @type {any} */ mod) {
  const CjsModule = /** @type {any} */ (Module);
  const require = (/** @type {string} */ id) => mod.require(id);
  require.resolve = (/** @type {string} */ request, /** @type {any} */ options) =>
    CjsModule._resolveFilename(request, mod, false, options);
  require.resolve.paths = (/** @type {string} */ request) => CjsModule._resolveLookupPaths(request, mod);
  require.main = process.mainModule;
  require.extensions = CjsModule._extensions;
  require.cache = CjsModule._cache;
  return require;
}
