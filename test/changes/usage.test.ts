/** changes/usage.ts: which operations use each component, in which direction (given, want). */
import { describe, expect, it } from "vitest";
import { componentUsage } from "../../generator/changes/usage.ts";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (schema: unknown) => ({ content: { "application/json": { schema } } });

describe("componentUsage", () => {
  it("follows refs through shared and recursive components, in walk order, skipping data", () => {
    const doc = {
      openapi: "3.1.0",
      paths: {
        "/a": {
          get: { responses: { "200": body(ref("Node")) } },
          post: { requestBody: body(ref("Pet")), responses: { "201": { $ref: "#/components/responses/Made" } } },
        },
      },
      components: {
        schemas: {
          Node: { properties: { next: ref("Node"), pet: ref("Pet") } },
          Pet: { properties: { tag: ref("Tag") }, example: ref("Ghost") },
          Tag: { type: "string" },
          Unused: { type: "string" },
        },
        responses: { Made: body(ref("Tag")) },
      },
    };
    const usage = componentUsage(doc);
    expect([...usage].map(([key, u]) => [key, [...u.dirs], [...u.ops], u.success])).toEqual([
      ["schemas/Node", ["response"], ["GET /a"], false],
      ["schemas/Pet", ["response", "request"], ["GET /a", "POST /a"], false],
      ["schemas/Tag", ["response", "request"], ["GET /a", "POST /a"], false],
      ["responses/Made", ["response"], ["POST /a"], true],
    ]);
  });
});
