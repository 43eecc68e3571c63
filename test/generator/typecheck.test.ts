import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, apigen, tsc } from "../support/run.ts";

/**
 * `tsc --noEmit` over everything a user compiles: the generator itself, every
 * generated package's sources with the strictest consumer settings, and an app
 * that installs each package by name, under both module resolutions people use.
 */
const PROJECTS: { name: string; args: string[] }[] = [
  { name: "the generator and its tests", args: ["-p", "tsconfig.json"] },
  { name: "every generated package (NodeNext)", args: ["-p", "tsconfig.generated.json"] },
  {
    name: "every generated package (Bundler)",
    args: ["-p", "tsconfig.generated.json", "--module", "esnext", "--moduleResolution", "bundler"],
  },
  {
    name: "an app importing each package by name (NodeNext)",
    args: ["-p", join("examples", "consumer", "tsconfig.json")],
  },
  {
    name: "an app importing each package by name (Bundler)",
    args: ["-p", join("examples", "consumer", "tsconfig.bundler.json")],
  },
];

describe.each(PROJECTS)("typecheck: $name", ({ args }) => {
  it("has no type errors", async () => {
    const result = await tsc(args, { cwd: ROOT });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});

describe("drift check", () => {
  it("generated/ is exactly what the generator writes from specs/ (npm run check)", async () => {
    const result = await apigen(["check", "--quiet"], { cwd: ROOT });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});

/**
 * The emitters lay code out as they print it (prettier in the pipeline cost
 * seconds on big specs); prettier stays the judge of that layout. Docs are
 * excluded on purpose: their tables are compact, not column-aligned (aligning
 * padded GitHub's docs from 15 to 37 MB).
 */
describe("generated code is laid out as prettier would (printWidth 120)", () => {
  const FILES = ["src/client.ts", "src/index.ts", "package.json", "tsconfig.json"];
  const PROVIDERS = ["latitudesh", "openziti-edge-client", "openziti-edge-management", "pingone-management"];
  it.each(PROVIDERS.flatMap((provider) => FILES.map((file) => [`${provider}/${file}`])))("%s", async (rel) => {
    const prettier = await import("prettier");
    const file = join(ROOT, "generated", rel);
    const source = await readFile(file, "utf8");
    // JSON files are JSON.stringify's layout, which prettier's json-stringify parser (its package.json default) keeps.
    const parser = file.endsWith(".json") ? "json-stringify" : "typescript";
    expect(await prettier.format(source, { parser, printWidth: 120 })).toBe(source);
  });
});
