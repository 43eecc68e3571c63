/**
 * The package's `dist/`: JavaScript and declarations for each `src/*.ts`.
 * Both come from TypeScript's single-file transforms (no program, no type
 * check: `npm test` typechecks the sources), which is what keeps generation
 * fast. Declarations need `isolatedDeclarations`-clean sources, which the
 * templates and the runtime are written to be.
 */
export async function emitDist(sources: Map<string, string>): Promise<Map<string, string>> {
  const { default: ts } = await import("typescript");
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
    const js = ts.transpileModule(code, { compilerOptions, fileName: name, reportDiagnostics: false });
    out.set(`dist/${base}.js`, js.outputText);
    const dts = ts.transpileDeclaration(code, { compilerOptions, fileName: name, reportDiagnostics: true });
    const problem = dts.diagnostics?.[0];
    if (problem) {
      const text = ts.flattenDiagnosticMessageText(problem.messageText, "\n");
      throw new Error(`generator bug: ${name} is not isolatedDeclarations-clean: ${text}`);
    }
    out.set(`dist/${base}.d.ts`, dts.outputText);
  }
  // The schema types are declarations already; dist re-exports them rather than copy a large file.
  out.set("dist/schema.d.ts", 'export * from "../src/schema.js";\n');
  out.set("dist/schema.js", "export {};\n");
  return out;
}
