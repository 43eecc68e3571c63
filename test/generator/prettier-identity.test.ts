/**
 * The emitters lay TypeScript out by hand "as prettier would" (emit/code.ts, emit/client.ts, the
 * docs' examples): running prettier on every package costs seconds on a large spec (see
 * format/format.ts), so it runs here instead, over what the promise covers. A layout rule that
 * drifts from prettier's fails this test, with the first line that differs.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { PRINT_WIDTH } from "../../generator/emit/code.ts";
import { codeBlocks, docFiles, GENERATED, isTypeScript } from "../docs/support.ts";
import { ROOT } from "../support/run.ts";

const PROVIDERS = readdirSync(GENERATED, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

/** The repository's own prettier settings: the ones the generated code is promised to match. */
const OPTIONS = JSON.parse(readFileSync(join(ROOT, ".prettierrc.json"), "utf8")) as prettier.Options;

/** "" when prettier leaves `text` as it is; else the first line that differs, before and after. */
async function firstDifference(text: string, filepath: string): Promise<string> {
  const formatted = await prettier.format(text, { ...OPTIONS, filepath });
  if (formatted === text) return "";
  const [a, b] = [text.split("\n"), formatted.split("\n")];
  const i = a.findIndex((line, k) => line !== b[k]);
  return `${filepath}:${i + 1}\n  emitted:  ${a[i]}\n  prettier: ${b[i]}`;
}

describe("generated TypeScript is laid out as prettier lays it out", () => {
  it("the emitters' width is prettier's", () => {
    expect(OPTIONS.printWidth).toBe(PRINT_WIDTH);
  });

  it.each(PROVIDERS)("%s: src/client.ts and src/index.ts", async (provider) => {
    for (const file of ["client.ts", "index.ts"]) {
      const path = join(GENERATED, provider, "src", file);
      expect(await firstDifference(readFileSync(path, "utf8"), path)).toBe("");
    }
  });

  it.each(PROVIDERS)("%s: the docs' TypeScript examples", async (provider) => {
    const docs = (await docFiles(GENERATED, true)).filter((d) => d.provider === provider);
    expect(docs.length).toBeGreaterThan(0);
    const blocks = docs.flatMap(codeBlocks).filter(isTypeScript);
    expect(blocks.length).toBeGreaterThan(0);
    const differences = await Promise.all(blocks.map((b) => firstDifference(b.code, `${b.doc.name}:${b.line}.ts`)));
    expect(differences.filter(Boolean)).toEqual([]);
  });
});
