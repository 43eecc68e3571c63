/**
 * The JSON samples in the generated docs (request bodies, every declared
 * response, model pages) validate against the schema they illustrate, with
 * a JSON Schema 2020-12 validator (ajv, formats checked); the spec's own
 * examples appear verbatim; and the sample maker alone gives realistic values
 * that validate for the keywords readers meet (formats, enums, bounds,
 * lengths, patterns, const, discriminators).
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleFor } from "../../generator/emit/docs/samples.ts";
import type { ModelIR } from "../../generator/ir/types.ts";
import { decodePlainPointer } from "../../generator/shared/json-pointer.ts";
import { type Spec, escapePointer, loadSpec } from "./spec.ts";
import { type CodeBlock, type DocFile, codeBlocks, docFiles } from "./support.ts";

type Json = Record<string, unknown>;

interface Placed {
  block: CodeBlock;
  pointer: string;
  what: string;
}

let docs: DocFile[];
const specs = new Map<string, Spec>();

beforeAll(async () => {
  docs = await docFiles();
  for (const provider of new Set(docs.map((d) => d.provider))) specs.set(provider, await loadSpec(provider));
});

/** The label right above a fence: a heading or a paragraph such as `Example body:`. */
function labelAbove(doc: DocFile, block: CodeBlock): string {
  const lines = doc.text.split("\n");
  for (let i = block.line - 3; i >= 0; i--) if (lines[i]!.trim() !== "") return lines[i]!.trim();
  return "";
}

function sectionOf(doc: DocFile, block: CodeBlock): string {
  const before = doc.text
    .split("\n")
    .slice(0, block.line - 1)
    .join("\n");
  return before.slice(before.lastIndexOf("\n## ") + 1);
}

/** Follows `$ref`s from a pointer to the pointer of the object it lands on. */
function landing(spec: Spec, pointer: string): string {
  for (let i = 0; i < 20; i++) {
    const node = decodePlainPointer(pointer).reduce<unknown>((n, k) => (n as Json | undefined)?.[k], spec.document) as
      Json | undefined;
    if (typeof node?.$ref !== "string") return pointer;
    pointer = node.$ref.slice(1);
  }
  return pointer;
}

function jsonMedia(spec: Spec, pointer: string): string {
  const content = (spec.deref<Json>({ $ref: `#${pointer}` }).content ?? {}) as Json;
  const type = Object.keys(content).find((t) => /^application\/(.+\+)?json(;|$)/i.test(t));
  if (type === undefined) throw new Error(`no JSON media at ${pointer}`);
  return `${pointer}/content/${escapePointer(type)}/schema`;
}

