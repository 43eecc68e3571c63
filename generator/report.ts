import type { Release } from "./pipeline.ts";

/**
 * What a regeneration means for the package's users, as `--dry-run` prints it:
 * the version impact and one line per API change, then the files (`verb`:
 * "would write" for a dry run, "wrote" after a real one), indented under `header`.
 */
export async function changeReport(header: string, release: Release, changed: string[], verb: string): Promise<string> {
  const { formatReport } = await import("./changes/changelog.ts");
  const isNew = release.previousVersion === undefined;
  const files =
    changed.length === 0
      ? `  no file ${verb === "wrote" ? "changed" : "would change"}`
      : isNew
        ? `  ${verb} ${outline(changed)}`
        : changed.map((f) => `  ${verb} ${f}`).join("\n");
  const version = release.next ?? release.version;
  // No package there before: nothing to compare with, so no changes to list.
  const summary =
    release.previousVersion === undefined
      ? `new package, version ${version}\n`
      : formatReport(release.changes, release.previousVersion, version, release.regenerated);
  return `${header}\n${summary.replace(/^/gm, "  ").trimEnd()}\n${files}\n`;
}

/**
 * A new package's files in one line, top-level files by name and folders by count
 * (`README.md, package.json, dist/ (78 files), ...`): every one of them is new, so a
 * line per file would only scroll the report away.
 */
export function outline(files: readonly string[]): string {
  const folders = new Map<string, number>();
  const top: string[] = [];
  for (const file of files) {
    const slash = file.indexOf("/");
    if (slash === -1) top.push(file);
    else folders.set(file.slice(0, slash + 1), (folders.get(file.slice(0, slash + 1)) ?? 0) + 1);
  }
  const parts = [
    ...top.sort(),
    ...[...folders].sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, n]) => `${f} (${n} file${n === 1 ? "" : "s"})`),
  ];
  return `${files.length} file${files.length === 1 ? "" : "s"}: ${parts.join(", ")}`;
}
