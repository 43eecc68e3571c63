/**
 * Prettier over generated TypeScript and markdown, with fixed options so
 * output never depends on a user's prettier config.
 */
const OPTIONS = { printWidth: 120, proseWrap: "preserve", trailingComma: "all", endOfLine: "lf" } as const;

export async function formatFiles(files: Map<string, string>): Promise<Map<string, string>> {
  const prettier = await import("prettier");
  const out = new Map<string, string>();
  await Promise.all(
    [...files].map(async ([name, text]) => {
      const parser = name.endsWith(".ts") && !name.endsWith(".d.ts") ? "typescript" : name.endsWith(".md") ? "markdown" : name.endsWith(".json") ? "json" : undefined;
      out.set(name, parser ? await prettier.format(text, { ...OPTIONS, parser }) : text);
    }),
  );
  return new Map([...files.keys()].map((k) => [k, out.get(k)!]));
}
