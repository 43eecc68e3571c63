/**
 * The validators module is ajv's standalone code, assembled by our linear
 * version (generator/emit/testing/standalone.ts): it must be the same text,
 * byte for byte, as ajv's own `standaloneCode` for the same compiled schemas.
 * One row per shape that changes what ajv writes: shared refs (a function
 * emitted once), recursion (a wrapper), inlined refs, deep equality helpers,
 * regular expressions, unevaluated properties (the `evaluated` line).
 */
import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020.js";
import AjvDraft7 from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { standaloneModule } from "../../generator/emit/testing/standalone.ts";

type Schemas = Record<string, object>;
const options = {
  strict: false,
  logger: false as const,
  validateSchema: false,
  unicode: false,
  code: { source: true, esm: true, lines: false, optimize: true },
};
const spec = {
  $id: "spec",
  definitions: {
    user: { type: "object", properties: { id: { type: "integer" }, login: { type: "string", pattern: "^[a-z]+$" } } },
    node: { type: "object", properties: { next: { $ref: "spec#/definitions/node" }, tags: { uniqueItems: true } } },
    owner: { type: "object", properties: { user: { $ref: "spec#/definitions/user" }, kind: { const: { a: [1] } } } },
  },
};
const ROWS: { what: string; draft: "7" | "2020"; schemas: Schemas; lines?: boolean }[] = [
  { what: "one flat schema", draft: "7", schemas: { q0: { type: "object", required: ["a"] } } },
  {
    what: "a ref shared by two exports",
    draft: "7",
    schemas: { q0: { $ref: "spec#/definitions/owner" }, s1: { items: { $ref: "spec#/definitions/owner" } } },
  },
  { what: "a recursive schema", draft: "7", schemas: { q0: { $ref: "spec#/definitions/node" } } },
  {
    what: "inlined refs, enums of objects, patterns",
    draft: "7",
    schemas: { q0: { properties: { u: { $ref: "spec#/definitions/user" }, e: { enum: [{ x: 1 }, "y"] } } } },
  },
  {
    what: "unevaluatedProperties (an `evaluated` line)",
    draft: "2020",
    schemas: { q0: { allOf: [{ properties: { a: {} } }], unevaluatedProperties: false }, s1: { type: "string" } },
  },
  { what: "with code.lines on", draft: "7", lines: true, schemas: { q0: { $ref: "spec#/definitions/node" } } },
];

function compiled(row: (typeof ROWS)[number]) {
  const opts = { ...options, code: { ...options.code, lines: row.lines === true } };
  const ajv = row.draft === "7" ? new AjvDraft7.default(opts) : new Ajv2020.default(opts);
  ajv.addSchema(structuredClone(spec));
  for (const [key, schema] of Object.entries(row.schemas)) ajv.addSchema(structuredClone(schema), key);
  return { ajv, names: Object.fromEntries(Object.keys(row.schemas).map((k) => [k, k])) };
}

describe("standaloneModule writes ajv's standalone code", () => {
  it.each(ROWS)("$what", async (row) => {
    const ours = compiled(row);
    const theirs = compiled(row);
    const expected = standaloneCode.default(theirs.ajv, theirs.names);
    expect(await standaloneModule(ours.ajv, ours.names)).toBe(expected);
  });

  it("names a missing schema", async () => {
    const { ajv } = compiled(ROWS[0]!);
    await expect(standaloneModule(ajv, { q9: "nope" })).rejects.toThrow(/no schema with id nope/);
  });
});
