/**
 * Escaping for spec strings placed into markdown. Table cells and headings are
 * single-line contexts; prose blocks keep the author's markdown.
 */

/** Text for a single-line context (table cell, list item, heading): no markdown meaning survives. */
export function inline(text: string | undefined): string {
  if (!text) return "";
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/\s*\n\s*/g, " ")
    .trim();
}

/** A code span holding `text` whatever backticks it contains (CommonMark: a longer fence). */
export function code(text: string): string {
  const single = text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...single.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = single.startsWith("`") || single.endsWith("`") || single.trim() === "" ? " " : "";
  return `${fence}${pad}${single}${pad}${fence}`;
}

/** A prose block: the author's markdown kept, but raw HTML that could break the page neutralised. */
export function block(text: string | undefined): string {
  if (!text) return "";
  return text.replace(/\r\n?/g, "\n").replace(/</g, "&lt;").trim();
}
