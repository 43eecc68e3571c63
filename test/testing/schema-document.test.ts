/**
 * The document the validators are compiled from: what of the spec it holds
 * (only what the exported schemas reach, once), in what form (no annotations,
 * OpenAPI 3.0 keywords as ajv compiles them), and which exports share a validator.
 */
import { describe, expect, it } from "vitest";
import { EXPORTS, SchemaDocument } from "../../generator/emit/testing/schema-document.ts";

const spec = {
  openapi: "3.0.3",
  paths: { "/users": { get: { description: "not a schema: never copied" } } },
  components: {
    schemas: {
      user: { type: "object", description: "A user.", properties: { owner: { $ref: "#/components/schemas/org" } } },
      org: { type: "object", "x-internal": true, properties: { description: { type: "string", example: "x" } } },
      unused: { type: "string" },
      "a/b": { type: "integer", minimum: 1, exclusiveMinimum: true, nullable: true },
      page: { type: "object", properties: { items: { type: "array", items: { type: "string" } } } },
    },
    responses: {
      Error: {
        description: "error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/a~1b" } } },
      },
    },
  },
};

const ROWS: { what: string; exports: unknown[]; document: object }[] = [
  {
    what: "copies what a ref reaches, transitively, without annotations; property names stay",
    exports: [{ $ref: "#/components/schemas/user" }],
    document: {
      [EXPORTS]: { e0: { allOf: [{ $ref: "#/components/schemas/user" }] } },
      components: {
        schemas: {
          user: { type: "object", properties: { owner: { $ref: "#/components/schemas/org" } } },
          org: { type: "object", properties: { description: { type: "string" } } },
        },
      },
    },
  },
  {
    what: "follows escaped pointers through non-schema objects; OpenAPI 3.0 bounds become JSON Schema's",
    exports: [{ items: { $ref: "#/components/responses/Error/content/application~1json/schema" } }],
    document: {
      [EXPORTS]: { e0: { items: { $ref: "#/components/responses/Error/content/application~1json/schema" } } },
      components: {
        responses: { Error: { content: { "application/json": { schema: { $ref: "#/components/schemas/a~1b" } } } } },
        schemas: { "a/b": { type: "integer", nullable: true, exclusiveMinimum: 1 } },
      },
    },
  },
  {
    what: "a ref into a schema that is copied whole as well: one copy",
    exports: [
      { $ref: "#/components/schemas/page/properties/items" },
      { properties: { p: { $ref: "#/components/schemas/page" } } },
    ],
    document: {
      [EXPORTS]: {
        e0: { allOf: [{ $ref: "#/components/schemas/page/properties/items" }] },
        e1: { properties: { p: { $ref: "#/components/schemas/page" } } },
      },
      components: { schemas: { page: spec.components.schemas.page } },
    },
  },
  {
    what: "equal schemas are exported once",
    exports: [{ type: "string" }, { type: "string", description: "the same once annotations go" }],
    document: { [EXPORTS]: { e0: { type: "string" } } },
  },
];

describe("the validators' schema document", () => {
  it.each(ROWS)("$what", ({ exports, document }) => {
    const schemas = new SchemaDocument(structuredClone(spec));
    const names = exports.map((schema, i) => schemas.export(`e${i}`, schemas.copy(schema)));
    expect(JSON.parse(JSON.stringify(schemas.root))).toEqual(document);
    expect(new Set(names).size).toBe(Object.keys((document as Record<string, object>)[EXPORTS]!).length);
  });

  it("gives ajv a pointer to each export, escaped", () => {
    expect(SchemaDocument.key("spec", "q/0")).toBe(`spec#/${EXPORTS}/q~10`);
  });
});
