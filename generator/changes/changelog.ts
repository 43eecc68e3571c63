/**
 * The changelog entry prepended to a generated package's CHANGELOG.md, and the plain-text report
 * of `--dry-run`. No dates or times: regenerating from the same specs must give the same bytes.
 */
import { text } from "../emit/markdown.ts";
import { compareChanges, type Change, type Level } from "./types.ts";

const SECTIONS: [Level, string][] = [
  ["breaking", "Breaking changes"],
  ["minor", "Features"],
  ["patch", "Fixes and docs"],
];

export function changelogEntry(version: string, changes: Change[], context: { apiVersion?: string }): string {
  const lines = [`## ${version}`, ""];
  if (context.apiVersion !== undefined) lines.push(`Generated from version ${text(context.apiVersion)} of the API.`, "");
  const sorted = [...changes].sort(compareChanges);
  if (sorted.length === 0) lines.push("No changes to the API.", "");
  for (const [level, title] of SECTIONS) {
    const items = sorted.filter((c) => c.level === level);
    if (items.length === 0) continue;
    lines.push(`### ${title}`, "", ...items.map((c) => `- ${text(c.message)}`), "");
  }
  return lines.join("\n");
}

/** The entry of a package's first version. */
export function firstEntry(version: string, apiVersion: string): string {
  return `## ${version}\n\nFirst version, generated from version ${text(apiVersion)} of the API.\n`;
}

const TITLE = "# Changelog";

/**
 * Puts `entry` first under a single `# Changelog` title and a line naming the package. Whatever
 * preceded the first entry of `existing` (its title and intro) is replaced; an entry for the
 * same version at the top is replaced rather than repeated, so rerunning is harmless.
 */
export function prependEntry(existing: string | undefined, entry: string, packageName: string): string {
  const text = (existing ?? "").replace(/\r\n?/g, "\n");
  const firstEntry = text.search(/^## /m);
  let entries = firstEntry < 0 ? "" : text.slice(firstEntry);
  const heading = entry.split("\n", 1)[0]!;
  if (entries.split("\n", 1)[0] === heading) {
    const next = entries.slice(heading.length).search(/^## /m);
    entries = next < 0 ? "" : entries.slice(heading.length + next);
  }
  const intro = `Changes to \`${packageName}\` by version, newest first. Each entry lists what changed in the API, as seen by code that uses this package.`;
  const parts = [TITLE, intro, entry.trim(), entries.trim()].filter((p) => p !== "");
  return `${parts.join("\n\n")}\n`;
}

const LABELS: Record<Level, string> = { breaking: "BREAKING", minor: "minor   ", patch: "patch   " };

/** The terminal report: a summary line, then one line per change prefixed by its level. */
export function formatReport(changes: Change[], from: string, to: string): string {
  if (changes.length === 0) return `No API changes (version stays ${from}).\n`;
  const sorted = [...changes].sort(compareChanges);
  const count = (level: Level) => sorted.filter((c) => c.level === level).length;
  const head = `${from} -> ${to}: ${count("breaking")} breaking, ${count("minor")} minor, ${count("patch")} patch`;
  return `${[head, ...sorted.map((c) => `${LABELS[c.level]}  ${c.message.replace(/\s*\n\s*/g, " ")}`)].join("\n")}\n`;
}
