import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { GENERATOR_DIR } from "../paths.ts";
import { sha256 } from "../shared/hash.ts";

/** Whether a path below generator/ is part of the CLI (the docs-site builder is not: bin/apigen.mjs leaves it out). */
export function isGeneratorSource(rel: string): boolean {
  return !rel.startsWith(`site${sep}`) && rel !== "site" && !isEditorLitter(rel);
}

/** Swap, backup and probe files editors write beside the file being saved (`.x.swp`, `x~`, vim's `4913`, `x___jb_tmp___`). */
export function isEditorLitter(rel: string): boolean {
  const name = rel.split(sep).at(-1) ?? rel;
  return name.startsWith(".") || name.endsWith("~") || /^\d+$/.test(name) || name.includes("___jb_");
}

/** One hash of the files the running watcher was built from, to tell a real edit from an editor's temp-file churn. */
export async function generatorSourceHash(): Promise<string> {
  const entries = await readdir(GENERATOR_DIR, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && isGeneratorSource(relative(GENERATOR_DIR, join(e.parentPath, e.name))))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const parts: string[] = [];
  for (const file of files) parts.push(relative(GENERATOR_DIR, file), sha256(await readFile(file).catch(() => "")));
  return sha256(parts.join("\n"));
}
