/**
 * The emitters lay TypeScript out by hand "as prettier would" (emit/code.ts, emit/client.ts, the
 * docs' examples): running prettier on every package costs seconds on a large spec (see
 * format/format.ts), so it runs here instead, over what the promise covers. A layout rule that
 * drifts from prettier's fails this test, with the first line that differs.
 */
import { readFileSync, readdirSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/client.ts";
import { PRINT_WIDTH } from "../../generator/emit/code.ts";
import { emitDocs } from "../../generator/emit/docs.ts";
import { emitPackageFiles } from "../../generator/emit/package.ts";
import { loadTemplates } from "../../generator/emit/templates.ts";
import { tidy } from "../../generator/format/format.ts";
import { buildIR } from "../../generator/ir/build.ts";
import { loadSpec } from "../../generator/load/load.ts";
import { validateAndBundle } from "../../generator/validate/validate.ts";
import { lazyTemplates, renderPackage } from "../../generator/pipeline.ts";
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

  it("names long enough to break a named type's mapped form, at every length prettier breaks it differently", async () => {
    // Operation ids and schema names of 20 to 90 characters: the named types (emit/client.ts `named`) then take
    // every layout prettier gives `{ [K in keyof T]: T[K] }`, from one line to a key and a value broken apart.
    // (Past about 95, `export type <Name> = {` itself no longer fits: a layout no emitter follows yet.)
    const lengths = [20, 45, 60, 75, 90];
    const object = { type: "object", properties: { id: { type: "string" } } };
    const name = (n: number) => `very-long-name-${"x".repeat(n)}`.slice(0, n);
    const spec = {
      openapi: "3.1.0",
      info: { title: "Long names", version: "1.0.0" },
      paths: Object.fromEntries(
        lengths.map((n) => [
          `/things/${n}`,
          {
            get: {
              operationId: name(n),
              parameters: [{ name: "q", in: "query", required: true, schema: { type: "string" } }],
              responses: {
                "200": {
                  description: "ok",
                  content: { "application/json": { schema: { $ref: `#/components/schemas/${name(n)}` } } },
                },
              },
            },
          },
        ]),
      ),
      components: { schemas: Object.fromEntries(lengths.map((n) => [name(n), object])) },
    };
    const dir = await mkdtemp(join(tmpdir(), "apigen-long-names-"));
    try {
      const specFile = join(dir, "long-names.json");
      await writeFile(specFile, JSON.stringify(spec));
      const ctx = { templates: lazyTemplates(), fingerprint: "prettier-identity" };
      const { files } = await renderPackage({ provider: "long-names", specFile, outDir: join(dir, "out") }, ctx);
      const client = files.get("src/client.ts")!;
      expect(client).toContain(`K in keyof OperationParams<\n`);
      expect(await firstDifference(client, join(dir, "client.ts"))).toBe("");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The committed packages break few lines, so the long layouts are held to prettier's here too: a
 * real-world spec with long operation and schema names, emitted for a provider whose name alone
 * passes the line, breaks every kind of line the emitters lay out (the factory's signature and
 * declaration, the three forms of an operation's binding, type arguments, mapped types, data
 * literals, import lists and the examples' client options).
 */
describe("long names: every way a line breaks is prettier's", () => {
  const FIXTURE = join(ROOT, "test", "fixtures", "real-world", "adyen.com__LegalEntityService.json");
  const PROVIDER = "adyen-legal-entity-service-v3";

  async function emitted() {
    const loaded = await loadSpec(FIXTURE);
    const ir = buildIR(await validateAndBundle(loaded), PROVIDER, loaded.locate);
    const templates = await loadTemplates();
    const docs = emitDocs(ir, templates);
    docs.set("README.md", emitPackageFiles(ir, {}, "0.0.0", templates).get("README.md")!);
    return { ...emitClient(ir, templates, "// test"), docs };
  }

  it("src/client.ts and the declarations of client.ts", async () => {
    const { client, clientDeclarations } = await emitted();
    // The fixture must reach the broken forms, or this test proves nothing about them.
    for (const broken of [
      /^export function \w+\($/m,
      /^ {6}\w+: runtime\.operation<.*>\($\n^ {8}metadata\[\d+\],$/m,
      /^ {6}\w+: runtime\.(operation|paginated)<$/m,
      /^ {2}\w+: Method(WithOptionalParams)?<$/m,
      /^ {2}\[K in keyof /m,
    ])
      expect(client).toMatch(broken);
    expect(clientDeclarations).toMatch(/^export declare function \w+\($/m);
    expect(await firstDifference(tidy(client), "client.ts")).toBe("");
    expect(await firstDifference(tidy(clientDeclarations), "client.d.ts")).toBe("");
  });

  it("the docs' TypeScript examples", async () => {
    const { docs } = await emitted();
    const blocks = [...docs]
      .filter(([name]) => name.endsWith(".md"))
      .flatMap(([name, text]) => codeBlocks({ path: name, name, provider: PROVIDER, text: tidy(text) }))
      .filter(isTypeScript);
    const code = blocks.map((b) => b.code).join("\n");
    expect(code).toMatch(/^import \{$/m);
    expect(code).toMatch(/^const api = \w+\(\{$/m);
    const differences = await Promise.all(blocks.map((b) => firstDifference(b.code, `${b.doc.name}:${b.line}.ts`)));
    expect(differences.filter(Boolean)).toEqual([]);
  });
});
