/**
 * validate.ts keeps the prose-free key of a watcher's last document (the lint memo's key) when a save
 * changed only one description or summary (load/json-reparse.ts tells which string): the key kept must
 * be the one worked out afresh, and any other edit must change it as a fresh one does.
 */
import { describe, expect, it } from "vitest";
import { parseSpecText } from "../../generator/load/load.ts";
import { YamlParses } from "../../generator/load/reparse.ts";
import { lintedDocument, proseFreeKey } from "../../generator/validate/validate.ts";

const spec = {
  openapi: "3.1.0",
  info: { title: "T", version: "1", description: "about" },
  paths: {
    "/a": {
      get: {
        summary: "get a",
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Pet: {
        type: "object",
        description: "a pet",
        properties: { kind: { type: "string" } },
        discriminator: { propertyName: "kind", mapping: { description: "#/components/schemas/Cat" } },
      },
      Cat: { type: "object", properties: { kind: { type: "string" } } },
    },
  },
};

function keyOf(text: string, parses?: YamlParses, edited = false): string {
  const loaded = parseSpecText("spec.json", text, parses);
  expect(loaded.edit !== undefined).toBe(edited);
  const { parsed, literalRef } = lintedDocument(loaded);
  return proseFreeKey(loaded, parsed, literalRef);
}

describe("prose-free key", () => {
  it("is kept across a prose edit and follows any other", () => {
    const parses = new YamlParses();
    let text = JSON.stringify(spec, null, 2);
    const first = keyOf(text, parses);
    const edits: [string, string, boolean][] = [
      ['"description": "a pet"', '"description": "a small pet"', true],
      ['"summary": "get a"', '"summary": "Get an a"', true],
      ['"description": "ok"', '"description": "fine"', true],
      // A name in a discriminator's mapping is no prose: the key follows it.
      ['"description": "#/components/schemas/Cat"', '"description": "#/components/schemas/Pet"', false],
      ['"type": "string"', '"type": "integer"', false],
      ['"title": "T"', '"title": "U"', false],
    ];
    let previous = first;
    for (const [from, to, prose] of edits) {
      expect(text.includes(from)).toBe(true);
      text = text.replace(from, to);
      const kept = keyOf(text, parses, true);
      expect(kept).toBe(keyOf(text));
      expect(kept === previous).toBe(prose);
      previous = kept;
    }
  });
});
