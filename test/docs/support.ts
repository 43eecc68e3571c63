/**
 * Shared by the docs tests: finding the generated docs, pulling the TypeScript
 * examples out of them, and typechecking those examples the way a consumer of
 * the published packages would (a project that installed them from npm).
 */
import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import MarkdownIt from "markdown-it";
import { main as markdownlint } from "markdownlint-cli2";
import { ROOT, tsc } from "../support/run.ts";

/** The generated packages under test; APIGEN_DOCS_GENERATED points the tests at another copy. */
export const GENERATED = process.env.APIGEN_DOCS_GENERATED ?? join(ROOT, "generated");

export interface DocFile {
  /** Absolute path. */
  path: string;
  /** Path for messages, relative to the repo (or to GENERATED's parent). */
  name: string;
  provider: string;
  text: string;
}

/** Every markdown file under `<generated>/<provider>/docs/` (and with `withReadme`, each package's README.md), sorted. */
export async function docFiles(generated = GENERATED, withReadme = false): Promise<DocFile[]> {
  const files: DocFile[] = [];
  for (const provider of (await readdir(generated)).sort()) {
    const readme = join(generated, provider, "README.md");
    const readmeText = withReadme ? await readFile(readme, "utf8").catch(() => undefined) : undefined;
    if (readmeText !== undefined) {
      files.push({
        path: readme,
        name: relative(generated.startsWith(ROOT) ? ROOT : join(generated, ".."), readme),
        provider,
        text: readmeText,
      });
    }
    const docs = join(generated, provider, "docs");
    let entries;
    try {
      entries = await readdir(docs, { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
      const path = join(entry.parentPath, entry.name);
      const name = relative(generated.startsWith(ROOT) ? ROOT : join(generated, ".."), path);
      files.push({ path, name, provider, text: await readFile(path, "utf8") });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

export const markdown = new MarkdownIt();

export interface CodeBlock {
  doc: DocFile;
  /** 1-based line in the doc of the block's first line of code. */
  line: number;
  lang: string;
  /** Quoted from a spec description (info string `<lang> from-spec`), not generated: shown, never compiled. */
  quoted: boolean;
  code: string;
}

/** Fenced code blocks of a doc, as markdown-it sees them (so fences inside fences are not miscounted). */
export function codeBlocks(doc: DocFile): CodeBlock[] {
  return markdown
    .parse(doc.text, {})
    .filter((t) => t.type === "fence")
    .map((t) => {
      const words = t.info.trim().split(/\s+/);
      return { doc, line: t.map![0] + 2, lang: words[0] ?? "", quoted: words.includes("from-spec"), code: t.content };
    });
}

/** A generated TypeScript example (code quoted from the spec is left out). */
export function isTypeScript(block: CodeBlock): boolean {
  return (block.lang === "ts" || block.lang === "typescript") && !block.quoted;
}

/** The strict consumer settings examples must compile under. */
export const EXAMPLE_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noImplicitOverride: true,
    noUnusedLocals: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    noEmit: true,
    types: ["node"],
    // The packages' own declarations are checked by their tests; here only the examples are.
    skipLibCheck: true,
    // Keep installed packages at their node_modules path so their dependencies resolve from there.
    preserveSymlinks: true,
  },
  include: ["*.ts"],
};

/**
 * A consumer project in `dir`: `node_modules` links every installed package
 * of the repo, except that `@apigen/<name>` links to the packages given.
 */
export async function makeConsumer(dir: string, packages: Record<string, string>): Promise<void> {
  const modules = join(dir, "node_modules");
  await mkdir(join(modules, "@apigen"), { recursive: true });
  for (const entry of await readdir(join(ROOT, "node_modules"))) {
    if (entry === "@apigen" || entry.startsWith(".")) continue;
    await symlink(join(ROOT, "node_modules", entry), join(modules, entry));
  }
  for (const [name, path] of Object.entries(packages)) await symlink(path, join(modules, "@apigen", name));
  await writeFile(
    join(dir, "package.json"),
    JSON.stringify({ name: "docs-examples", private: true, type: "module" }, null, 2),
  );
  await writeFile(join(dir, "tsconfig.json"), JSON.stringify(EXAMPLE_TSCONFIG, null, 2));
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One `tsc --noEmit` over every file of the consumer project; diagnostics by file. */
export async function typecheck(dir: string): Promise<{ code: number; diagnostics: Diagnostic[]; output: string }> {
  const result = await tsc(["-p", join(dir, "tsconfig.json")], { cwd: dir });
  const output = result.stdout + result.stderr;
  const diagnostics: Diagnostic[] = [];
  let last: Diagnostic | undefined;
  for (const line of output.split("\n")) {
    const m = /^(.+?)\((\d+),(\d+)\): (error .*)$/.exec(line);
    if (m) {
      last = { file: m[1]!, line: Number(m[2]), column: Number(m[3]), message: m[4]! };
      diagnostics.push(last);
    } else if (last && line.startsWith("  ")) {
      last.message += `\n${line}`;
    }
  }
  return { code: result.code, diagnostics, output };
}

/** Writes each block as `<index>-<doc>.ts` and returns the file name -> block map. */
export async function writeBlocks(dir: string, blocks: CodeBlock[]): Promise<Map<string, CodeBlock>> {
  const files = new Map<string, CodeBlock>();
  for (const [i, block] of blocks.entries()) {
    const base = block.doc.name.replace(/[^A-Za-z0-9]+/g, "_").slice(-80);
    const file = `${String(i).padStart(4, "0")}-${base}-L${block.line}.ts`;
    files.set(file, block);
    await writeFile(join(dir, file), block.code);
  }
  return files;
}

/** `doc.md:line:col (example line n): error ...`, pointing at the markdown the reader sees. */
export function locate(d: Diagnostic, files: Map<string, CodeBlock>): string {
  const block = files.get(d.file.replace(/^.*[\\/]/, ""));
  if (!block) return `${d.file}(${d.line},${d.column}): ${d.message}`;
  return `${block.doc.name}:${block.line + d.line - 1}:${d.column} (line ${d.line} of the example starting at line ${block.line}): ${d.message}`;
}

/** markdownlint-cli2 (in-process, its CLI entry) on `globs` under `directory`, with the committed config. */
export async function lintDocs(
  directory: string,
  globs: string[],
): Promise<{ code: number; errors: string[]; files: number }> {
  const errors: string[] = [];
  let files = 0;
  const code = await markdownlint({
    directory,
    argv: ["--config", join(ROOT, ".markdownlint-cli2.jsonc"), ...globs],
    logMessage: (message: string) => {
      const m = /^Linting: (\d+) file/.exec(message);
      if (m) files = Number(m[1]);
    },
    logError: (message: string) => errors.push(message),
  });
  return { code, errors, files };
}