/** Each JSON block of the docs with the pointer of the schema it shows a value of. */
function placedSamples(): Placed[] {
  const out: Placed[] = [];
  for (const doc of docs) {
    const spec = specs.get(doc.provider)!;
    for (const block of codeBlocks(doc).filter((b) => b.lang === "json" && !b.quoted)) {
      const label = labelAbove(doc, block);
      const where = `${doc.name}:${block.line}`;
      if (label === "## Example JSON") {
        const name = /^# (.*)$/m.exec(doc.text)![1]!.replace(/\\(.)/g, "$1");
        out.push({ block, pointer: `/components/schemas/${escapePointer(name)}`, what: `${where} (model ${name})` });
        continue;
      }
      const id = /^- Operation id: `([^`]+)`$/m.exec(sectionOf(doc, block))?.[1];
      const op = spec.operations.find((o) => o.id === id);
      if (op === undefined) throw new Error(`${where}: JSON block outside an operation (${label})`);
      if (label === "Example body:") {
        out.push({
          block,
          pointer: jsonMedia(spec, landing(spec, `${op.pointer}/requestBody`)),
          what: `${where} (${id} request body)`,
        });
        continue;
      }
      const status = /^#### Response (\S+)$/.exec(label)?.[1];
      if (status === undefined) throw new Error(`${where}: JSON block under an unexpected label: ${label}`);
      out.push({
        block,
        pointer: jsonMedia(spec, landing(spec, `${op.pointer}/responses/${escapePointer(status)}`)),
        what: `${where} (${id} ${status} response)`,
      });
    }
  }
  return out;
}

describe("JSON samples in the generated docs", () => {
  it("are shown for every request body, declared response (errors included) and model", () => {
    const placed = placedSamples();
    let expectedResponses = 0;
    for (const spec of specs.values()) {
      for (const op of spec.operations) {
        for (const r of Object.values((op.operation.responses ?? {}) as Json)) {
          const content = (spec.deref<Json>(r).content ?? {}) as Json;
          if (Object.keys(content).some((t) => /json/i.test(t))) expectedResponses++;
        }
      }
    }
    // A long sample of a named model is shown once, on the model page, and linked from the operation.
    const linked = docs.reduce(
      (n, d) =>
        n + [...d.text.matchAll(/^A \[.*\]\(.*\.md#example-json\): see the example JSON on its page\.$/gm)].length,
      0,
    );
    expect(placed.filter((p) => p.what.includes(" response)")).length + linked).toBe(expectedResponses);
    expect(placed.some((p) => /\b4\d\d response\)/.test(p.what))).toBe(true);
    expect(placed.filter((p) => p.what.includes("(model ")).length).toBeGreaterThan(10);
  });

  it("validate against their schemas (JSON Schema 2020-12, formats checked)", () => {
    const failures: string[] = [];
    for (const p of placedSamples()) {
      const spec = specs.get(p.block.doc.provider)!;
      const errors = spec.check(p.pointer, JSON.parse(p.block.code));
      if (errors.length > 0) failures.push(`${p.what}: ${errors.join("; ")}`);
    }
    expect(failures).toEqual([]);
  });

  it("use the spec's own examples verbatim (media, parameter and schema examples)", () => {
    const text = docs.map((d) => d.text).join("\n");
    // latitudesh: a path parameter example, a query parameter example and a schema example.
    expect(text).toContain("vpn_6VE1Wd37dXnZJ");
    expect(text).toMatch(/"filter\[location\]": "SAO"/);
    expect(text).toContain("sv_wg3ZDrKyO5QlP");
    // OpenZiti's error envelopes, from components.responses examples.
    expect(text).toContain('"code": "COULD_NOT_VALIDATE"');
    expect(text).toContain('"message": "No resource exists with this id."');
  });

  it("leave placeholders only for credentials", () => {
    const placeholders = docs.flatMap((d) => [...d.text.matchAll(/"<([^">]*)>"/g)].map((m) => m[1]!));
    expect(placeholders.filter((p) => !/token|password|secret|key/i.test(p))).toEqual([]);
  });
});

describe("sampleFor", () => {
  const ajv = new Ajv2020({ strict: false });
  (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
  const models: ModelIR[] = [
    {
      name: "Cat",
      typeName: "Cat",
      slug: "cat",
      schema: {
        type: "object",
        required: ["kind", "lives"],
        properties: { kind: { type: "string" }, lives: { type: "integer", minimum: 1, maximum: 9 } },
      },
    },
    {
      name: "Dog",
      typeName: "Dog",
      slug: "dog",
      schema: { type: "object", required: ["kind"], properties: { kind: { const: "dog" } } },
    },
  ];
  const components = { components: { schemas: Object.fromEntries(models.map((m) => [m.name, m.schema])) } };
  const cases: [string, Json, (v: unknown) => boolean][] = [
    ["date-time", { type: "string", format: "date-time" }, (v) => !Number.isNaN(Date.parse(String(v)))],
    ["date", { type: "string", format: "date" }, (v) => /^\d{4}-\d\d-\d\d$/.test(String(v))],
    ["uuid", { type: "string", format: "uuid" }, (v) => /^[0-9a-f-]{36}$/.test(String(v))],
    ["email", { type: "string", format: "email" }, (v) => String(v).includes("@")],
    ["uri", { type: "string", format: "uri" }, (v) => String(v).startsWith("https://")],
    ["enum with default", { type: "string", enum: ["a", "b"], default: "b" }, (v) => v === "b"],
    ["const", { const: 42 }, (v) => v === 42],
    ["bounds", { type: "integer", minimum: 10, maximum: 20, multipleOf: 5 }, (v) => v === 10],
    ["exclusive bounds", { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 }, (v) => typeof v === "number"],
    ["lengths", { type: "string", minLength: 12, maxLength: 14 }, (v) => String(v).length >= 12],
    ["pattern", { type: "string", pattern: "^[A-Z]{3}-\\d{4}$" }, (v) => v === "AAA-1111"],
    [
      "min items",
      { type: "array", items: { type: "integer" }, minItems: 3, uniqueItems: true },
      (v) => Array.isArray(v) && v.length === 3,
    ],
    [
      "schema example",
      { type: "object", properties: { a: { type: "string" } }, example: { a: "given" } },
      (v) => (v as Json).a === "given",
    ],
    [
      "field named created_at",
      { type: "object", required: ["created_at"], properties: { created_at: { type: "string" } } },
      (v) => !Number.isNaN(Date.parse(String((v as Json).created_at))),
    ],
    [
      "discriminator mapping",
      {
        oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }],
        discriminator: {
          propertyName: "kind",
          mapping: { cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog" },
        },
      },
      (v) => (v as Json).kind === "cat" && (v as Json).lives === 1,
    ],
  ];
  it.each(cases)("%s: a realistic value that validates", (_name, schema, looksRight) => {
    const value = sampleFor(schema, { models, mode: "response", name: "value" });
    expect(looksRight(value), JSON.stringify(value)).toBe(true);
    expect(ajv.validate({ ...components, ...schema }, value), JSON.stringify(ajv.errors)).toBe(true);
  });

  it("gives the same value every time (pages stay byte-identical)", () => {
    const schema = {
      type: "object",
      required: ["id", "at"],
      properties: { id: { type: "string", format: "uuid" }, at: { type: "string", format: "date-time" } },
    };
    expect(sampleFor(schema, { models })).toEqual(sampleFor(schema, { models }));
  });

  it("placeholders only a credential", () => {
    expect(sampleFor({ type: "string" }, { models, name: "api_token" })).toBe("<api_token>");
    expect(sampleFor({ type: "string" }, { models, name: "site" })).not.toMatch(/^</);
  });
});
