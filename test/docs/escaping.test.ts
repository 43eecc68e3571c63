/**
 * Spec strings with markdown- and code-special characters cannot break the
 * generated docs. A spec full of hostile strings (pipes, backticks,
 * `<script>`, newlines, `*\/`, `${`, fences, headings) is generated with
 * `--spec/--out` into a temp folder; then, for every place a spec string
 * lands, a reader sees exactly that string, every table row keeps its
 * column count, no raw HTML gets through, markdownlint passes, and the
 * examples still typecheck.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apigen } from "../support/run.ts";
import {
  type DocFile,
  codeBlocks,
  docFiles,
  isTypeScript,
  lintDocs,
  locate,
  makeConsumer,
  typecheck,
  writeBlocks,
} from "./support.ts";

const H = {
  pipe: "left | right",
  tick: "one ` tick",
  span: "`code | span`",
  script: "<script>alert(1)</script>",
  img: '<img src=x onerror="alert(1)">',
  comment: "closes */ a comment",
  template: "${process.exit(1)}",
  heading: "# not a heading",
  newline: "first line\nsecond line",
  fence: "```\nunclosed fence",
  underline: "text\n---",
};
/** Every hostile string but the code span in one description (a lone backtick would pair with the span's, as CommonMark says). */
const ALL = Object.entries(H)
  .filter(([k]) => k !== "span")
  .map(([, v]) => v)
  .join(" ~ ");
const ENUM = ["a|b", "`tick`", "<script>", "line\nbreak", "*/", "${x}", "_under_"];

const spec = {
  openapi: "3.1.0",
  info: {
    title: `Hostile ${H.pipe} ${H.tick} ${H.script}`,
    version: "1.0 | `x`",
    description: `${H.fence.split("\n")[1]} ${ALL}\n\n${H.heading}\n\n${H.underline}\n\n${H.fence}`,
  },
  servers: [
    {
      url: "https://example.com/{region}",
      description: ALL,
      variables: { region: { default: "a|b", enum: ["a|b", "`c`"], description: H.pipe } },
    },
  ],
  tags: [{ name: `Tag ${H.pipe} ${H.tick}`, description: ALL }],
  security: [{ "key.with-dots_": [] }],
  paths: {
    "/items/{id}": {
      get: {
        operationId: "get|`item`<b>${x}",
        tags: [`Tag ${H.pipe} ${H.tick}`],
        summary: `Summary ${H.pipe} ${H.span} ${H.script} ${H.newline}`,
        description: `${ALL}\n\n${H.heading}`,
        parameters: [
          { name: "id", in: "path", required: true, description: ALL, schema: { type: "string", pattern: "^a|b`c`$" } },
          { name: "x|`y`<z>*/${", in: "query", description: H.pipe, schema: { type: "string", enum: ENUM } },
        ],
        responses: {
          "200": {
            description: ALL,
            content: { "application/json": { schema: { $ref: "#/components/schemas/weird.name-with_underscores_" } } },
          },
          "404": {
            description: `${H.pipe} ${H.span}`,
            content: { "application/json": { schema: { $ref: "#/components/schemas/enum_model" } } },
          },
        },
      },
    },
    "/items": {
      post: {
        operationId: "create`item`*/",
        tags: [`Tag ${H.pipe} ${H.tick}`],
        summary: H.heading,
        requestBody: {
          required: true,
          description: ALL,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["pipe|prop"],
                properties: {
                  "pipe|prop": { type: "string", description: ALL },
                  "`tick`": { type: "string", enum: ENUM },
                  "<angle>": { type: "integer", description: H.script },
                },
              },
            },
          },
        },
        responses: { "204": { description: H.template } },
      },
    },
  },
  components: {
    securitySchemes: { "key.with-dots_": { type: "apiKey", in: "header", name: "X-Key|`x`", description: ALL } },
    schemas: {
      "weird.name-with_underscores_": {
        type: "object",
        description: ALL,
        required: ["pipe|prop"],
        properties: {
          "pipe|prop": { type: "string", description: ALL },
          "new\nline": { type: ["string", "null"], description: H.newline },
          nested: { type: "object", properties: { "`deep`": { type: "string", enum: ENUM, description: H.span } } },
          ref: { $ref: "#/components/schemas/enum_model" },
        },
      },
      enum_model: { type: "string", description: `${H.script} ${H.pipe}`, enum: ENUM },
    },
  },
};

