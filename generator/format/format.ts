/**
 * The last touch before writing. Every emitter lays its output out as it
 * prints (templates, emit/code.ts and emit/layout.ts for TypeScript, the docs'
 * table builders for markdown), so files only get their whitespace tidied here. Running
 * prettier instead cost 70 s on GitHub's spec (15 MB of docs, padded to
 * 37 MB by table alignment) and seconds on its 1.3 MB client.
 */
export function formatFiles(files: Map<string, string>): Map<string, string> {
  // JSON files come from JSON.stringify, which writes neither trailing spaces nor blank lines; tidying
  // GitHub's 13 MB openapi.json cost 0.3 s for nothing.
  return new Map([...files].map(([name, text]) => [name, name.endsWith(".json") ? text : tidy(text)]));
}

/** No trailing spaces, at most one blank line in a row, one newline at the end. */
export function tidy(text: string): string {
  // Each regex only where it has something to do: a plain substring search is many times faster than
  // a regex tried at every position, and most files have no trailing spaces (GitHub's docs are 15 MB).
  let tidied = text;
  if (hasTrailingSpace(tidied)) tidied = tidied.replace(/[ \t]+$/gm, "");
  if (tidied.includes("\n\n\n")) tidied = tidied.replace(/\n{3,}/g, "\n\n");
  tidied = tidied.replace(/^\n+/, "");
  // Trailing newlines trimmed by hand: the regex `\n*$` is tried at every position of the text.
  let end = tidied.length;
  while (end > 0 && tidied.charCodeAt(end - 1) === 10) end--;
  return `${tidied.slice(0, end)}\n`;
}

/** Line ends as the `m` flag's `$` sees them. */
const LINE_ENDS = ["\n", "\r", "\u2028", "\u2029"];

/** Whether a space or tab ends a line (or the text): what `/[ \t]+$/gm` would remove. */
function hasTrailingSpace(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  if (last === 32 || last === 9) return true;
  return LINE_ENDS.some((end) => text.includes(` ${end}`) || text.includes(`\t${end}`));
}
