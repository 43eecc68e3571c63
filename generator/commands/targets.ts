/** Providers named on the command line (`release`, `diff`), as targets: specs/<provider>.yaml and generated/<provider>/. */
import type { Target } from "../pipeline.ts";
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
