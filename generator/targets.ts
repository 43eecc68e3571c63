import { readdir } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { Target } from "./pipeline.ts";
import { closest } from "./shared/suggest.ts";

/** Bad usage (an unknown flag, provider or value): printed as one plain line, exit code 2. */
export class UsageError extends Error {}

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

/**
 * The targets `providers` names, in `all`'s order; all of them when none is named. A name with
 * no spec is a usage error that lists the known ones and suggests the closest.
 */
export function namedTargets<T extends Target>(all: readonly T[], providers: readonly string[], specsDir: string): T[] {
  if (providers.length === 0) return [...all];
  const known = all.map((t) => t.provider);
  for (const provider of providers) {
    if (known.includes(provider)) continue;
    const suggestion = closest(provider, known);
    throw new UsageError(
      `no spec for "${provider}" in ${specsDir}${suggestion ? `; did you mean "${suggestion}"?` : ""} (known: ${known.join(", ") || "none"})`,
    );
  }
  return all.filter((t) => providers.includes(t.provider));
}