let work: string;
let docs: DocFile[];
let generated: { code: number; stdout: string; stderr: string };
const html = new MarkdownIt({ html: true });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "apigen-doc-escaping-"));
  await writeFile(join(work, "hostile.json"), JSON.stringify(spec, null, 2));
  generated = await apigen(["generate", "--spec", join(work, "hostile.json"), "--out", join(work, "out", "hostile")], {
    cwd: work,
  });
  docs = generated.code === 0 ? await docFiles(join(work, "out")) : [];
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** What a reader sees of a page: markdown-it's rendering with tags removed and entities decoded, whitespace folded. */
function seen(doc: DocFile): string {
  return html
    .render(doc.text)
    .replace(/<\/?(code|a|em|strong)\b[^>]*>/g, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

function page(suffix: string): DocFile {
  const doc = docs.find((d) => d.path.endsWith(suffix));
  if (!doc) throw new Error(`no page ${suffix} among ${docs.map((d) => d.name).join(", ")}`);
  return doc;
}

/** GFM splits a table row at every pipe not escaped by a backslash, code spans or not. */
function cellCount(row: string): number {
  const trimmed = row
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "");
  return trimmed.split(/(?<!\\)\|/).length;
}

const fold = (s: string) => s.replace(/\s+/g, " ").trim();

describe("hostile spec strings in the generated docs", () => {
  it("generates", () => {
    expect(generated.stderr).toBe("");
    expect(generated.code).toBe(0);
    expect(docs.map((d) => d.name).sort()).toEqual([
      "out/hostile/docs/README.md",
      "out/hostile/docs/models/enum-model.md",
      "out/hostile/docs/models/weird-name-with-underscores.md",
      "out/hostile/docs/tags/tag-left-right-one-tick.md",
    ]);
  });

  it.each([
    ["README.md", "title", spec.info.title],
    ["README.md", "API description (prose)", H.script],
    ["README.md", "heading-like line in a description", H.heading],
    ["README.md", "server description in a table", ALL],
    ["README.md", "code span with a pipe in a table", "Summary left | right code | span"],
    ["README.md", "server variable enum in a table", '"a|b"'.slice(1, -1)],
    ["README.md", "security scheme header name", "X-Key|`x`"],
    ["README.md", "tag name in the operations table", "Tag left | right one ` tick"],
    [
      "tags/tag-left-right-one-tick.md",
      "summary with pipe, code span, script and newline",
      "Summary left | right code | span <script>alert(1)</script> first line second line",
    ],
    ["tags/tag-left-right-one-tick.md", "operationId in code", 'isApiError(error, "get|`item`<b>${x}")'],
    [
      "tags/tag-left-right-one-tick.md",
      "operationId with a comment end in code",
      'isApiError(error, "create`item`*/")',
    ],
    ["tags/tag-left-right-one-tick.md", "query parameter name in a table", "x|`y`<z>*/${"],
    ["tags/tag-left-right-one-tick.md", "pattern constraint", "^a|b`c`$"],
    [
      "tags/tag-left-right-one-tick.md",
      "enum values in a table",
      '"a|b", "`tick`", "<script>", "line\\nbreak", "*/", "${x}", "_under_"',
    ],
    ["tags/tag-left-right-one-tick.md", "body field name", "pipe|prop"],
    ["tags/tag-left-right-one-tick.md", "summary that looks like a heading", H.heading],
    ["tags/tag-left-right-one-tick.md", "response description", H.template],
    ["models/weird-name-with-underscores.md", "model name", "weird.name-with_underscores_"],
    ["models/weird-name-with-underscores.md", "field name with a newline", "new line"],
    ["models/weird-name-with-underscores.md", "nested field name", "nested.`deep`"],
    ["models/enum-model.md", "enum value list", '"`tick`"'],
  ])("%s: %s reads as written", (suffix, _what, expected) => {
    expect(seen(page(suffix))).toContain(fold(expected));
  });

  it("no raw HTML reaches a page", () => {
    for (const doc of docs) {
      const html_ = html
        .parse(doc.text, {})
        .flatMap((t) => [t, ...(t.children ?? [])])
        .filter((t) => t.type === "html_block" || t.type === "html_inline");
      expect(html_.map((t) => `${doc.name}: ${t.content}`)).toEqual([]);
    }
  });

  it("headings in descriptions do not become headings of the page", () => {
    for (const doc of docs) {
      const headings = html
        .parse(doc.text, {})
        .filter((t, i, all) => t.type === "inline" && all[i - 1]?.type === "heading_open");
      for (const h of headings) expect(h.content, doc.name).not.toMatch(/not a heading|^text$/);
    }
  });

  it("every table row has as many cells as its header", () => {
    let tables = 0;
    for (const doc of docs) {
      const lines = doc.text.split("\n");
      for (const t of html.parse(doc.text, {}).filter((t) => t.type === "table_open")) {
        tables++;
        const [start, end] = t.map!;
        const rows = lines.slice(start, end);
        const width = cellCount(rows[0]!);
        rows.forEach((row, i) => expect(cellCount(row), `${doc.name}:${start + i + 1}: ${row}`).toBe(width));
      }
    }
    expect(tables).toBeGreaterThan(5);
  });

  it("code blocks stay closed: the page goes on after every fence", () => {
    for (const doc of docs) {
      const tokens = html.parse(doc.text, {});
      const lastHeading = tokens.findLastIndex((t) => t.type === "heading_open");
      const fences = tokens.filter((t) => t.type === "fence");
      for (const f of fences.filter((f) => f.info.trim() === "ts")) expect(f.content, doc.name).toMatch(/^import /);
      // The last section of every page is a heading of ours, so no fence swallowed the rest.
      expect(lastHeading, doc.name).toBeGreaterThan(0);
    }
    expect(seen(page("README.md"))).toContain("Models");
  });

  it("markdownlint passes", async () => {
    const { code, errors, files } = await lintDocs(work, ["out/hostile/docs/**/*.md"]);
    expect(errors.join("\n")).toBe("");
    expect(files).toBe(docs.length);
    expect(code).toBe(0);
  });

  it("the examples still typecheck (one tsc run)", async () => {
    const consumer = join(work, "consumer");
    await mkdir(consumer, { recursive: true });
    await makeConsumer(consumer, { hostile: join(work, "out", "hostile") });
    const blocks = docs.flatMap(codeBlocks).filter(isTypeScript);
    expect(blocks.length).toBeGreaterThan(3);
    const files = await writeBlocks(consumer, blocks);
    const result = await typecheck(consumer);
    expect(
      result.diagnostics.map((d) => locate(d, files)).join("\n\n") || (result.code === 0 ? "" : result.output),
    ).toBe("");
  }, 300_000);
});
