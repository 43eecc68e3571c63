import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describe as describeError } from "../../generator/errors.ts";
import { escapeSegment } from "../../generator/shared/json-pointer.ts";
import { PACKAGE_TSCONFIG } from "../../generator/emit/package.ts";
import { renderPackage, lazyTemplates, type RenderedPackage, type RunContext } from "../../generator/pipeline.ts";
import { ROOT, tsc } from "../support/run.ts";
import { sharedRuntime } from "../support/shared-runtime.ts";

/**
 * Property: an OpenAPI 3.1 document whose names and strings hold comment
 * closers, backticks, `${`, quotes, `</script>`, pipes, newlines, reserved
 * words, names that differ only in case or punctuation and non-ASCII text
 * still gives a client that typechecks (strict, NodeNext,
 * noUncheckedIndexedAccess, exactOptionalPropertyTypes, isolatedDeclarations)
 * and docs that stay well-formed markdown; no operation or model is lost.
 * Now and then a description or summary is a number instead of a string: the
 * generator drops it (a located struct problem it tolerates) and must not crash.
 *
 * At least 500 specs per run, with a fixed seed (APIGEN_FC_SEED overrides it,
 * APIGEN_FC_RUNS the count). Every spec is rendered in-process; all the
 * packages' sources are typechecked by one tsc at the end. On failure the
 * seed, the spec's index and its JSON are printed, and the work folder is kept.
 */
const SEED = Number(process.env.APIGEN_FC_SEED ?? 20_260_808);
const RUNS = Number(process.env.APIGEN_FC_RUNS ?? 500);

// ------------------------------------------------------------------ arbitraries

/** Pieces that have broken generators: comment and string terminators, markdown and HTML syntax, JS keywords. */
const FRAGMENTS = [
  "*/",
  "/*",
  "/**",
  "//",
  "`",
  "``",
  "```",
  "${",
  "${x}",
  "}",
  "{",
  '"',
  "'",
  "\\",
  "\\n",
  "\\u0041",
  "</script>",
  "<script>alert(1)</script>",
  "<!--",
  "-->",
  "<b>",
  "<a href='x'>",
  "&amp;",
  "&lt;",
  "|",
  "||",
  " | ",
  "\n",
  "\r\n",
  "\n\n",
  "\r",
  "\t",
  " ",
  "  ",
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u2028",
  "\u2029",
  "\u200b",
  "\ufeff",
  "delete",
  "default",
  "class",
  "function",
  "new",
  "await",
  "constructor",
  "__proto__",
  "prototype",
  "toString",
  "hasOwnProperty",
  "then",
  "raw",
  "é",
  "Ω",
  "中文",
  "日本語",
  "🚀",
  "👩‍👩‍👧",
  "مرحبا",
  "ß",
  "İ",
  "ǅ",
  "#",
  "## ",
  "*",
  "**",
  "_",
  "__",
  "[",
  "]",
  "](",
  ")",
  "(",
  "![x](y)",
  "[x]: y",
  "<",
  ">",
  "> ",
  "- ",
  "1. ",
  "---",
  "===",
  "~~~",
  "~",
  "{{",
  "}}",
  "{{{x}}}",
  "@deprecated",
  "@param x",
  "@example",
  "0",
  "123",
  "1e3",
  "-",
  ".",
  "..",
  "$",
  "%",
  "%20",
  "%zz",
  "~0",
  "~1",
  "?",
  ":",
  ";",
  ",",
  "=",
  "+",
  "!",
  "@",
  "^",
];

