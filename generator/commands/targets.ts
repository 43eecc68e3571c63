/** Providers named on the command line (`release`, `diff`), as targets: specs/<provider>.yaml and generated/<provider>/. */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Target } from "../pipeline.ts";
import { MANIFEST_FILE } from "../write/manifest.ts";
import { UsageError, listTargets, namedTargets } from "../targets.ts";

export { UsageError };

/** The named providers' targets, or all when none is named; which files are specs is {@link listTargets}'s call, as for `generate`. */
export async function providerTargets(
  specsDir: string,
  generatedDir: string,
  providers: readonly string[],
): Promise<Target[]> {
  const all = await listTargets(specsDir, generatedDir);
  if (all.length === 0) throw new UsageError(`no specs found in ${specsDir}`);
  return namedTargets(all, providers, specsDir);
}

/**
 * Packages in the generated folder that no spec makes any more (their spec was deleted or renamed):
 * folders holding an apigen manifest whose name no target has, in name order.
 */
export async function orphanedPackages(generatedDir: string, targets: readonly Target[]): Promise<string[]> {
  const known = new Set(targets.map((t) => t.provider));
  const out: string[] = [];
  for (const entry of await readdir(generatedDir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory() || known.has(entry.name)) continue;
    const files = await readdir(join(generatedDir, entry.name)).catch(() => [] as string[]);
    if (files.includes(MANIFEST_FILE)) out.push(entry.name);
  }
  return out.sort();
}
