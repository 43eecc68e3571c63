import type { JsonSchema } from "../../ir/types.ts";
import { codeCell, link, proseCell, text } from "../markdown.ts";
import { isObject, typesOf } from "./schema.ts";
import { type Where, constraints, describedBy, enumValues, typeLabel } from "./types.ts";

/**
 * Tables as templates print them (`_table.md.hbs`): a header row and rows of
 * cells, every cell already escaped. Columns marked optional are dropped when
 * no row has anything to say in them, so sparse columns never clutter a page.
 * Rows come laid out (`| a | b |`, an empty cell as `| |`): GitHub's spec has
 * 100,000 of them, and a template loop per cell cost a tenth of its docs time.
 */
export interface TableView {
  head: string[];
  rows: string[];
}

export interface Column<Row> {
  title: string;
  cell: (row: Row) => string;
  optional?: boolean;
}

export function table<Row>(rows: Row[], columns: Column<Row>[]): TableView | null {
  if (rows.length === 0) return null;
  const cells = rows.map((row) => columns.map((c) => c.cell(row)));
  const keep = columns.map((c, i) => !c.optional || cells.some((r) => r[i] !== ""));
  return {
    head: columns.filter((_c, i) => keep[i]).map((c) => c.title),
    rows: cells.map((r) => `|${r.map((c, i) => (keep[i] ? (c === "" ? " |" : ` ${c} |`) : "")).join("")}`),
  };
}

export interface FieldRow {
  path: string;
  schema: JsonSchema;
  required: boolean;
  inherited: string;
}

const MAX_NESTING = 6;

/**
 * The fields of an object schema, inline nested objects flattened into dotted
 * paths (`attributes.user_name`, `details[].code`); fields whose type is a
 * named model link to it instead of being expanded.
 */
export function fieldRows(schema: JsonSchema, where: Where, prefix = "", depth = 0): FieldRow[] {
  const rows: FieldRow[] = [];
  if (depth > MAX_NESTING) return rows;
  for (const field of where.schemas.fields(schema)) {
    const path = `${prefix}${field.name}`;
    const inherited = field.from
      ? `Inherited from ${link(text(field.from.name), `${where.modelsHref}${field.from.slug}.md`)}.`
      : "";
    rows.push({ path, schema: field.schema, required: field.required, inherited });
    const nested = nestedObject(field.schema, where);
    if (nested) rows.push(...fieldRows(nested.schema, where, `${path}${nested.suffix}`, depth + 1));
  }
  return rows;
}

/** An inline (unnamed) object inside a field, directly, as array items or as map values. */
export function nestedObject(schema: JsonSchema, where: Where): { schema: JsonSchema; suffix: string } | undefined {
  if (where.schemas.modelOf(schema) !== undefined) return undefined;
  if (hasInlineFields(schema, where)) return { schema, suffix: "." };
  const types = typesOf(schema);
  if (types.includes("array") && isObject(schema.items) && hasInlineFields(schema.items, where))
    return { schema: schema.items, suffix: "[]." };
  const extra = schema.additionalProperties;
  if (types.includes("object") && isObject(extra) && hasInlineFields(extra, where))
    return { schema: extra, suffix: ".*." };
  return undefined;
}

function hasInlineFields(schema: JsonSchema, where: Where): boolean {
  return where.schemas.modelOf(schema) === undefined && where.schemas.fields(schema).length > 0;
}

/** Field | Type | Required | Nullable | Enum values | Constraints | Description. */
export function fieldsTable(rows: FieldRow[], where: Where): TableView | null {
  return table(rows, [
    { title: "Field", cell: (r) => codeCell(r.path) },
    { title: "Type", cell: (r) => typeLabel(r.schema, where) },
    { title: "Required", cell: (r) => (r.required ? "yes" : "no") },
    { title: "Nullable", cell: (r) => (where.schemas.isNullable(r.schema) ? "yes" : "no") },
    { title: "Enum values", cell: (r) => enumValues(r.schema, where), optional: true },
    {
      title: "Constraints",
      cell: (r) =>
        constraints(
          where.schemas.resolve(r.schema) === r.schema ? r.schema : { ...where.schemas.resolve(r.schema), ...r.schema },
        ),
      optional: true,
    },
    { title: "Description", cell: (r) => joinSentences(proseCell(describedBy(r.schema, where)), r.inherited) },
  ]);
}

export function joinSentences(...parts: string[]): string {
  return parts.filter((p) => p !== "").join(" ");
}
