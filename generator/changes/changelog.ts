/**
 * CHANGELOG.md of a generated package (its `## Unreleased` section and released entries) and the
 * plain-text report of `--dry-run` / `npm run diff`. Markdown is built as an mdast tree and
 * serialised by mdast-util-to-markdown, so whatever a spec's strings hold stays text. No dates or
 * times: regenerating from the same specs must give the same bytes.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import { toMarkdown } from "mdast-util-to-markdown";
import { listWords } from "./json.ts";
import { RULES, isRuleId } from "./rules.ts";
import { compareChanges, type Change, type Level } from "./types.ts";

export const SECTIONS: [Level, string][] = [
  ["breaking", "Breaking changes"],
  ["minor", "Features"],
  ["patch", "Fixes and docs"],
];

export const UNRELEASED = "Unreleased";

const t = (value: string): PhrasingContent => ({ type: "text", value: oneLine(value) });
const code = (value: string): PhrasingContent => ({ type: "inlineCode", value: oneLine(value) });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: "paragraph", children });
const heading = (depth: 1 | 2 | 3, value: string): Heading => ({ type: "heading", depth, children: [t(value)] });

/**
 * Text whose `backticked` spans are code, as the rules' and messages' own wording marks them (`params`,
 * `server: { index }`): code spans, not literal backticks. An unpaired backtick stays text.
 */
function prose(value: string): PhrasingContent[] {
  return oneLine(value)
    .split(/`([^`]+)`/)
    .flatMap((part, i) => (part === "" ? [] : [i % 2 === 1 ? code(part) : t(part)]));
}

function oneLine(value: string): string {
  return value.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ");
}

export function render(nodes: RootContent[]): string {
  const root: Root = { type: "root", children: nodes };
  return toMarkdown(root, { bullet: "-", emphasis: "_", fences: true, listItemIndent: "one", rule: "-" });
}

/** What a TypeScript caller sees, from the rule registry; "" for documentation-only changes. */
export function callerSees(change: Pick<Change, "kind" | "level">): string {
  if (change.level === "patch" || !isRuleId(change.kind)) return "";
  return RULES[change.kind].caller;
}

/**
 * One change as a line: the client method beside the HTTP request, the change, and what a
 * TypeScript caller sees: "`GET /a` (`api.x.getA`) was removed; ... TypeScript callers: ...".
 */
export function changeLine(change: Change): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  const { request, method } = change;
  if (request !== undefined && method !== undefined && change.message.startsWith(`${request} `)) {
    parts.push(code(request), t(" ("), code(method), t(")"), ...prose(change.message.slice(request.length)));
  } else if (request !== undefined && method !== undefined) {
    parts.push(code(method), t(" ("), code(request), t("): "), ...prose(change.message));
  } else {
    parts.push(...prose(change.message));
  }
  const caller = callerSees(change);
  if (caller !== "") parts.push(...prose(` TypeScript callers: ${caller}.`));
  return parts;
}

/** The changes under one heading per level, breaking first. */
function levelSections(changes: readonly Change[]): RootContent[] {
  const sorted = [...changes].sort(compareChanges);
  const nodes: RootContent[] = [];
  for (const [level, title] of SECTIONS) {
    const items = sorted.filter((c) => c.level === level);
    if (items.length === 0) continue;
    nodes.push(heading(3, title), changeList(items));
  }
  return nodes;
}

/** A tight bullet list, one {@link changeLine} per change: the changelog's and the diff report's. */
export function changeList(changes: readonly Change[]): List {
  return {
    type: "list",
    ordered: false,
    spread: false,
    children: changes.map((c): ListItem => ({
      type: "listItem",
      spread: false,
      children: [paragraph(...changeLine(c))],
    })),
  };
}

/** A released version's entry. */
export function changelogEntry(
  version: string,
  changes: Change[],
  context: { apiVersion?: string },
  regenerated: readonly string[] = [],
): string {
  const nodes: RootContent[] = [heading(2, version)];
  if (context.apiVersion !== undefined)
    nodes.push(paragraph(t(`Generated from version ${context.apiVersion} of the API.`)));
  if (changes.length === 0 && regenerated.length === 0) nodes.push(paragraph(t("No changes to the API.")));
  if (changes.length === 0 && regenerated.length > 0) nodes.push(paragraph(t(regeneratedSentence(regenerated))));
  nodes.push(...levelSections(changes));
  return render(nodes);
}

/** The `## Unreleased` section: what `npm run release` would turn into `next`. */
export function unreleasedSection(
  changes: readonly Change[],
  regenerated: readonly string[],
  released: string,
  next: string,
): string {
  const nodes: RootContent[] = [heading(2, UNRELEASED)];
  nodes.push(
    paragraph(
      t(`Changes since ${released}, not yet released. `),
      code("npm run release"),
      t(` makes them version ${next}.`),
    ),
  );
  if (changes.length === 0) nodes.push(paragraph(t(regeneratedSentence(regenerated))));
  nodes.push(...levelSections(changes));
  return render(nodes);
}

