/**
 * Verdicts proven by the compiler, for every rule of generator/changes/rules.ts (verdict-cases.ts
 * holds the table). For each case the old and new spec are generated into client packages (types
 * and client, in-process), a caller written against the old package is compiled against both in
 * one TypeScript program, and the outcome must agree with the classifier: a caller that stops
 * compiling means the rule says breaking; a caller that keeps compiling means not breaking, unless
 * the case says why the compiler cannot see the break (the wire or the server's behaviour changes),
 * and then the rule's caller sentence must say that code compiles.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffSpecs } from "../../generator/changes/diff.ts";
import { RULES } from "../../generator/changes/rules.ts";
import { highestLevel } from "../../generator/changes/semver.ts";
import { emitClient } from "../../generator/emit/client.ts";
import { PACKAGE_TSCONFIG } from "../../generator/emit/package.ts";
import { loadTemplates } from "../../generator/emit/templates.ts";
import { emitTypes } from "../../generator/emit/types.ts";
import { buildIR } from "../../generator/ir/build.ts";
import { parseSpecText } from "../../generator/load/load.ts";
import { RUNTIME_DIR } from "../../generator/paths.ts";
import { validateAndBundle } from "../../generator/validate/validate.ts";
import { ROOT } from "../support/run.ts";
import { baseSpec, verdictCases as rows, type Json } from "./verdict-cases.ts";

let work: string;
const compiles = new Map<number, { old: string[]; new: string[] }>();

async function bundle(spec: Json, dir: string): Promise<Record<string, unknown>> {
  const file = join(dir, "spec.json");
  return (await validateAndBundle(parseSpecText(file, JSON.stringify(spec)))) as never;
}

/** src/ of the package generated from `spec`, with the runtime shared by every package of the run. */
async function writePackage(
  spec: Json,
  dir: string,
  templates: Awaited<ReturnType<typeof loadTemplates>>,
): Promise<Record<string, unknown>> {
  await mkdir(dir, { recursive: true });
  const bundled = (await bundle(spec, dir)) as unknown as Parameters<typeof buildIR>[0];
  const ir = buildIR(bundled, "demo");
  const banner = "// verdict test";
  const { client, index } = emitClient(ir, templates, banner);
  await mkdir(join(dir, "runtime"), { recursive: true });
  await Promise.all([
    writeFile(join(dir, "schema.d.ts"), await emitTypes(bundled.document, banner)),
    writeFile(join(dir, "client.ts"), client),
    writeFile(join(dir, "index.ts"), index),
    writeFile(join(dir, "runtime", "index.ts"), `export * from "../../../runtime/index.js";\n`),
  ]);
  return bundled.document;
}

const documents = new Map<number, { before: Record<string, unknown>; after: Record<string, unknown> }>();

beforeAll(async () => {
  // Inside the repository, so the packages resolve openapi-fetch from its node_modules.
  await mkdir(join(ROOT, ".cache"), { recursive: true });
  work = await mkdtemp(join(ROOT, ".cache", "verdicts-"));
  await writeFile(join(work, "package.json"), `{ "type": "module" }\n`);
  await cp(RUNTIME_DIR, join(work, "runtime"), { recursive: true });
  const templates = await loadTemplates();
  // Old packages by spec: most cases start from the base, generated once under old0/.
  const olds = new Map<string, { dir: string; document: Record<string, unknown> }>();
  const callers: string[] = [];
  for (const [i, row] of rows.entries()) {
    const oldSpec = baseSpec();
    row.old?.(oldSpec);
    const key = JSON.stringify(oldSpec);
    let old = olds.get(key);
    if (!old) {
      const dir = `old${olds.size}`;
      old = { dir, document: await writePackage(oldSpec, join(work, dir, "pkg"), templates) };
      olds.set(key, old);
    }
    const spec = structuredClone(oldSpec);
    row.edit(spec);
    const after = await writePackage(spec, join(work, `case${i}`, "pkg"), templates);
    documents.set(i, { before: old.document, after });
    for (const [side, from] of [
      ["old", `../${old.dir}/pkg/index.js`],
      ["new", "./pkg/index.js"],
    ] as const) {
      const file = join(work, `case${i}`, `caller-${side}.ts`);
      const code = `import { createDemoClient, isApiError, type components, type paths } from "${from}";\nexport async function caller(api: ReturnType<typeof createDemoClient>): Promise<void> {\n${row.caller}\n}\nexport type Types = [components, paths, typeof isApiError];\n`;
      await writeFile(file, code);
      callers.push(file);
    }
  }
  // One program for every case: one type-check, not one process per case.
  const { options } = ts.convertCompilerOptionsFromJson(
    { ...PACKAGE_TSCONFIG.compilerOptions, declaration: false, isolatedDeclarations: false, noUnusedLocals: false },
    work,
  );
  const program = ts.createProgram(callers, options);
  for (const i of rows.keys()) {
    const errors = (side: string) =>
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(join(work, `case${i}`, `caller-${side}.ts`)))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    compiles.set(i, { old: errors("old"), new: errors("new") });
  }
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const cases = rows.map((row, i) => ({ ...row, i, name: `${row.rule} (${row.level})` }));

describe("verdicts proven by the compiler", () => {
  it("every rule of the registry, at every level it reports, has a case", () => {
    const missing = Object.entries(RULES).flatMap(([rule, { levels }]) =>
      levels.filter((level) => !rows.some((r) => r.rule === rule && r.level === level)).map((l) => `${rule} (${l})`),
    );
    // On failure: add a case for each to test/changes/verdict-cases.ts.
    expect(missing).toEqual([]);
  });

  it.each(cases)("$name: caller compiles against the new package: $compiles", (row) => {
    const result = compiles.get(row.i)!;
    // The caller is right for the old package; otherwise the case proves nothing.
    expect(result.old).toEqual([]);
    expect(result.new.length === 0, result.new.join("\n")).toBe(row.compiles);
    const { before, after } = documents.get(row.i)!;
    const changes = diffSpecs(before, after);
    expect(changes.map((c) => `${c.level} ${c.kind}`)).toContain(`${row.level} ${row.rule}`);
    expect(highestLevel(changes)).toBe(row.level);
    if (row.runtime !== undefined) {
      // The compiler cannot decide this verdict: the caller keeps compiling, and the rule says so when it breaks.
      expect(row.compiles).toBe(true);
      expect(row.runtime.length).toBeGreaterThan(20);
      if (row.level === "breaking") expect(RULES[row.rule].caller).toMatch(/compiles|unknown/);
      return;
    }
    // The compiler decides: a caller that breaks means breaking, and one that compiles means not.
    expect(row.level === "breaking").toBe(!row.compiles);
    if (!row.compiles) expect(RULES[row.rule].caller).toMatch(/compile error|not compile/);
  });
});
