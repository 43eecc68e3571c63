import type { Release } from "./pipeline.ts";

/**
 * What a regeneration means for the package's users, as `--dry-run` prints it:
 * the version impact and one line per API change, then the files (`verb`:
 * "would write" for a dry run, "wrote" after a real one), indented under `header`.
 */
export async function changeReport(header: string, release: Release, changed: string[], verb: string): Promise<string> {
  const { formatReport } = await import("./changes/changelog.ts");
  const from = release.previousVersion ?? "(new)";
  const files =
    changed.length === 0
      ? `  no file ${verb === "wrote" ? "changed" : "would change"}`
      : changed.map((f) => `  ${verb} ${f}`).join("\n");
  return `${header}\n${formatReport(release.changes, from, release.next ?? release.version, release.regenerated)
    .replace(/^/gm, "  ")
    .trimEnd()}\n${files}\n`;
}
