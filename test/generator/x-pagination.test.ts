import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/client.ts";
import { loadTemplates } from "../../generator/emit/templates.ts";
import { SpecError } from "../../generator/errors.ts";
import { buildIR } from "../../generator/ir/build.ts";
import { loadSpec } from "../../generator/load/load.ts";
import { validateAndBundle } from "../../generator/validate/validate.ts";
import { ROOT } from "../support/run.ts";

/**
 * The `x-pagination` extension's four styles (specs/README.md), and the
 * generate-time check that every parameter and pointer it names exists: a
 * typo is a `file:line:col` error naming the key, what exists, and the fix.
 */
const FIXTURE = join(ROOT, "test", "fixtures", "pagination", "openapi.yaml");
let dir: string;
let source: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "apigen-x-pagination-"));
  source = await readFile(FIXTURE, "utf8");
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function build(file: string) {
  const loaded = await loadSpec(file);
  return buildIR(await validateAndBundle(loaded), "paging", loaded.locate);
}

/** Builds the fixture with one edit; returns the formatted error (paths relative to the temp dir). */
async function errorFor(from: string, to: string): Promise<string> {
  expect(source).toContain(from);
  const file = join(dir, "openapi.yaml");
  await writeFile(file, source.replace(from, to));
  const error = await build(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SpecError);
  return (error as SpecError).format(dir);
}

describe("x-pagination styles", () => {
  it("reads offset, page, cursor and link paging", async () => {
    const ir = await build(FIXTURE);
    const paging = Object.fromEntries(ir.operations.map((op) => [op.id, op.pagination]));
    expect(paging).toEqual({
      listByOffset: {
        style: "offset",
        limitParam: "limit",
        offsetParam: "offset",
        itemsPath: ["data"],
        totalPath: undefined,
      },
      listByPage: {
        style: "page",
        pageParam: "page",
        sizeParam: "per_page",
        itemsPath: ["results"],
        totalPath: ["meta", "total"],
        totalPagesPath: ["meta", "pages"],
      },
      listByCursor: {
        style: "cursor",
        cursorParam: "after",
        nextPath: ["page_info", "end_cursor"],
        itemsPath: ["edges"],
        limitParam: "first",
      },
      listByLink: { style: "link", itemsPath: [] },
    });
  });

  it("emits the agreed metadata for the runtime, and .pages()/.items() for each", async () => {
    const ir = await build(FIXTURE);
    const { client } = emitClient(ir, await loadTemplates(), "// test");
    expect(client).toContain('pagination: { style: "offset", limit: "limit", offset: "offset", items: ["data"] }');
    expect(client).toMatch(
      /style: "page",\s*page: "page",\s*size: "per_page",\s*items: \["results"\],\s*total: \["meta", "total"\],\s*totalPages: \["meta", "pages"\]/,
    );
    expect(client).toMatch(
      /style: "cursor",\s*cursor: "after",\s*next: \["page_info", "end_cursor"\],\s*items: \["edges"\],\s*limit: "first"/,
    );
    expect(client).toContain('pagination: { style: "link", items: [] }');
    for (const id of ["listByOffset", "listByPage", "listByCursor", "listByLink"])
      expect(client).toContain(`runtime.paginated<Operations["${id}"]`);
  });
});

describe("x-pagination is checked at generate time", () => {
  it("a parameter that is not a query parameter of the operation", async () => {
    const message = await errorFor("size: per_page", "size: perPage");
    expect(message).toBe(
      'openapi.yaml:35:9: x-pagination: "size" names "perPage", which is not a query parameter of this operation (it has "page", "per_page"); add the parameter or name one of those (at #/paths/~1by-page/get/x-pagination/size)',
    );
  });

  it("a pointer the response schema does not have says what it does have", async () => {
    const message = await errorFor("totalPages: /meta/pages", "totalPages: /meta/page_count");
    expect(message).toMatch(
      /^openapi\.yaml:38:9: x-pagination: "totalPages" is "\/meta\/page_count", which the 200 response schema does not have \(\/meta has: total, pages\); point at a property the schema declares \(at #\/paths\/~1by-page\/get\/x-pagination\/totalPages\)$/,
    );
  });

  it("items must be an array", async () => {
    const message = await errorFor("items: /data", "items: /meta");
    expect(message).toContain(
      'openapi.yaml:19:9: x-pagination: "items" must point at an array, but "/meta" of the 200 response is not one (at #/paths/~1by-offset/get/x-pagination/items)',
    );
  });

  it("a required key left out, an unknown key, an unknown style", async () => {
    expect(await errorFor("        next: /page_info/end_cursor\n", "")).toContain(
      'x-pagination: "next" must be a JSON pointer',
    );
    expect(await errorFor("        items: /edges\n", "        items: /edges\n        total: /count\n")).toContain(
      '"total" is not a key of style "cursor"; it takes "style", "cursor", "limit", "items", "next"',
    );
    expect(await errorFor("style: link", "style: links")).toMatch(
      /^openapi\.yaml:87:9: x-pagination: style must be one of "offset", "page", "cursor", "link" \(got "links"\)/,
    );
  });

  it("link without items needs a body that is an array", async () => {
    const message = await errorFor(
      "              schema:\n                type: array",
      "              schema:\n                type: object",
    );
    expect(message).toContain('style "link" without "items" needs a 2xx JSON response whose body is an array');
  });
});

describe("x-idempotency-key", () => {
  it("must name a header", async () => {
    const message = await errorFor(
      "      x-pagination:\n        style: link",
      "      x-idempotency-key: 42\n      x-pagination:\n        style: link",
    );
    expect(message).toMatch(
      /^openapi\.yaml:\d+:\d+: x-idempotency-key must be the name of the header that carries the key, such as "Idempotency-Key" \(got 42\)/,
    );
  });
});
