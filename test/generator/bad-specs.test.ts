import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describe as describeError } from "../../generator/errors.ts";
import { generatorFingerprint } from "../../generator/fingerprint.ts";
import { generatePackage, lazyTemplates, type RunContext } from "../../generator/pipeline.ts";
import { ROOT, apigen } from "../support/run.ts";
import { copyPackage, hashTree, type Tree } from "../support/tree.ts";

/**
 * Hostile input: every bad spec gives one first line naming the file, the
 * position (`file:line:col: ...` or `file: ... (at #/pointer)`) and what is
 * wrong; exit code 1 and no stack trace through the CLI; and the package it
 * was pointed at (a copy of generated/latitudesh, manifest included) stays
 * byte-identical, with nothing left beside it.
 *
 * Most cases run in-process through generatePackage (one process for all,
 * which keeps the file fast); those marked `cli` also run through the real
 * command line. Cases with `make` are written at run time (the 20 MB file,
 * binary data with NUL bytes, nesting too deep to read).
 */
const FIXTURES = join(ROOT, "test", "fixtures", "bad-specs");

interface Case {
  file: string;
  /** Line (and optionally column) or pointer the first line must give: `/:12:15: /`, `/\(at #\/paths\/…\)$/`. */
  position: RegExp;
  says: RegExp;
  /** Also through the CLI (exit code, stderr, no stack trace). */
  cli?: boolean;
  /** Written into the temp folder at run time instead of read from the fixtures. */
  make?: (path: string) => Promise<void>;
  /** Upper bound on the in-process time, for the cases that are big on purpose. */
  maxMs?: number;
}

const MB = 1024 * 1024;

/** ~20 MB of JSON that looks like a real spec (thousands of schemas), with a syntax error near the end. */
async function huge20MbJson(path: string): Promise<void> {
  const schemas: string[] = [];
  let size = 0;
  for (let i = 0; size < 20 * MB; i++) {
    const entry = `    "Schema${i}": {\n      "type": "object",\n      "description": "Schema number ${i}, padded to look like a real description of a real model.",\n      "properties": { "id": { "type": "string" }, "count": { "type": "integer" } }\n    }`;
    schemas.push(entry);
    size += entry.length + 2;
  }
  const head = `{\n  "openapi": "3.1.0",\n  "info": { "title": "Huge", "version": "1" },\n  "paths": {},\n  "components": {\n  "schemas": {\n`;
  // The error: a value without quotes, three lines from the end.
  await writeFile(path, `${head}${schemas.join(",\n")}\n  },\n  "x-trailing": oops\n  }\n}\n`);
}

/** A 2.5 MB YAML spec with 40,000 schemas in one mapping, and an unclosed flow mapping at the end. */
async function hugeMapping(path: string): Promise<void> {
  const lines = ["openapi: 3.1.0", 'info: { title: Wide, version: "1" }', "paths: {}", "components:", "  schemas:"];
  for (let i = 0; i < 40_000; i++) lines.push(`    Schema${i}: { type: object, description: "number ${i}" }`);
  await writeFile(path, [...lines, "    Broken: { type: object", ""].join("\n"));
}

