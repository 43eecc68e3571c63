import type { Release } from "./pipeline.ts";

/**
 * What a regeneration means for the package's users, as `--dry-run` prints it:
 * the version impact and one line per API change, then the files (`verb`:
 * "would write" for a dry run, "wrote" after a real one), indented under `header`.
 */
export async function changeReport(header: string, release: Release, changed: string[], verb: string): Promise<string> {
  const { formatReport } = await import("./changes/changelog.ts");
  const files =
    changed.length === 0
      ? `  no file ${verb === "wrote" ? "changed" : "would change"}`
      : changed.map((f) => `  ${verb} ${f}`).join("\n");
  const version = release.next ?? release.version;
  // No package there before: nothing to compare with, so no changes to list.
  const summary =
    release.previousVersion === undefined
      ? `new package, version ${version}\n`
      : formatReport(release.changes, release.previousVersion, version, release.regenerated);
  return `${header}\n${summary.replace(/^/gm, "  ").trimEnd()}\n${files}\n`;
}
