/**
 * Every TypeScript example in the generated docs compiles against the package
 * it documents: the blocks are written into a consumer project under the OS
 * temp folder whose node_modules holds the generated packages, and ONE
 * `tsc --noEmit` checks them all with strict NodeNext settings. A failure
 * names the markdown file and line of the offending code.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CodeBlock,
  type DocFile,
  GENERATED,
  codeBlocks,
  docFiles,
  isTypeScript,
  locate,
  makeConsumer,
  typecheck,
  writeBlocks,
} from "./support.ts";

/** A deliberately broken example: proves a failing block is reported, and reported at its doc line. */
const CANARY = `export {};\n\nconst wrong: number = "not a number";\nconsole.log(wrong);\n`;

let dir: string;
let docs: DocFile[];
let blocks: CodeBlock[];
let files: Map<string, CodeBlock>;
let result: Awaited<ReturnType<typeof typecheck>>;

beforeAll(async () => {
  // The package READMEs show an example too; it must compile like the docs' ones.
  docs = await docFiles(undefined, true);
  blocks = docs.flatMap(codeBlocks).filter(isTypeScript);
  dir = await mkdtemp(join(tmpdir(), "apigen-doc-examples-"));
  const providers = (await readdir(GENERATED, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  await makeConsumer(dir, Object.fromEntries(providers.map((p) => [p, join(GENERATED, p)])));
  files = await writeBlocks(dir, blocks);
  const canary: DocFile = { path: "canary.md", name: "canary.md", provider: "latitudesh", text: "" };
  files.set("canary.ts", { doc: canary, line: 10, lang: "ts", quoted: false, code: CANARY });
  await writeFile(join(dir, "canary.ts"), CANARY);
  result = await typecheck(dir);
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("TypeScript examples in the generated docs", () => {
  it("exist for every provider, on the overview, every tag page and every model page", () => {
    const providers = new Set(docs.map((d) => d.provider));
    expect(providers.size).toBeGreaterThanOrEqual(1);
    for (const doc of docs)
      expect(
        blocks.some((b) => b.doc === doc),
        `${doc.name} has no ts example`,
      ).toBe(true);
  });

  it("are complete modules that import the package they document", () => {
    for (const block of blocks) {
      expect(block.code, `${block.doc.name}:${block.line}`).toMatch(new RegExp(`from "@apigen/${block.doc.provider}"`));
    }
  });

  it("every operation has an example that calls it", () => {
    for (const doc of docs.filter((d) => d.name.includes("/docs/tags/"))) {
      const calls = [...doc.text.matchAll(/^- Call: `(api\.[\w$]+\.[\w$]+)\(/gmu)].map((m) => m[1]!);
      expect(calls.length, doc.name).toBeGreaterThan(0);
      const code = codeBlocks(doc)
        .map((b) => b.code)
        .join("\n");
      for (const call of calls) expect(code, `${doc.name}: no example calls ${call}`).toContain(`${call}(`);
    }
  });

  it("typecheck against the generated packages (one tsc run, strict NodeNext)", () => {
    const problems = result.diagnostics.filter((d) => !d.file.endsWith("canary.ts")).map((d) => locate(d, files));
    const unparsed = result.code !== 0 && result.diagnostics.length === 0 ? [result.output] : [];
    expect([...unparsed, ...problems].join("\n\n")).toBe("");
  });

  it("are laid out as prettier would lay them out (printWidth 120), so readers copy tidy code", async () => {
    const prettier = await import("prettier");
    const unlike: string[] = [];
    for (const block of blocks) {
      const formatted = await prettier.format(block.code, { parser: "typescript", printWidth: 120 });
      if (formatted !== block.code) unlike.push(`${block.doc.name}:${block.line}`);
    }
    expect(blocks.length).toBeGreaterThan(50);
    expect(unlike).toEqual([]);
  });

  it("report a broken example at its markdown file and line (canary)", () => {
    const canary = result.diagnostics.filter((d) => d.file.endsWith("canary.ts"));
    expect(canary.length).toBeGreaterThan(0);
    expect(locate(canary[0]!, files)).toMatch(
      /^canary\.md:12:7 \(line 3 of the example starting at line 10\): error TS2322/,
    );
  });
});