const fragment = fc.constantFrom(...FRAGMENTS);
const anyText = fc.string({ unit: "binary", maxLength: 4 });
/** Any string made of hostile fragments and arbitrary code points. */
const hostile = fc
  .array(fc.oneof({ weight: 4, arbitrary: fragment }, { weight: 1, arbitrary: anyText }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => parts.join(""));

/** Names that collide once case and punctuation are dropped, and words every language reserves. */
const CLASHING = [
  "thing",
  "Thing",
  "THING",
  "thing_",
  "_thing",
  "thing-",
  "th-ing",
  "th_ing",
  "Th Ing",
  "thing!",
  "thing.",
  "thing2",
  "2thing",
  "getThing",
  "get_thing",
  "GetThing",
  "get-thing",
];
const RESERVED = [
  "delete",
  "default",
  "class",
  "function",
  "new",
  "await",
  "import",
  "export",
  "constructor",
  "__proto__",
  "toString",
  "raw",
  "then",
  "Operations",
  "paths",
  "components",
  "undefined",
  "NaN",
  "Api",
  "Client",
];
const name = fc.oneof(
  { weight: 3, arbitrary: hostile },
  { weight: 2, arbitrary: fc.constantFrom(...CLASHING) },
  { weight: 1, arbitrary: fc.constantFrom(...RESERVED) },
);
/** Not empty: an empty name is a different bug (and invalid in most places). */
const someName = name.filter((s) => s.trim() !== "");
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Prose, now and then of the wrong type (`description: 5`): tolerated, not allowed to crash anything. */
const prose: fc.Arbitrary<string | number> = fc.oneof(
  { weight: 12, arbitrary: hostile },
  { weight: 1, arbitrary: fc.integer() },
);

/** A path parameter name: anything but the URL template's own syntax. */
const segment = someName.map((s) => s.replace(/[{}/?#]/g, "")).filter((s) => s !== "");
/** A literal path segment: also no `%` that is not percent-encoding (not a URL; the generator rejects it). */
const staticSegment = segment.map((s) => s.replace(/%(?![0-9A-Fa-f]{2})/g, "%25"));

type Obj = Record<string, unknown>;

const leafSchema: fc.Arbitrary<Obj> = fc.oneof(
  fc.record({
    type: fc.constant("string"),
    description: maybe(prose),
    enum: maybe(fc.uniqueArray(hostile, { minLength: 1, maxLength: 4 })),
  }),
  fc.record({ type: fc.constant("integer"), description: maybe(prose) }),
  fc.record({ type: fc.constant("boolean") }),
  fc.record({
    type: fc.constant("array"),
    items: fc.record({
      type: fc.constant("string"),
      enum: maybe(fc.uniqueArray(hostile, { minLength: 1, maxLength: 3 })),
    }),
  }),
  fc.record({ type: fc.constant(["string", "null"]) }),
  fc.record({ const: hostile }),
);

/** `{ $ref }` placeholders to component schemas are filled in once the component names are known. */
const REF = "x-test-ref";
const propertySchema: fc.Arbitrary<Obj> = fc.oneof(
  { weight: 4, arbitrary: leafSchema },
  { weight: 1, arbitrary: fc.nat().map((n) => ({ [REF]: n })) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("object"),
      properties: fc.dictionary(someName, leafSchema, { maxKeys: 3 }),
    }),
  },
);

const objectSchema: fc.Arbitrary<Obj> = fc
  .record({
    description: maybe(prose),
    properties: fc.dictionary(someName, propertySchema, { minKeys: 0, maxKeys: 5 }),
    requiredMask: fc.array(fc.boolean(), { maxLength: 5 }),
    additionalProperties: maybe(fc.boolean()),
  })
  .map(({ description, properties, requiredMask, additionalProperties }) => {
    const required = Object.keys(properties).filter((_, i) => requiredMask[i]);
    return {
      type: "object",
      description,
      properties,
      required: required.length ? required : undefined,
      additionalProperties,
    };
  });

const bodySchema = fc.oneof({ weight: 3, arbitrary: objectSchema }, { weight: 1, arbitrary: propertySchema });

const parameter = (location: "query" | "header" | "cookie") =>
  fc.record({
    name: someName,
    in: fc.constant(location),
    required: fc.boolean(),
    deprecated: fc.boolean(),
    description: maybe(prose),
    schema: leafSchema,
  });

const operation = fc.record({
  method: fc.constantFrom("get", "post", "put", "delete", "patch"),
  segments: fc.array(staticSegment, { minLength: 1, maxLength: 3 }),
  pathParams: fc.uniqueArray(segment, { maxLength: 2 }),
  pathParamDescription: maybe(prose),
  operationId: maybe(someName),
  summary: maybe(prose),
  description: maybe(prose),
  tags: maybe(fc.array(someName, { minLength: 1, maxLength: 2 })),
  parameters: fc.array(fc.oneof(parameter("query"), parameter("header"), parameter("cookie")), { maxLength: 4 }),
  requestBody: maybe(fc.record({ description: maybe(prose), required: fc.boolean(), schema: bodySchema })),
  response: maybe(bodySchema),
  errorDescription: hostile,
  deprecated: fc.boolean(),
  secured: fc.boolean(),
});

const specArbitrary = fc.record({
  title: hostile,
  version: hostile,
  description: maybe(prose),
  fileName: maybe(hostile.map((s) => s.replace(/[/\0]/g, "_"))),
  tags: fc.array(fc.record({ name: someName, description: maybe(prose) }), { maxLength: 3 }),
  operations: fc.array(operation, { minLength: 1, maxLength: 4 }),
  schemas: fc.array(fc.tuple(someName, objectSchema), { maxLength: 4 }),
  securitySchemes: fc.array(fc.tuple(someName, fc.constantFrom("apiKey", "bearer"), someName), { maxLength: 2 }),
  serverDescription: maybe(prose),
  /** A second server whose URL is made of these variables: names, descriptions and enum values become client types. */
  serverVariables: fc.array(
    fc.record({
      name: segment,
      description: maybe(prose),
      values: maybe(fc.uniqueArray(hostile, { minLength: 1, maxLength: 3 })),
    }),
    { maxLength: 3 },
  ),
});

type SpecInput = typeof specArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** JSON pointer segment inside a URI fragment: `~` and `/` escaped, then percent-encoded. */
function refTo(name: string): string {
  return `#/components/schemas/${encodeURIComponent(escapeSegment(name))}`;
}

/** A valid OpenAPI 3.1 document from the drawn pieces (duplicates that would make it invalid are dropped). */
function buildSpec(input: SpecInput): { document: Obj; operations: number; models: number } {
  const schemaNames = [...new Map(input.schemas.map(([n, s]) => [n, s])).keys()];
  const resolveRefs = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolveRefs);
    if (node === null || typeof node !== "object") return node;
    const obj = node as Obj;
    if (REF in obj)
      return schemaNames.length
        ? { $ref: refTo(schemaNames[(obj[REF] as number) % schemaNames.length]!) }
        : { type: "string" };
    const out: Obj = {};
    for (const [k, v] of Object.entries(obj))
      if (v !== undefined)
        Object.defineProperty(out, k, { value: resolveRefs(v), enumerable: true, writable: true, configurable: true });
    return out;
  };
  const schemes = new Map(
    input.securitySchemes.map(([key, type, headerName]) => [
      key,
      type === "apiKey" ? { type: "apiKey", in: "header", name: headerName } : { type: "http", scheme: "bearer" },
    ]),
  );
  const paths: Obj = {};
  const ids = new Set<string>();
  let operations = 0;
  for (const op of input.operations) {
    const path = "/" + [...op.segments, ...op.pathParams.map((p) => `{${p}}`)].join("/");
    const item = (paths[path] ??= {}) as Obj;
    if (item[op.method]) continue;
    const operationId = op.operationId !== undefined && !ids.has(op.operationId) ? op.operationId : undefined;
    if (operationId !== undefined) ids.add(operationId);
    const seen = new Set<string>();
    const parameters = [
      ...op.pathParams.map((p) => ({
        name: p,
        in: "path",
        required: true,
        description: op.pathParamDescription,
        schema: { type: "string" },
      })),
      ...op.parameters,
    ].filter((p) => {
      const key = `${p.in}:${p.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const json = (schema: Obj) => ({ "application/json": { schema } });
    Object.defineProperty(item, op.method, {
      enumerable: true,
      value: {
        operationId,
        summary: op.summary,
        description: op.description,
        tags: op.tags,
        deprecated: op.deprecated || undefined,
        parameters,
        requestBody: op.requestBody && {
          description: op.requestBody.description,
          required: op.requestBody.required,
          content: json(op.requestBody.schema),
        },
        responses: {
          "200": { description: "ok", ...(op.response ? { content: json(op.response) } : {}) },
          "404": {
            description: op.errorDescription,
            content: json({ type: "object", properties: { message: { type: "string" } } }),
          },
        },
        security: op.secured && schemes.size ? [{ [[...schemes.keys()][0]!]: [] }] : undefined,
      },
    });
    operations++;
  }
  const schemas: Obj = {};
  for (const [n, s] of input.schemas)
    Object.defineProperty(schemas, n, { value: s, enumerable: true, writable: true, configurable: true });
  const tags = [...new Map(input.tags.map((t) => [t.name, t])).values()];
  const document = resolveRefs({
    openapi: "3.1.0",
    info: { title: input.title, version: input.version, description: input.description },
    servers: [{ url: "https://api.example.com/v1", description: input.serverDescription }, ...variableServer(input)],
    tags: tags.length ? tags : undefined,
    paths,
    components: { schemas, securitySchemes: schemes.size ? Object.fromEntries(schemes) : undefined },
  }) as Obj;
  return { document, operations, models: Object.keys(schemas).length };
}

/** `https://api.example.com/{a}/{b}` with hostile variable names, descriptions and enum values; none when none were drawn. */
function variableServer(input: SpecInput): Obj[] {
  const byName = new Map(input.serverVariables.map((v) => [v.name, v]));
  if (byName.size === 0) return [];
  const variables: Obj = {};
  for (const [name, v] of byName) {
    const value = { default: v.values?.[0] ?? "x", enum: v.values, description: v.description };
    Object.defineProperty(variables, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return [{ url: `https://api.example.com/${[...byName.keys()].map((n) => `{${n}}`).join("/")}`, variables }];
}

// ------------------------------------------------------------------ docs checks

/** Raw HTML the doc templates write on purpose (none today); anything else came from a spec string. */
const INTENDED_HTML: RegExp[] = [/^<a id="[^"<>]*"><\/a>$/];

const md = new MarkdownIt({ html: true });

/**
 * Cells of a GFM table row, split the way GitHub and markdown-it split them: on
 * every pipe not directly after a backslash (code spans do not protect pipes,
 * and `\\|` still counts as an escaped pipe).
 */
function cellCount(line: string): number {
  const text = line.trim();
  const pipes: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === "|" && text[i - 1] !== "\\") pipes.push(i);
  return pipes.filter((i) => i !== 0 && i !== text.length - 1).length + 1;
}

/** Problems with one markdown file: ragged tables, unclosed fences, stray HTML, `</script>`. */
function markdownProblems(source: string): string[] {
  const problems: string[] = [];
  const lines = source.split("\n");
  const tokens = md.parse(source, {});
  const walk = (list: Token[]) => {
    for (const t of list) {
      if (
        (t.type === "html_inline" || t.type === "html_block") &&
        !INTENDED_HTML.some((re) => re.test(t.content.trim()))
      ) {
        problems.push(`raw HTML ${JSON.stringify(t.content.slice(0, 80))}`);
      }
      if (t.children) walk(t.children);
    }
  };
  walk(tokens);
  for (const t of tokens) {
    if (t.type === "table_open" && t.map) {
      const [start, end] = t.map;
      const header = cellCount(lines[start]!);
      for (let l = start; l < end; l++) {
        if (l === start + 1) continue; // the delimiter row
        const n = cellCount(lines[l]!);
        if (n !== header)
          problems.push(
            `table row ${l + 1} has ${n} cells, its header ${header}: ${JSON.stringify(lines[l]!.slice(0, 120))}`,
          );
      }
      const after = lines[end];
      if (after !== undefined && after.trim().startsWith("|"))
        problems.push(`a table row broke off after line ${end}: ${JSON.stringify(after.slice(0, 120))}`);
    }
    if (t.type === "fence" && t.map) {
      // The closing line, without the markers of the blockquotes the fence sits in.
      const closing = (lines[t.map[1] - 1] ?? "").replace(/^(\s*>)+/, "").trim();
      const marker = t.markup;
      if (t.map[1] - t.map[0] < 2 || !closing.startsWith(marker) || closing.replace(/[`~]/g, "") !== "") {
        problems.push(`code fence opened at line ${t.map[0] + 1} is not closed`);
      }
    }
  }
  // Rendered from the tokens already parsed above, not parsed again.
  if (/<\/script/i.test(md.renderer.render(tokens, md.options, {}))) problems.push("`</script>` in the rendered HTML");
  return problems;
}

// ------------------------------------------------------------------ the property

interface Failure {
  index: number;
  what: string;
}

let work: string;
let ctx: RunContext;
const specs: { input: SpecInput; document: Obj; operations: number; models: number; file: string }[] = [];
const rendered = new Map<number, RenderedPackage>();
const failures: Failure[] = [];
let renderMs = 0;

function report(kind: string, list: Failure[]): string {
  const shown = list
    .slice(0, Number(process.env.APIGEN_FC_SHOW ?? 5))
    .map((f) => `#${f.index}: ${f.what}\n  spec: ${specs[f.index]!.file}`);
  return `${list.length} ${kind} failure(s) with seed ${SEED} (APIGEN_FC_SEED=${SEED} APIGEN_FC_RUNS=${RUNS} to replay; work folder kept: ${work}):\n${shown.join("\n")}`;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "apigen-hostile-"));
  ctx = { templates: lazyTemplates(), fingerprint: "hostile-names" };
  await mkdir(join(work, "specs"));
  await mkdir(join(work, "node_modules"));
  await symlink(join(ROOT, "node_modules", "openapi-fetch"), join(work, "node_modules", "openapi-fetch"), "dir");
  const inputs = fc.sample(specArbitrary, { seed: SEED, numRuns: RUNS });
  const runtime = await sharedRuntime(join(work, "shared"));
  await writeFile(join(work, "package.json"), JSON.stringify({ private: true, type: "module" }));
  const started = performance.now();
  for (const [index, input] of inputs.entries()) {
    const { document, operations, models } = buildSpec(input);
    const dir = join(work, "specs", String(index));
    await mkdir(dir);
    const file = join(dir, `${input.fileName ?? "spec"}.json`);
    await writeFile(file, JSON.stringify(document, null, 2));
    specs.push({ input, document, operations, models, file });
    try {
      const pkg = await renderPackage(
        { provider: `hostile-${index}`, specFile: file, outDir: join(work, "none", String(index)) },
        ctx,
      );
      rendered.set(index, pkg);
      // Sources and declarations go to disk for tsc. runtime/ is the same in every package below its banners:
      // each package gets a one-line stand-in per module re-exporting one shared copy, so tsc checks it once,
      // not 500 times (test/support/shared-runtime.ts).
      const root = join(work, "pkgs", `p${index}`);
      await mkdir(join(root, "src", "runtime"), { recursive: true });
      await mkdir(join(root, "dist", "runtime"), { recursive: true });
      await writeFile(join(root, "package.json"), pkg.files.get("package.json")!);
      for (const [rel, content] of pkg.files) {
        if (!rel.startsWith("src/") && !(rel.startsWith("dist/") && rel.endsWith(".d.ts"))) continue;
        const { text, problem } = await runtime.standIn(root, rel, content);
        if (problem !== undefined) failures.push({ index, what: `runtime: ${problem}` });
        await writeFile(join(root, rel), text);
      }
    } catch (error) {
      failures.push({ index, what: `generation failed: ${describeError(error).split("\n")[0]}` });
    }
  }
  renderMs = performance.now() - started;
  await writeFile(
    join(work, "tsconfig.json"),
    JSON.stringify({ compilerOptions: PACKAGE_TSCONFIG.compilerOptions, include: ["pkgs/*/src", "pkgs/*/dist"] }),
  );
}, 600_000);

afterAll(async () => {
  if (failures.length === 0 && !process.env.APIGEN_FC_KEEP) await rm(work, { recursive: true, force: true });
  else console.log(`work folder kept: ${work}`);
});

describe(`${RUNS} generated specs with hostile names and strings (seed ${SEED})`, () => {
  it("every spec generates", () => {
    console.log(`rendered ${rendered.size}/${RUNS} specs in ${Math.round(renderMs / 1000)} s`);
    const list = failures.filter((f) => f.what.startsWith("generation") || f.what.startsWith("runtime"));
    expect(list, report("generation", list)).toEqual([]);
    expect(RUNS).toBeGreaterThanOrEqual(500);
  });

  it("nothing is lost: one method per operation, one model per schema, all distinct", () => {
    const list: Failure[] = [];
    for (const [index, pkg] of rendered) {
      const { ir } = pkg;
      const spec = specs[index]!;
      const methods = new Set(ir.operations.map((o) => `${o.tag}\0${o.methodName}`));
      const problems = [
        ir.operations.length !== spec.operations &&
          `${ir.operations.length} operations, the spec has ${spec.operations}`,
        methods.size !== ir.operations.length && "two operations share a method name within a tag",
        new Set(ir.operations.map((o) => o.id)).size !== ir.operations.length && "two operations share an id",
        ir.models.length !== spec.models && `${ir.models.length} models, the spec has ${spec.models}`,
        new Set(ir.models.map((m) => m.slug.toLowerCase())).size !== ir.models.length &&
          "two models share a file name (ignoring case)",
        new Set(ir.tags.map((t) => t.propertyName)).size !== ir.tags.length && "two tags share a property name",
        new Set(ir.tags.map((t) => t.typeName)).size !== ir.tags.length && "two tags share a type name",
        new Set(ir.tags.map((t) => t.slug.toLowerCase())).size !== ir.tags.length &&
          "two tags share a file name (ignoring case)",
        ir.tags.some((t) => t.propertyName === "raw") &&
          "a tag's property is named raw, which the client uses for the openapi-fetch client",
      ].filter((p): p is string => typeof p === "string");
      for (const what of problems) list.push({ index, what });
    }
    failures.push(...list);
    expect(list, report("lost-or-merged", list)).toEqual([]);
  });

  it("the docs are well-formed markdown: tables square, fences closed, no stray HTML, no </script>", () => {
    const list: Failure[] = [];
    for (const [index, pkg] of rendered) {
      for (const [rel, content] of pkg.files) {
        if (!rel.endsWith(".md")) continue;
        for (const problem of markdownProblems(content)) list.push({ index, what: `${rel}: ${problem}` });
      }
    }
    failures.push(...list);
    expect(list, report("docs", list)).toEqual([]);
  });

  it("every client typechecks (one tsc over all packages)", async () => {
    const started = performance.now();
    const result = await tsc(["-p", join(work, "tsconfig.json")]);
    console.log(`tsc over ${rendered.size} packages in ${Math.round((performance.now() - started) / 1000)} s`);
    const list: Failure[] = [];
    for (const line of result.stdout.split("\n").filter((l) => /error TS\d+/.test(l))) {
      const index = Number(/pkgs\/p(\d+)\//.exec(line)?.[1] ?? -1);
      list.push({ index: index >= 0 ? index : 0, what: line.slice(0, 300) });
    }
    if (list.length) failures.push(...list);
    expect(list, report("tsc", list)).toEqual([]);
    expect(result.code).toBe(0);
  }, 600_000);
});
