/**
 * The validators module is ajv's standalone code, assembled by our linear
 * version (generator/emit/testing/standalone.ts): it must be the same text,
 * byte for byte, as ajv's own `standaloneCode` for the same compiled schemas.
 * Compiled with the generator's options, from the generator's layout (one
 * document: components, and the exported schemas beside them). One row per
 * shape that changes what ajv writes: shared refs (a function emitted once),
 * recursion (a wrapper), deep equality helpers, regular expressions and
 * formats, unevaluated properties (the `evaluated` line).
 */
import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020.js";
import AjvDraft7 from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { EXPORTS, SchemaDocument } from "../../generator/emit/testing/schema-document.ts";
import { standaloneModule } from "../../generator/emit/testing/standalone.ts";
import { AJV_OPTIONS } from "../../generator/emit/testing/validators.ts";

type Schemas = Record<string, object>;
/** The layout the generator compiles: components, and the exported schemas beside them in one document. */
const definitions = {
  user: { type: "object", properties: { id: { type: "integer" }, login: { type: "string", pattern: "^[a-z]+$" } } },
  node: { type: "object", properties: { next: { $ref: "#/definitions/node" }, tags: { uniqueItems: true } } },
  owner: { type: "object", properties: { user: { $ref: "#/definitions/user" }, kind: { const: { a: [1] } } } },
  stamp: { type: "string", format: "date-time" },
};
const ROWS: { what: string; draft: "7" | "2020"; schemas: Schemas; lines?: boolean }[] = [
  { what: "one flat schema", draft: "7", schemas: { q0: { type: "object", required: ["a"] } } },
  {
    what: "a ref shared by two exports",
    draft: "7",
    schemas: { q0: { allOf: [{ $ref: "#/definitions/owner" }] }, s1: { items: { $ref: "#/definitions/owner" } } },
  },
  { what: "a recursive schema", draft: "7", schemas: { q0: { allOf: [{ $ref: "#/definitions/node" }] } } },
  {
    what: "refs to schemas without refs, enums of objects, patterns, formats",
    draft: "7",
    schemas: {
      q0: {
        properties: {
          u: { $ref: "#/definitions/user" },
          e: { enum: [{ x: 1 }, "y"] },
          t: { $ref: "#/definitions/stamp" },
        },
      },
    },
  },
  {
    what: "unevaluatedProperties (an `evaluated` line)",
    draft: "2020",
    schemas: { q0: { allOf: [{ properties: { a: {} } }], unevaluatedProperties: false }, s1: { type: "string" } },
  },
  {
    what: "with code.lines on",
    draft: "7",
    lines: true,
    schemas: { q0: { allOf: [{ $ref: "#/definitions/node" }] } },
  },
];

function compiled(row: (typeof ROWS)[number]) {
  const opts = { ...AJV_OPTIONS, code: { ...AJV_OPTIONS.code, lines: row.lines === true } };
  const ajv = row.draft === "7" ? new AjvDraft7.default(opts) : new Ajv2020.default(opts);
  ajv.addSchema(structuredClone({ definitions, [EXPORTS]: row.schemas }), "spec");
  const names = Object.fromEntries(Object.keys(row.schemas).map((k) => [k, SchemaDocument.key("spec", k)]));
  return { ajv, names };
}

describe("standaloneModule writes ajv's standalone code", () => {
  it.each(ROWS)("$what", async (row) => {
    const ours = compiled(row);
    const theirs = compiled(row);
    const expected = standaloneCode.default(theirs.ajv, theirs.names);
    expect(await standaloneModule(ours.ajv, ours.names)).toBe(expected);
  });

  it("writes a component that several exports use once, as one function", async () => {
    const schemas = {
      q0: { allOf: [{ $ref: "#/definitions/owner" }] },
      s1: { items: { $ref: "#/definitions/owner" } },
      s2: { properties: { o: { $ref: "#/definitions/owner" }, u: { $ref: "#/definitions/user" } } },
    };
    const { ajv, names } = compiled({ what: "", draft: "7", schemas });
    const code = await standaloneModule(ajv, names);
    // Three exports, owner, user: five functions; the pattern of user compiled once.
    expect(code.match(/function validate\d+\(/g)).toHaveLength(5);
    expect(code.match(/new RegExp\("\^\[a-z\]\+\$"/g)).toHaveLength(1);
  });

  it("names a missing schema", async () => {
    const { ajv } = compiled(ROWS[0]!);
    await expect(standaloneModule(ajv, { q9: "nope" })).rejects.toThrow(/no schema with id nope/);
  });
});
