import type { ApiIR, JsonSchema, ModelIR, OperationIR } from "../../ir/types.ts";
import { componentRef } from "../../shared/json-pointer.ts";
import { codeCell, codeSpan, fence, link, prose, proseCell, text } from "../markdown.ts";
import type { Examples } from "./examples.ts";
import { operationKey } from "./operation.ts";
import { type Schemas, isObject, nonNullBranches, schemaList, typesOf } from "./schema.ts";
import { type TableView, fieldRows, fieldsTable, nestedObject, table } from "./tables.ts";
import { type Where, constraints, describedBy, enumList, typeLabel } from "./types.ts";

/** The view of one model page (`model.md.hbs`). */
export function modelView(ir: ApiIR, model: ModelIR, schemas: Schemas, examples: Examples, usage: Usage) {
  const where: Where = { schemas, modelsHref: "" };
  const s = model.schema;
  const rows = fieldRows(s, where);
  const values = enumList(s, where);
  const branches = nonNullBranches(s);
  const members = schemaList(s.allOf)
    .map((m) => schemas.modelOf(m))
    .filter((m) => m !== undefined);
  const items = typesOf(s).includes("array") && isObject(s.items) ? s.items : undefined;
  const itemFields = items ? nestedObject(items, where) : undefined;
  const extra = s.additionalProperties;
  return {
    name: text(model.name),
    description: prose(model.description),
    type: typeLabel(s, where, true),
    constraints: constraints(s),
    typescript: fence(examples.model(model.name, s), "ts"),
    json: modelJson(model, examples),
    jsonKey: `model-json:${model.slug}`,
    composition:
      members.length > 0
        ? `Combines every field of ${listWords(members.map((m) => link(text(m.name), `${m.slug}.md`)))}${isObject(s.properties) || schemaList(s.allOf).length > members.length ? " with fields of its own" : ""}; the table lists them all.`
        : "",
    fields: rows.length > 0 ? fieldsTable(rows, where) : null,
    extraFields: rows.length > 0 && (extra === true || isObject(extra)) ? additional(extra, where) : "",
    values:
      values !== undefined && rows.length === 0
        ? table(values, [{ title: "Value", cell: (v) => codeCell(JSON.stringify(v) ?? "") }])
        : null,
    variants: branches.length > 1 && rows.length === 0 ? variants(branches, where) : null,
    variantsIntro:
      s.oneOf !== undefined
        ? "A value matches exactly one of these (`oneOf`):"
        : "A value matches at least one of these (`anyOf`):",
    discriminator: discriminatorText(s),
    items: items ? `Each item is ${typeLabel(items, where, true)}.` : "",
    itemFields: itemFields ? fieldsTable(fieldRows(itemFields.schema, where, "[]."), where) : null,
    usedByOperations:
      usage.operations
        .get(model.name)
        ?.map(
          (u) => `${link(text(u.op.methodName), `../tags/${u.tagSlug}.md#⟪${operationKey(ir, u.op)}⟫`)}: ${u.where}`,
        ) ?? [],
    usedByModels: usage.models.get(model.name)?.map((m) => link(text(m.name), `${m.slug}.md`)) ?? [],
  };
}

/** `a`, `a and b`, `a, b and c`. */
function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function additional(extra: true | JsonSchema, where: Where): string {
  const label = extra === true || Object.keys(extra).length === 0 ? "any value" : typeLabel(extra, where, true);
  return `Other keys are allowed; their values are ${label}.`;
}

function variants(branches: JsonSchema[], where: Where): TableView | null {
  return table(
    branches.map((b, i) => ({ b, i })),
    [
      { title: "#", cell: ({ i }) => String(i + 1) },
      { title: "Type", cell: ({ b }) => typeLabel(b, where, true) },
      { title: "Description", cell: ({ b }) => proseCell(describedBy(b, where)) },
    ],
  );
}

function discriminatorText(s: JsonSchema): string {
  const d = isObject(s.discriminator) ? s.discriminator : undefined;
  return typeof d?.propertyName === "string" ? `The field ${codeSpan(d.propertyName)} tells the variants apart.` : "";
}

export interface Usage {
  /** Model name -> operations whose parameters, body or responses name it directly. */
  operations: Map<string, { op: OperationIR; tagSlug: string; where: string }[]>;
  /** Model name -> models whose schema names it directly. */
  models: Map<string, ModelIR[]>;
}

/** Who refers to each model by `$ref`, directly (not through other models), in page order. */
export function usage(ir: ApiIR, schemas: Schemas): Usage {
  const operations: Usage["operations"] = new Map();
  const models: Usage["models"] = new Map();
  const tagSlug = new Map(ir.tags.map((t) => [t.name, t.slug]));
  for (const op of ir.operations) {
    const places = new Map<string, string[]>();
    const note = (schema: JsonSchema | undefined, place: string) => {
      for (const name of refsIn(schema, schemas)) {
        const list = places.get(name) ?? [];
        if (!list.includes(place)) list.push(place);
        places.set(name, list);
      }
    };
    for (const p of op.parameters) note(p.schema, `parameter ${codeCell(p.name)}`);
    for (const m of op.requestBody?.content ?? []) note(m.schema, "request body");
    for (const r of op.responses) for (const m of r.content) note(m.schema, `${codeCell(r.status)} response`);
    for (const [name, list] of places) {
      const entry = { op, tagSlug: tagSlug.get(op.tag) ?? "", where: list.join(", ") };
      let users = operations.get(name);
      if (users === undefined) operations.set(name, (users = []));
      users.push(entry);
    }
  }
  for (const model of ir.models) {
    for (const name of refsIn(model.schema, schemas)) {
      if (name === model.name) continue;
      let users = models.get(name);
      if (users === undefined) models.set(name, (users = []));
      users.push(model);
    }
  }
  return { operations, models };
}

/** Keywords whose values are data, not schemas, and keywords whose values map names to schemas. */
const DATA_KEYWORDS = new Set(["example", "examples", "default", "const", "enum"]);
const MAP_KEYWORDS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);

/** Names of the models a schema refers to directly, in first-seen order. */
function refsIn(schema: JsonSchema | undefined, schemas: Schemas): string[] {
  const found: string[] = [];
  const walk = (node: unknown, isMap: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, false));
    if (!isObject(node)) return;
    const model = isMap ? undefined : schemas.modelOf(node);
    if (model !== undefined) {
      if (!found.includes(model.name)) found.push(model.name);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (isMap) walk(value, false);
      else if (!DATA_KEYWORDS.has(key)) walk(value, MAP_KEYWORDS.has(key));
    }
  };
  walk(schema, false);
  return found;
}

/** The model's sample as JSON (a response's view: write-only fields left out), or "" when none could be made. */
function modelJson(model: ModelIR, examples: Examples): string {
  const value = examples.value({ $ref: componentRef("schemas", model.name) }, model.name, "response");
  return value === undefined ? "" : fence(JSON.stringify(value, null, 2), "json");
}