/** What a group of package files is, for a reader of the changelog. */
const AREAS: [RegExp, string][] = [
  [/^src\/|^dist\/|^tsconfig\.json$/, "the client code"],
  [/^docs\/|^README\.md$/, "the docs"],
  [/^openapi\.json$/, "the bundled spec (same API)"],
  [/^package\.json$/, "package.json"],
];

function regeneratedSentence(files: readonly string[]): string {
  const areas = AREAS.filter(([pattern]) => files.some((f) => pattern.test(f))).map(([, name]) => name);
  const other = files.some((f) => !AREAS.some(([pattern]) => pattern.test(f)));
  const list = [...areas, ...(other ? ["other files"] : [])];
  return `No API changes. Regenerated by a newer apigen, which changed ${listWords(list, list.length)} (${files.length} ${files.length === 1 ? "file" : "files"}).`;
}

/** The entry of a release made because a newer generator changed the package's files, not its API. */
export function regeneratedEntry(version: string, files: readonly string[]): string {
  return render([heading(2, version), paragraph(t(regeneratedSentence(files)))]);
}

/** The entry of a package's first version. */
export function firstEntry(version: string, apiVersion: string): string {
  return render([heading(2, version), paragraph(t(`First version, generated from version ${apiVersion} of the API.`))]);
}

const TITLE = "# Changelog";

/**
 * Puts `entry` first under a single `# Changelog` title and a line naming the package. Whatever
 * preceded the first entry of `existing` (its title and intro) is replaced. A `## Unreleased`
 * section at the top is dropped (it is rebuilt on every run, or becomes the released entry), and
 * an entry for the same version at the top is replaced rather than repeated, so rerunning is
 * harmless. `entry` undefined: only the Unreleased section is dropped.
 */
export function prependEntry(existing: string | undefined, entry: string | undefined, packageName: string): string {
  const text = (existing ?? "").replace(/\r\n?/g, "\n");
  const firstEntry = text.search(/^## /m);
  let entries = firstEntry < 0 ? "" : text.slice(firstEntry);
  const dropTop = (heading: string) => {
    if (entries.split("\n", 1)[0] !== heading) return;
    const next = entries.slice(heading.length).search(/^## /m);
    entries = next < 0 ? "" : entries.slice(heading.length + next);
  };
  dropTop(`## ${UNRELEASED}`);
  if (entry !== undefined) dropTop(entry.split("\n", 1)[0]!);
  const intro = `Changes to \`${packageName}\` by version, newest first. Each entry lists what changed in the API, as seen by code that uses this package.`;
  const parts = [TITLE, intro, entry?.trim() ?? "", entries.trim()].filter((p) => p !== "");
  return `${parts.join("\n\n")}\n`;
}

const LABELS: Record<Level, string> = { breaking: "BREAKING", minor: "minor   ", patch: "patch   " };

/** One change on one terminal line: "BREAKING  api.x.getA (GET /a): message TypeScript callers: ...". */
export function textLine(change: Change): string {
  const place =
    change.method !== undefined && change.request !== undefined ? `${change.method} (${change.request}): ` : "";
  const caller = callerSees(change);
  return `${LABELS[change.level]}  ${place}${oneLine(change.message)}${caller === "" ? "" : ` TypeScript callers: ${caller}.`}`;
}

/** The terminal report: a summary line, then one line per change prefixed by its level. */
export function formatReport(changes: Change[], from: string, to: string, regenerated: readonly string[] = []): string {
  if (changes.length === 0 && regenerated.length > 0)
    return `${from} -> ${to}: no API changes; a newer generator changed ${regenerated.length} file(s)\n`;
  if (changes.length === 0) return `No API changes (version stays ${from}).\n`;
  const sorted = [...changes].sort(compareChanges);
  const count = (level: Level) => sorted.filter((c) => c.level === level).length;
  const head = `${from} -> ${to}: ${count("breaking")} breaking, ${count("minor")} minor, ${count("patch")} patch`;
  return `${[head, ...sorted.map(textLine)].join("\n")}\n`;
}
