/**
 * markdownlint-cli2 over the generated docs, with the repo's committed
 * `.markdownlint-cli2.jsonc`, run in-process through its `main` entry (the
 * same code path as `npx markdownlint-cli2 "generated/*\/docs/**\/*.md"`).
 */
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/run.ts";
import { GENERATED, docFiles, lintDocs } from "./support.ts";

describe("markdownlint-cli2 on the generated docs", () => {
  it("passes with the committed config", async () => {
    const directory = GENERATED.startsWith(ROOT) ? ROOT : join(GENERATED, "..");
    const glob = `${relative(directory, GENERATED).split("\\").join("/")}/*/docs/**/*.md`;
    const { code, errors, files } = await lintDocs(directory, [glob]);
    expect(errors.join("\n")).toBe("");
    expect(files).toBe((await docFiles()).length);
    expect(code).toBe(0);
  });
});
