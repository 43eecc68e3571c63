import { readdir } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { Target } from "./pipeline.ts";

/** The files in a specs folder that are provider specs. */
export const SPEC_EXTENSIONS = [".yaml", ".yml", ".json"];

export function isSpecFile(name: string): boolean {
  return SPEC_EXTENSIONS.includes(extname(name)) && !name.startsWith(".");
}

/** One target per spec file in the specs folder (generated/<provider>/ for specs/<provider>.yaml), in name order. */
export async function listTargets(specsDir: string, generatedDir: string): Promise<Target[]> {
  const files = (await readdir(specsDir, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile() && isSpecFile(e.name))
    .map((e) => e.name)
    .sort();
  return files.map((file) => {
    const provider = basename(file, extname(file));
    return { provider, specFile: join(specsDir, file), outDir: join(generatedDir, provider) };
  });
}
