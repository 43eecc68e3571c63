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
import { SAMPLE_LINES, jsonLines, sampleFor } from "../../generator/emit/docs/samples.ts";
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

/** A response sample shown as a reference to the same JSON earlier on the page, with that JSON. */
interface Shared {
  provider: string;
  what: string;
  pointer: string;
  json: string;
}

/**
 * Each `#### Response <status>` that says "The same JSON as the `<status>` response" (of its own
 * operation) or "... response of [op](#anchor)" (an earlier operation of the page), resolved to that JSON.
 */
function sharedSamples(): Shared[] {
  const out: Shared[] = [];
  for (const doc of docs) {
    const spec = specs.get(doc.provider)!;
    const lines = doc.text.split("\n");
    const blocks = codeBlocks(doc).filter((b) => b.lang === "json" && !b.quoted);
    /** The JSON under `#### Response <status>` of the operation whose section starts with `## <heading>`. */
    const jsonOf = (heading: string, status: string) => {
      const start = lines.indexOf(`## ${heading}`);
      const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
      const at = lines.findIndex((l, i) => i > start && (end === -1 || i < end) && l === `#### Response ${status}`);
      return at === -1 ? undefined : blocks.find((b) => b.line === at + 4)?.code;
    };
    lines.forEach((line, i) => {
      const m = /^The same JSON as the `(\S+)` response(?: of \[(.+?)\]\(#[^)]+\))?\.$/.exec(line);
      if (!m) return;
      const where = `${doc.name}:${i + 1}`;
      const status = /^#### Response (\S+)$/.exec(lines[i - 2] ?? "")?.[1];
      const section = lines.slice(0, i).join("\n");
      const heading = /^## (.*)$/m.exec(section.slice(section.lastIndexOf("\n## ") + 1))?.[1];
      const id = /^- Operation id: `([^`]+)`$/m.exec(section.slice(section.lastIndexOf("\n## ") + 1))?.[1];
      const op = spec.operations.find((o) => o.id === id);
      if (status === undefined || heading === undefined || op === undefined) throw new Error(`${where}: misplaced`);
      const json = jsonOf(m[2]?.replace(/\\(.)/g, "$1") ?? heading, m[1]!);
      if (json === undefined) throw new Error(`${where}: the JSON it refers to is not on the page`);
      out.push({
        provider: doc.provider,
        what: `${where} (${id} ${status} response)`,
        pointer: jsonMedia(spec, landing(spec, `${op.pointer}/responses/${escapePointer(status)}`)),
        json,
      });
    });
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
    // A long sample of a named model (or an array of one) is shown once, on the model page, and linked from
    // the operation; a long one already on the page is referred to.
    const linked = docs.reduce(
      (n, d) =>
        n +
        [...d.text.matchAll(/^(A|An array of) \[.*\]\(.*\.md#example-json\): see the example JSON on its page\.$/gm)]
          .length,
      0,
    );
    const shared = sharedSamples();
    expect(shared.length).toBeGreaterThan(0);
    expect(placed.filter((p) => p.what.includes(" response)")).length + linked + shared.length).toBe(expectedResponses);
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
    // A reference to JSON shown for another response must be true of this response too.
    for (const s of sharedSamples()) {
      const errors = specs.get(s.provider)!.check(s.pointer, JSON.parse(s.json));
      if (errors.length > 0) failures.push(`${s.what}: ${errors.join("; ")}`);
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

  it("leaves the spec's own example as it is when it shows a discriminated variant", () => {
    // The variant's example gets the discriminating field in the union's sample, not in the spec:
    // the variant's own sample (its page, another operation's answer) stays the spec's example.
    const example = { name: "Tom" };
    const owned: ModelIR[] = [
      { name: "Cat", typeName: "Cat", slug: "cat", schema: { type: "object", example } },
      {
        name: "Pet",
        typeName: "Pet",
        slug: "pet",
        schema: {
          oneOf: [{ $ref: "#/components/schemas/Cat" }],
          discriminator: { propertyName: "petType", mapping: { cat: "#/components/schemas/Cat" } },
        },
      },
    ];
    const pet = sampleFor({ $ref: "#/components/schemas/Pet" }, { models: owned });
    expect(pet).toEqual({ name: "Tom", petType: "cat" });
    expect(example).toEqual({ name: "Tom" });
    expect(sampleFor({ $ref: "#/components/schemas/Cat" }, { models: owned })).toEqual({ name: "Tom" });
  });

  /** Every `{}` in a value, by path. */
  const emptyObjects = (value: unknown, path = "$"): string[] =>
    value === null || typeof value !== "object"
      ? []
      : Object.keys(value).length === 0 && !Array.isArray(value)
        ? [path]
        : Object.entries(value).flatMap(([k, v]) => emptyObjects(v, `${path}.${k}`));

  it("fills optional objects at any depth, never showing a bare {}", () => {
    // Eight levels of optional `next` objects, each with an optional name: all small enough to show whole.
    let schema: Json = { type: "object", properties: { name: { type: "string" } } };
    for (let i = 0; i < 8; i++) schema = { type: "object", properties: { name: { type: "string" }, next: schema } };
    const value = sampleFor(schema, { models });
    expect(JSON.stringify(value)).toContain('"next":{"name":"example"}}}}}}}}}');
    expect(emptyObjects(value)).toEqual([]);
    expect(ajv.validate(schema, value)).toBe(true);
  });

  it("keeps to the size bound with optional fields, never leaving out a required one", () => {
    const wide = (n: number, required: boolean): Json => {
      const properties = Object.fromEntries(Array.from({ length: n }, (_v, i) => [`field_${i}`, { type: "string" }]));
      return { type: "object", properties, ...(required ? { required: Object.keys(properties) } : {}) };
    };
    const schema: Json = {
      type: "object",
      required: ["id", "settings"],
      properties: { id: { type: "integer" }, settings: wide(100, false), extra: wide(100, false) },
    };
    const value = sampleFor(schema, { models }) as Json;
    expect(jsonLines(value)).toBeLessThanOrEqual(SAMPLE_LINES);
    // The required object is not shown empty: a few of its plain fields stand for the rest.
    expect(Object.keys(value.settings as Json).length).toBeGreaterThan(0);
    expect(emptyObjects(value)).toEqual([]);
    expect(ajv.validate(schema, value)).toBe(true);
    // Required fields are shown whatever the size.
    const big = wide(SAMPLE_LINES * 2, true);
    expect(Object.keys(sampleFor(big, { models }) as Json)).toHaveLength(SAMPLE_LINES * 2);
    // Too big on required fields alone, a required object that may be null is null (a pull request nobody merged).
    const merged = { ...wide(10, true), type: ["object", "null"] };
    const pull: Json = {
      type: "object",
      required: ["fields", "merged_by", "title"],
      properties: { fields: big, merged_by: merged, title: { type: ["string", "null"] } },
    };
    const lean = sampleFor(pull, { models }) as Json;
    expect(lean.merged_by).toBeNull();
    expect(lean.title).toBe("example");
    expect(ajv.validate(pull, lean)).toBe(true);
    // Small enough, it is shown.
    const small = sampleFor(
      { ...pull, properties: { ...(pull.properties as Json), fields: wide(3, true) } },
      { models },
    ) as Json;
    expect(Object.keys(small.merged_by as Json)).toHaveLength(10);
  });

  it("placeholders only a credential", () => {
    expect(sampleFor({ type: "string" }, { models, name: "api_token" })).toBe("<api_token>");
    expect(sampleFor({ type: "string" }, { models, name: "site" })).not.toMatch(/^</);
  });
});
