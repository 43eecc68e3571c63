/**
 * What `npm run diff` prints: the classified changes of one or more providers as terminal text,
 * a markdown pull-request comment (a heading per provider, a list per level) or JSON.
 */
import type { Heading, RootContent } from "mdast";
import { SECTIONS, callerSees, changeList, render, textLine } from "./changelog.ts";
import { highestLevel, type BumpLevel } from "./semver.ts";
import { compareChanges, type Change, type Level } from "./types.ts";

export interface ProviderDiff {
  provider: string;
  /** What the changes are measured from, in words: "the last release (0.1.1)", "main", "old.yaml". */
  base: string;
  changes: Change[];
  /** The version a release would make, when measured from the last release. */
  next?: string;
}

export type FailOn = Level | "never";

/** True when some change is at `failOn` or worse. */
export function fails(diffs: readonly ProviderDiff[], failOn: FailOn): boolean {
  if (failOn === "never") return false;
  const levels: Level[] =
    failOn === "breaking" ? ["breaking"] : failOn === "minor" ? ["breaking", "minor"] : ["breaking", "minor", "patch"];
  return diffs.some((d) => d.changes.some((c) => levels.includes(c.level)));
}

function counts(changes: readonly Change[]): string {
  const n = (level: Level) => changes.filter((c) => c.level === level).length;
  return `${n("breaking")} breaking, ${n("minor")} minor, ${n("patch")} patch`;
}

export function diffText(diffs: readonly ProviderDiff[]): string {
  return diffs
    .map((d) => {
      const sorted = [...d.changes].sort(compareChanges);
      const next = d.next === undefined ? "" : `; releasing gives ${d.next}`;
      const head =
        sorted.length === 0
          ? `${d.provider}: no API changes since ${d.base}`
          : `${d.provider}: ${counts(sorted)} since ${d.base}${next}`;
      return [head, ...sorted.map((c) => `  ${textLine(c)}`)].join("\n");
    })
    .join("\n")
    .concat("\n");
}

export function diffMarkdown(diffs: readonly ProviderDiff[]): string {
  const nodes: RootContent[] = [];
  for (const d of diffs) {
    const sorted = [...d.changes].sort(compareChanges);
    nodes.push({
      type: "heading",
      depth: 2,
      children: [
        { type: "text", value: "API changes: " },
        { type: "inlineCode", value: d.provider },
      ],
    } satisfies Heading);
    const summary =
      sorted.length === 0
        ? `No API changes since ${d.base}.`
        : `${counts(sorted)} since ${d.base}.${d.next === undefined ? "" : ` Releasing gives version ${d.next}.`}`;
    nodes.push({ type: "paragraph", children: [{ type: "text", value: summary }] });
    for (const [level, title] of SECTIONS) {
      const items = sorted.filter((c) => c.level === level);
      if (items.length === 0) continue;
      nodes.push({ type: "heading", depth: 3, children: [{ type: "text", value: `${title} (${items.length})` }] });
      nodes.push(changeList(items));
    }
  }
  return render(nodes);
}

export function diffJson(diffs: readonly ProviderDiff[], failOn: FailOn): string {
  const providers = diffs.map((d) => {
    const highest: BumpLevel = highestLevel(d.changes);
    return {
      provider: d.provider,
      base: d.base,
      highest,
      next: d.next,
      changes: [...d.changes].sort(compareChanges).map((c) => ({ ...c, caller: callerSees(c) || undefined })),
    };
  });
  return JSON.stringify({ failOn, failed: fails(diffs, failOn), providers }, null, 2) + "\n";
}
