/**
 * The package's `dist/`: JavaScript and declarations for each `src/*.ts` and
 * `src/runtime/*.ts` (as `dist/runtime/*.js` and `.d.ts`, imports unchanged).
 * JavaScript comes from esbuild's transform (a 1.3 MB client in 0.2 s, where
 * TypeScript's transpileModule takes 2 s); declarations from TypeScript's
 * single-file `transpileDeclaration`, which needs `isolatedDeclarations`-clean
 * sources (the templates and the runtime are written to be). Neither type
 * checks: `npm test` does. The runtime's results are memoised by source
 * text, since every package carries the same runtime; clients are unique per
 * package, so they are kept only in a watcher's memo, which holds one run's.
 */
import { sha256 } from "../shared/hash.ts";
import { loadEsbuild, loadTypescript, type Esbuild, type Typescript } from "../shared/libraries.ts";
import { memoKey, NO_MEMO, type Memo } from "../shared/memo.ts";
import { readStored, writeStored } from "../shared/stored.ts";

type Built = { js: string; dts: string };
const cache = new Map<string, Built>();
/** `.cache/dist-runtime.json` (shared/stored.ts). */
const STORE = "dist-runtime";

let esbuildReady: Promise<Esbuild> | undefined;

/**
 * Starts esbuild ahead of {@link emitDist}: its transforms run in a child process whose start (and the
 * module's load) takes a tenth of a second or more, which then overlaps the stages before dist.
 */
export function startDist(): Promise<Esbuild> {
  return (esbuildReady ??= Promise.resolve().then(async () => {
    const esbuild = loadEsbuild();
    await esbuild.transform("", { loader: "ts" }).catch(() => undefined);
    return esbuild;
  }));
}

/**
 * `declarations` holds ready-made `.d.ts` text for sources that have it (the client's, from its template).
 * `shapes` holds, for a source whose declarations do not depend on all of its text, a shorter text with
 * the same declarations (testing.ts without the value of its unexported, annotated data constant): they
 * are made from it, and TypeScript does not parse the rest.
 * `generator` is the generator's fingerprint: with it, the runtime's results are also kept on disk
 * (see {@link storedRuntime}).
 */
export async function emitDist(
  sources: Map<string, string>,
  declarations: Map<string, string> = new Map(),
  generator?: string,
  memo: Memo = NO_MEMO,
  shapes: Map<string, string> = new Map(),
): Promise<Map<string, string>> {
  // Not read again by a process that holds the runtime's files already (a watcher, from its first save on).
  const held = [...sources].every(([name, code]) => !name.startsWith("runtime/") || cache.has(code));
  const store = generator === undefined || held ? undefined : await storedRuntime(generator, sources);
  for (const [code, built] of store?.found ?? []) cache.set(code, built);
  const esbuild = await startDist();
  // typescript only when a declaration is made here (kept and given ones need none): a run that
  // regenerates one small spec then never loads it on this thread (emit/types-job.ts).
  let typescript: { ts: Typescript; compilerOptions: import("typescript").CompilerOptions } | undefined;
  const declareOn = (name: string, code: string) => {
    if (typescript === undefined) {
      const ts = loadTypescript();
      const compilerOptions = {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        verbatimModuleSyntax: true,
        isolatedDeclarations: true,
        declaration: true,
        removeComments: false,
        newLine: ts.NewLineKind.LineFeed,
      };
      typescript = { ts, compilerOptions };
    }
    return declare(typescript.ts, typescript.compilerOptions, name, code);
  };
  const out = new Map<string, string>();
  for (const [name, code] of sources) {
    const base = name.replace(/\.ts$/, "");
    const given = declarations.get(name);
    const shape = shapes.get(name);
    let built = given === undefined && shape === undefined ? cache.get(code) : undefined;
    // A watcher's memo holds the package's own files (the client) from its last run.
    built ??= await memo.use(
      "dist",
      () => (shape === undefined ? memoKey(name, code, given ?? "") : memoKey(name, code, given ?? "", shape)),
      async (): Promise<Built> => {
        const js = await esbuild.transform(code, {
          loader: "ts",
          format: "esm",
          target: "es2022",
          sourcefile: name,
          legalComments: "none",
        });
        const made = { js: js.code, dts: given ?? declareOn(name, shape ?? code) };
        if (given === undefined && shape === undefined) cache.set(code, made);
        return made;
      },
    );
    out.set(`dist/${base}.js`, built.js);
    out.set(`dist/${base}.d.ts`, built.dts);
  }
  // The schema types are declarations already; dist re-exports them rather than copy a large file.
  out.set("dist/schema.d.ts", 'export * from "../src/schema.js";\n');
  out.set("dist/schema.js", "export {};\n");
  if (store && store.found.size === 0) await store.save((code) => cache.get(code));
  return out;
}

/**
 * The runtime's `dist/` files, kept in `.cache/dist-runtime.json` across runs.
 * They depend only on the generator (its runtime sources, this file, the
 * esbuild and TypeScript versions: all in its fingerprint), never on a spec,
 * yet declarations cost a TypeScript program per file: about a fifth of a run
 * that regenerates one small spec. One entry, for the latest generator:
 * anything else (another fingerprint, a runtime source not in it, a damaged
 * file) is a miss, and the run computes and saves them as before.
 */
async function storedRuntime(generator: string, sources: Map<string, string>) {
  const runtime = [...sources].filter(([name]) => name.startsWith("runtime/")).map(([, code]) => code);
  const key = sha256([generator, ...runtime].join("\0"));
  const found = new Map<string, Built>();
  const stored = await readStored(STORE, key);
  if (Array.isArray(stored) && stored.length === runtime.length)
    for (const [code, built] of stored as [string, Built | undefined][])
      if (typeof built?.js === "string" && typeof built.dts === "string") found.set(code, built);
  if (runtime.some((code) => !found.has(code))) found.clear();
  const save = async (lookup: (code: string) => Built | undefined) => {
    const built = runtime.map((code) => [code, lookup(code)] as const);
    if (built.some(([, b]) => b === undefined)) return;
    await writeStored(STORE, key, built);
  };
  return { found, save };
}

function declare(
  ts: Typescript,
  compilerOptions: import("typescript").CompilerOptions,
  name: string,
  code: string,
): string {
  const dts = ts.transpileDeclaration(code, { compilerOptions, fileName: name, reportDiagnostics: true });
  const problem = dts.diagnostics?.[0];
  if (problem) {
    const text = ts.flattenDiagnosticMessageText(problem.messageText, "\n");
    throw new Error(`generator bug: ${name} is not isolatedDeclarations-clean: ${text}`);
  }
  return dts.outputText;
}
