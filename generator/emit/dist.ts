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
import { memoKey, NO_MEMO, type Memo } from "../shared/memo.ts";

type Built = { js: string; dts: string };
const cache = new Map<string, Built>();

/** `declarations` holds ready-made `.d.ts` text for sources that have it (the client's, from its template). */
export async function emitDist(
  sources: Map<string, string>,
  declarations: Map<string, string> = new Map(),
  memo: Memo = NO_MEMO,
): Promise<Map<string, string>> {
  const [{ default: ts }, esbuild] = await Promise.all([import("typescript"), import("esbuild")]);
  const compilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    verbatimModuleSyntax: true,
    isolatedDeclarations: true,
    declaration: true,
    removeComments: false,
    newLine: ts.NewLineKind.LineFeed,
  };
  const out = new Map<string, string>();
  for (const [name, code] of sources) {
    const base = name.replace(/\.ts$/, "");
    const given = declarations.get(name);
    let built = given === undefined ? cache.get(code) : undefined;
    // A watcher's memo holds the package's own files (the client) from its last run.
    built ??= await memo.use(
      "dist",
      () => memoKey(name, code, given ?? ""),
      async (): Promise<Built> => {
        const js = await esbuild.transform(code, {
          loader: "ts",
          format: "esm",
          target: "es2022",
          sourcefile: name,
          legalComments: "none",
        });
        const made = { js: js.code, dts: given ?? declare(ts, compilerOptions, name, code) };
        if (given === undefined) cache.set(code, made);
        return made;
      },
    );
    out.set(`dist/${base}.js`, built.js);
    out.set(`dist/${base}.d.ts`, built.dts);
  }
  // The schema types are declarations already; dist re-exports them rather than copy a large file.
  out.set("dist/schema.d.ts", 'export * from "../src/schema.js";\n');
  out.set("dist/schema.js", "export {};\n");
  return out;
}

function declare(
  ts: typeof import("typescript"),
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