const CASES: Case[] = [
  // Syntax
  { file: "yaml-syntax.yaml", position: /:[89]:\d+: /, says: /YAML syntax error/, cli: true },
  { file: "json-syntax.json", position: /:3:\d+: /, says: /JSON syntax error/, cli: true },
  { file: "tab-indent.yaml", position: /:3:1: /, says: /YAML syntax error: Tabs are not allowed/ },
  {
    file: "duplicate-keys.yaml",
    position: /:8:3: /,
    says: /YAML syntax error: Map keys must be unique \("\/a" appears twice/,
  },
  { file: "duplicate-keys.json", position: /:6:5: /, says: /duplicate key "\/a".*would be lost/ },
  { file: "multiple-documents.yaml", position: /:4:1: /, says: /multiple documents/ },
  { file: "undefined-alias.yaml", position: /:5:10: /, says: /Unresolved alias.*notDefined/ },
  { file: "recursive-alias.yaml", position: /:9:16: /, says: /alias \*node is inside the node &node/ },
  { file: "alias-bomb.yaml", position: /:6:\d+: /, says: /aliases expand to too much data/, cli: true, maxMs: 5000 },
  { file: "truncated.json", position: /:5:\d+: /, says: /JSON syntax error: the file ends before the JSON does/ },
  { file: "truncated-in-string.json", position: /:6:\d+: /, says: /JSON syntax error: Unterminated string/ },
  {
    file: "deep-nesting.json",
    position: /:1:\d+: /,
    says: /nests deeper than 256 levels/,
    make: (path) =>
      writeFile(
        path,
        `{"openapi":"3.1.0","info":{"title":"Deep","version":"1"},"paths":{},"x-deep":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
      ),
  },
  // 40,000 keys in one mapping: the yaml package's duplicate-key check is quadratic (minutes); the loader's own is not.
  {
    file: "huge-mapping.yaml",
    position: /:4000[67]:\d+: /,
    says: /YAML syntax error/,
    make: hugeMapping,
    maxMs: 30_000,
  },
  {
    file: "huge-20mb.json",
    position: /:\d{6,}:\d+: /,
    says: /JSON syntax error: Unexpected token 'o'$/,
    cli: true,
    make: huge20MbJson,
    maxMs: 15_000,
  },
  // Not text, or nothing in it
  { file: "empty.yaml", position: /:1:1: /, says: /empty/, cli: true },
  { file: "comment-only.yaml", position: /:1:1: /, says: /expected an OpenAPI document.*holds nothing/ },
  { file: "binary-garbage.png", position: /:1:1: /, says: /not valid UTF-8 text \(byte 0x89 here\)/ },
  {
    file: "binary-garbage.bin",
    position: /:\d+:\d+: /,
    says: /binary data \(a NUL byte\)/,
    cli: true,
    make: (path) =>
      writeFile(path, Buffer.concat([Buffer.from("\x1f\x8b\x08\x00", "latin1"), randomBytes(4096), Buffer.alloc(16)])),
  },
  { file: "not-utf8.yaml", position: /:3:14: /, says: /not valid UTF-8 text \(byte 0xe9 here\)/ },
  // Not an OpenAPI 3.0/3.1 document
  { file: "top-level-list.yaml", position: /:1:1: /, says: /expected an OpenAPI document.*holds a list/ },
  { file: "top-level-string.json", position: /:1:1: /, says: /expected an OpenAPI document.*holds a string/ },
  { file: "missing-openapi-field.yaml", position: /:1:1: /, says: /missing the "openapi" version field/ },
  {
    file: "wrong-version.yaml",
    position: /:1:\d+: .*\(at #\/openapi\)$/,
    says: /unsupported OpenAPI version "4\.0\.0"/,
  },
  {
    file: "unknown-version-3-9.yaml",
    position: /:1:\d+: .*\(at #\/openapi\)$/,
    says: /unsupported OpenAPI version "3\.9\.1"/,
  },
  {
    file: "version-not-a-version.json",
    position: /:2:3: .*\(at #\/openapi\)$/,
    says: /"openapi" field must be a version string.*not a mapping/,
  },
  { file: "swagger-2.json", position: /:2:\d+: /, says: /Swagger 2\.0 is not supported/ },
  // $refs
  {
    file: "dangling-ref.yaml",
    // At the `$ref` line, where the fix goes (redocly points at the schema that holds it).
    position: /:13:17: .*\(at #\/paths\/~1things\/get\/responses\/200\/content\/application~1json\/schema\/\$ref\)$/,
    says: /dangling \$ref.*#\/components\/schemas\/Missing/,
    cli: true,
  },
  {
    file: "circular-refs.yaml",
    position: /:15:5: .*\(at #\/components\/schemas\/A\)$/,
    says: /\$ref cycle with no schema in it: .*A -> .*B -> .*A/,
  },
  { file: "self-ref.yaml", position: /:6:5: /, says: /\$ref cycle with no schema in it: .*Loop -> .*Loop/ },
  {
    file: "missing-external-file.yaml",
    position: /:13:17: .*\/schema\/\$ref\)$/,
    says: /\$ref to a file that does not exist: "\.\/schemas\/does-not-exist\.yaml"/,
  },
  {
    file: "external-dangling-pointer.yaml",
    position: /:13:17: .*\/schema\/\$ref\)$/,
    says: /dangling \$ref: nothing found at "\.\/_parts\/thing\.yaml#\/Missing"/,
  },
  {
    file: "bad-ref-type.yaml",
    position: /:13:\d+: .*\(at #\/paths\/.*\/schema\/\$ref\)$/,
    says: /\$ref must be a string .*not a number/,
  },
  // Operations and parameters
  {
    file: "duplicate-operation-id.yaml",
    position: /:10:\d+: .*\(at #\/paths\/~1b\/get\/operationId\)$/,
    says: /duplicate operationId "getThing": GET \/a already uses it/,
  },
  { file: "undeclared-path-param.yaml", position: /:5:\d+: /, says: /path parameter `\{thingId\}`/ },
  {
    file: "path-param-not-in-path.yaml",
    position: /:8:\d+: /,
    says: /Path parameter `thingId` is not used in the path `\/things`/,
  },
  { file: "duplicate-parameter.yaml", position: /:9:\d+: /, says: /unique `name` \+ `in`.*limit/ },
  {
    file: "bad-percent-in-path.yaml",
    position: /:4:3: .*\(at #\/paths\/~1discounts~1100%\)$/,
    says: /`%` that does not begin a percent-encoded byte/,
  },
  // Wrong types where objects (or lists) belong
  {
    file: "wrong-type.yaml",
    position: /:4:\d+: /,
    says: /Expected type `PathItem` \(object\) but got `string`/,
    cli: true,
  },
  { file: "paths-is-a-list.yaml", position: /:3:1: /, says: /Expected type `Paths` \(object\) but got `array`/ },
  {
    file: "parameters-not-a-list.yaml",
    position: /:7:\d+: /,
    says: /Expected type `ParameterList` \(array\) but got `object`/,
  },
  {
    file: "schema-is-a-string.yaml",
    position: /:12:\d+: /,
    says: /Expected type `Schema` \(object\) but got `string`/,
  },
  {
    file: "responses-is-a-number.json",
    position: /:6:\d+: /,
    says: /Expected type `Responses` \(object\) but got `integer`/,
  },
  {
    file: "component-schema-number.yaml",
    position: /:6:5: /,
    says: /Expected type `Schema` \(object\) but got `integer`/,
  },
];

/** The one-line shapes every message must have. */
const LOCATED = /^(?<file>[^\n]+?):(?<line>\d+):(?<col>\d+): \S[^\n]*$|^(?<pfile>[^\n]+?): \S[^\n]* \(at #\/[^\n]*\)$/;

let work: string;
let generatedRoot: string;
let packageDir: string;
let before: Tree | undefined;
let ctx: RunContext;

function specPath(c: Case): string {
  return c.make ? join(work, "specs", c.file) : join(FIXTURES, c.file);
}

/** How describe() shows the file: relative to the working directory when under it. */
function shown(path: string): string {
  return path.startsWith(process.cwd() + "/") ? path.slice(process.cwd().length + 1) : path;
}

function checkFirstLine(first: string, c: Case): void {
  expect(first).toMatch(LOCATED);
  expect(first.startsWith(`${shown(specPath(c))}:`)).toBe(true);
  expect(first).toMatch(c.position);
  expect(first).toMatch(c.says);
  expect(first).not.toMatch(/internal error/);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "apigen-bad-"));
  generatedRoot = join(work, "generated");
  packageDir = join(generatedRoot, "latitudesh");
  await copyPackage(join(ROOT, "generated", "latitudesh"), packageDir);
  await mkdir(join(work, "specs"));
  for (const c of CASES) if (c.make) await c.make(specPath(c));
  before = await hashTree(generatedRoot, { folders: true });
  ctx = { templates: lazyTemplates(), fingerprint: await generatorFingerprint() };
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("the bad-spec corpus", () => {
  it("holds at least 25 cases, each file present and each used once", async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
    const committed = (await readdir(FIXTURES, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
    expect(committed.sort()).toEqual(
      CASES.filter((c) => !c.make)
        .map((c) => c.file)
        .sort(),
    );
  });

  it("the 20 MB case is at least 20 MB", async () => {
    const { size } = await stat(join(work, "specs", "huge-20mb.json"));
    expect(size).toBeGreaterThanOrEqual(20 * MB);
  });
});

describe.each(CASES)("a bad spec: $file", (c) => {
  it("fails with one located line and leaves the package it targets byte-identical", async () => {
    const started = performance.now();
    const error = await generatePackage(
      { provider: "latitudesh", specFile: specPath(c), outDir: packageDir },
      ctx,
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    const ms = performance.now() - started;
    expect(error, "the spec was accepted").toBeDefined();
    const message = describeError(error);
    checkFirstLine(message.split("\n")[0]!, c);
    expect(message).not.toMatch(/\n\s+at /);
    if (c.maxMs) expect(ms).toBeLessThan(c.maxMs);
    expect(await hashTree(generatedRoot, { folders: true })).toEqual(before);
  });
});

describe.each(CASES.filter((c) => c.cli))("a bad spec through the CLI: $file", (c) => {
  it("exits 1 with the same located line on stderr, no stack trace, nothing written", async () => {
    const result = await apigen(["generate", "--spec", specPath(c), "--out", packageDir]);
    expect(result.code).toBe(1);
    checkFirstLine(result.stderr.split("\n")[0]!, c);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.stdout).toBe("");
    expect(await hashTree(generatedRoot, { folders: true })).toEqual(before);
  });
});

describe("a $ref cycle across files", () => {
  // redocly finds it while it lints and says only "circular pointer", with no place: the generator says
  // what it is and names the root file (every other bad spec above is located to a line or a pointer).
  it("fails with exit 1, naming the spec and calling it a cycle", async () => {
    const spec = join(ROOT, "test", "fixtures", "cycle-across-files", "openapi.yaml");
    const result = await apigen(["generate", "--spec", spec, "--out", join(tmpdir(), "apigen-never-written-cycle")]);
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n")[0]).toMatch(
      /cycle-across-files\/openapi\.yaml: \$ref cycle with no schema in it, across files \(.*circular pointer\)$/,
    );
  });
});
