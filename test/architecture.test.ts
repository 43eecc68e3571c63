/**
 * Imports flow one way (ARCHITECTURE.md): load -> validate -> ir -> emit -> write, with shared
 * building blocks underneath and the pipeline and CLI on top. Every import of every file under
 * generator/ (and the docs-site builder, wherever it lives) is parsed with TypeScript's own
 * pre-processor and checked against the table below.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/run.ts";

/** Shared building blocks: anything may import them; they import only each other. */
const FOUNDATION = ["shared", "errors.ts", "paths.ts"];

/** What each part may import besides itself and FOUNDATION. The order of the pipeline, written down. */
const ALLOWED: Record<string, readonly string[]> = {
  shared: [],
  "errors.ts": [],
  "paths.ts": [],
  // Copied verbatim into every package: it cannot import anything of the generator's.
  runtime: [],
  load: [],
  validate: ["load"],
  ir: ["load", "validate"],
  // The docs describe the runtime's defaults (retries, idempotent methods), so emit reads its constants.
  emit: ["validate", "ir", "runtime"],
  format: [],
  write: [],
  // Changes are classified for client users, in the client's names: those come from the IR.
  changes: ["load", "validate", "ir"],
  "fingerprint.ts": [],
  "pipeline.ts": ["load", "validate", "ir", "emit", "format", "write", "changes", "runtime", "fingerprint.ts"],
  // Command-line helpers above the pipeline: the spec files that are targets, the dry-run change report.
  "targets.ts": ["pipeline.ts"],
  "report.ts": ["changes", "pipeline.ts"],
  // Many providers at once (--jobs worker pool, --shard): runs the pipeline per provider, then
  // applies the workspace lock one provider after another.
  parallel: ["pipeline.ts", "write"],
  // The watcher's machinery (file-tree watcher, child supervisor, source hash): plain Node, no stage.
  watch: [],
  "watch.ts": [
    "load",
    "validate",
    "ir",
    "emit",
    "format",
    "write",
    "changes",
    "fingerprint.ts",
    "pipeline.ts",
    "targets.ts",
    "report.ts",
    "watch",
  ],
  // One module per subcommand beside generate/check/watch (release, diff): the CLI's level.
  commands: [
    "load",
    "validate",
    "ir",
    "emit",
    "format",
    "write",
    "changes",
    "fingerprint.ts",
    "pipeline.ts",
    "targets.ts",
    "report.ts",
  ],
  "cli.ts": [
    "load",
    "validate",
    "ir",
    "emit",
    "format",
    "write",
    "changes",
    "fingerprint.ts",
    "pipeline.ts",
    "targets.ts",
    "report.ts",
    "watch.ts",
    "commands",
    "parallel",
  ],
  // The docs site reads generated packages; it is a tool of its own beside the generator.
  site: [],
};

/**
 * Imports against the direction that today's code still has, in areas being reworked on other
 * branches. Each entry is a debt: once its import is gone, this test fails until the entry is
 * removed, so the list only shrinks.
 */
const KNOWN_EXCEPTIONS: { from: string; to: string; why: string }[] = [];

interface Edge {
  /** Importing file, relative to the repo root. */
  file: string;
  /** Imported file, relative to the repo root. */
  target: string;
}

/** The part of the code base a file belongs to: its folder under generator/, a top-level file's name, or "site". */
function partOf(file: string): string | undefined {
  const [top, part] = file.split("/");
  if (top === "site") return "site";
  return top === "generator" ? part : undefined;
}

/** Imports that break the table, exceptions aside, as "file -> target (from -> to)". */
function violations(edges: readonly Edge[], exceptions = KNOWN_EXCEPTIONS): string[] {
  const found: string[] = [];
  for (const { file, target } of edges) {
    const from = partOf(file);
    const to = partOf(target);
    if (from === undefined || to === undefined || from === to) continue;
    if (FOUNDATION.includes(to) && from !== "runtime") continue; // everything but the runtime stands on it
    if (ALLOWED[from]?.includes(to)) continue;
    if (exceptions.some((e) => e.from === from && e.to === to)) continue;
    found.push(`${file} -> ${target} (${from} may not import ${to})`);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && /\.(ts|mts|mjs|js)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** Module names of every import, re-export and dynamic `import()` in the file. */
function moduleNames(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, false);
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      names.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      names.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** The file's relative imports, resolved against the repo root. */
function importsOf(file: string): Edge[] {
  return moduleNames(file)
    .filter((name) => name.startsWith("."))
    .map((name) => ({
      file,
      target: relative(ROOT, resolve(ROOT, dirname(file), name))
        .split(sep)
        .join("/"),
    }));
}

const FILES = [...sourceFiles("generator"), ...sourceFiles("site")];
const EDGES = FILES.flatMap(importsOf);

describe("the import rule", () => {
  it("reads a real import graph", () => {
    expect(FILES.length).toBeGreaterThan(40);
    expect(EDGES).toContainEqual({ file: "generator/pipeline.ts", target: "generator/write/write.ts" });
    // Dynamic imports count too: the pipeline loads its stages lazily.
    expect(EDGES).toContainEqual({ file: "generator/pipeline.ts", target: "generator/ir/build.ts" });
  });

  it("catches an import against the direction", () => {
    const backwards = [
      { file: "generator/ir/build.ts", target: "generator/emit/client.ts" },
      { file: "generator/runtime/runtime.ts", target: "generator/shared/json.ts" },
      { file: "generator/shared/json.ts", target: "generator/ir/types.ts" },
    ];
    expect(violations(backwards)).toHaveLength(3);
    expect(violations([{ file: "generator/emit/client.ts", target: "generator/ir/types.ts" }])).toEqual([]);
  });

  it("every file belongs to a part the table knows (a new folder gets a row here and in ARCHITECTURE.md)", () => {
    const unknown = FILES.filter((file) => ALLOWED[partOf(file) ?? ""] === undefined);
    expect(unknown).toEqual([]);
  });

  it("every import flows the allowed way", () => {
    expect(violations(EDGES)).toEqual([]);
  });

  it("every known exception is still needed (remove the ones that are not)", () => {
    const stale = KNOWN_EXCEPTIONS.filter(
      (e) => violations(EDGES, [...KNOWN_EXCEPTIONS.filter((x) => x !== e)]).length === violations(EDGES).length,
    );
    expect(stale.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it("ARCHITECTURE.md names every part", () => {
    const doc = readFileSync(join(ROOT, "ARCHITECTURE.md"), "utf8");
    for (const part of Object.keys(ALLOWED)) expect(doc, part).toContain(part.endsWith(".ts") ? part : `${part}/`);
  });
});
