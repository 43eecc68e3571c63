/** Providers named on the command line, as targets: specs/<provider>.yaml and generated/<provider>/. */
import { readdir } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { Target } from "../pipeline.ts";

const SPEC_EXTENSIONS = [".yaml", ".yml", ".json"];

/** A problem with what the user typed: exit 2. */
export class UsageError extends Error {}

export async function providerTargets(
  specsDir: string,
  generatedDir: string,
  providers: readonly string[],
): Promise<Target[]> {
  const files = (await readdir(specsDir).catch(() => [] as string[]))
    .filter((f) => SPEC_EXTENSIONS.includes(extname(f)))
    .sort();
  const all = files.map((file) => {
    const provider = basename(file, extname(file));
    return { provider, specFile: join(specsDir, file), outDir: join(generatedDir, provider) };
  });
  if (all.length === 0) throw new UsageError(`no specs found in ${specsDir}`);
  const unknown = providers.filter((p) => !all.some((t) => t.provider === p));
  if (unknown.length > 0)
    throw new UsageError(
      `no spec for ${unknown.join(", ")} in ${specsDir} (known: ${all.map((t) => t.provider).join(", ")})`,
    );
  return providers.length === 0 ? all : all.filter((t) => providers.includes(t.provider));
}
