/**
 * The last touch before writing. TypeScript and JSON come out of the emitters
 * already laid out (templates and emit/code.ts format as they print), so they
 * only get whitespace tidied: prettier over a large client costs seconds
 * (GitHub's: a 1.2 MB client.ts). Markdown goes through prettier with fixed
 * options, so output never depends on a user's prettier config.
 */
const OPTIONS = { printWidth: 120, proseWrap: "preserve", trailingComma: "all", endOfLine: "lf" } as const;

export async function formatFiles(files: Map<string, string>): Promise<Map<string, string>> {
  const markdown = [...files.keys()].filter((name) => name.endsWith(".md"));
  const prettier = markdown.length > 0 ? await import("prettier") : undefined;
  const out = new Map<string, string>();
  for (const [name, text] of files) {
    out.set(name, prettier && name.endsWith(".md") ? await prettier.format(text, { ...OPTIONS, parser: "markdown" }) : tidy(text));
  }
  return out;
}

/** No trailing spaces, at most one blank line in a row, one newline at the end. */
export function tidy(text: string): string {
  return text.replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").replace(/^\n+/, "").replace(/\n*$/, "\n");
}
