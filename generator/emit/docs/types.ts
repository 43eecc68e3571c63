import type { JsonSchema } from "../../ir/types.ts";
import { codeCell, link, text } from "../markdown.ts";
import { type Schemas, isObject, nonNullBranches, refOf, schemaList, typesOf } from "./schema.ts";

/**
 * Schemas as readers see them in tables: a short type label in words, with
 * every named model linked to its page (`array of [entityRef](../models/entity-ref.md)`),
 * plus the enum values and constraints that go next to it. Everything
 * returned is markdown safe for a table cell.
 */
export interface Where {
  schemas: Schemas;
  /** Path from the current page to the models folder: `models/`, `../models/` or `` (on a model page). */
  modelsHref: string;
}

/** Type label without `or null` (tables have a Nullable column) unless `withNull`. */
export function typeLabel(schema: JsonSchema | undefined, where: Where, withNull = false, depth = 0): string {
  const label = bareLabel(schema ?? {}, where, depth);
  return withNull && where.schemas.isNullable(schema) && label !== "null" ? `${label} or null` : label;
}

function bareLabel(s: JsonSchema, where: Where, depth: number): string {
  if (depth > 4) return "…";
  const model = where.schemas.modelOf(s);
  if (model !== undefined) return link(text(model.name), `${where.modelsHref}${model.slug}.md`);
  if (refOf(s) !== undefined) return bareLabel(where.schemas.deref(s), where, depth + 1);
  if ("const" in s) return s.const === null ? "null" : `constant ${codeCell(JSON.stringify(s.const))}`;

  const all = schemaList(s.allOf);
  const branches = nonNullBranches(s);
  const types = typesOf(s);
  const parts: string[] = [];
  if (types.length > 0 || (all.length === 0 && branches.length === 0)) parts.push(typeWords(s, types, where, depth));
  if (all.length > 0)
    parts.push(
      joinWords(
        all.map((m) => typeLabel(m, where, false, depth + 1)),
        "and",
      ),
    );
  if (branches.length > 0)
    parts.push(
      joinWords(
        branches.map((b) => typeLabel(b, where, false, depth + 1)),
        "or",
      ),
    );
  // `type: object` next to an allOf or anyOf says nothing the members do not.
  const meaningful = parts.filter((p, i) => !(i === 0 && p === "object" && parts.length > 1));
  return meaningful.join(", and ");
}

function typeWords(s: JsonSchema, types: string[], where: Where, depth: number): string {
  if (types.length === 0) {
    if (Array.isArray(s.enum)) return `${enumBaseType(s.enum)} enum`;
    if (isObject(s.properties) || isObject(s.additionalProperties)) types = ["object"];
    else if (s.items !== undefined) types = ["array"];
    else if (Array.isArray(s.type) && s.type.includes("null")) return "null";
    else return "any";
  }
  return types
    .map((t) => {
      switch (t) {
        case "array": {
          const items = isObject(s.items) ? s.items : undefined;
          return items === undefined ? "array" : `array of ${typeLabel(items, where, true, depth + 1)}`;
        }
        case "object": {
          const extra = s.additionalProperties;
          if (isObject(s.properties) && Object.keys(s.properties).length > 0) return "object";
          if (isObject(extra) && Object.keys(extra).length > 0)
            return `map of ${typeLabel(extra, where, true, depth + 1)}`;
          return extra === false ? "object (no fields)" : "object";
        }
        case "string":
        case "integer":
        case "number": {
          const kind = Array.isArray(s.enum) ? `${t} enum` : t;
          return typeof s.format === "string" ? `${kind} (${text(s.format)})` : kind;
        }
        default:
          return text(t);
      }
    })
    .join(" or ");
}

function enumBaseType(values: unknown[]): string {
  const kinds = [...new Set(values.filter((v) => v !== null).map((v) => (Number.isInteger(v) ? "integer" : typeof v)))];
  return kinds.length === 1 ? kinds[0]! : "any";
}

function joinWords(labels: string[], word: string): string {
  const unique = [...new Set(labels)];
  if (unique.length <= 1) return unique[0] ?? "any";
  return `${unique.slice(0, -1).join(", ")} ${word} ${unique.at(-1)}`;
}

/** The allowed values of an enum or constant (through a `$ref`, nullable wrappers and array items), as code spans. */
export function enumValues(schema: JsonSchema | undefined, where: Where): string {
  const values = enumList(schema, where);
  return values === undefined ? "" : values.map((v) => codeCell(v === undefined ? "" : JSON.stringify(v))).join(", ");
}

export function enumList(schema: JsonSchema | undefined, where: Where): unknown[] | undefined {
  let s = where.schemas.resolve(schema);
  if (typesOf(s).includes("array") && isObject(s.items)) s = where.schemas.resolve(s.items);
  if (Array.isArray(s.enum)) return s.enum;
  if ("const" in s) return [s.const];
  const branches = nonNullBranches(s);
  if (branches.length === 1) return enumList(branches[0], where);
  return undefined;
}

/** Validation keywords in words: `minimum 0, maximum 65535, max length 100, pattern `^a`, default `x``. */
export function constraints(schema: JsonSchema | undefined): string {
  const s = schema ?? {};
  const parts: string[] = [];
  const num = (key: string, label: string) => {
    if (typeof s[key] === "number") parts.push(`${label} ${s[key]}`);
  };
  num("minimum", "minimum");
  num("exclusiveMinimum", "greater than");
  num("maximum", "maximum");
  num("exclusiveMaximum", "less than");
  num("multipleOf", "multiple of");
  num("minLength", "min length");
  num("maxLength", "max length");
  num("minItems", "min items");
  num("maxItems", "max items");
  num("minProperties", "min properties");
  num("maxProperties", "max properties");
  if (s.uniqueItems === true) parts.push("unique items");
  if (typeof s.pattern === "string") parts.push(`pattern ${codeCell(s.pattern)}`);
  if (s.default !== undefined) parts.push(`default ${codeCell(JSON.stringify(s.default))}`);
  if (s.readOnly === true) parts.push("read-only");
  if (s.writeOnly === true) parts.push("write-only");
  if (s.deprecated === true) parts.push("deprecated");
  return parts.join(", ");
}

/** The description a field shows: its own, else that of the model it refers to. */
export function describedBy(schema: JsonSchema | undefined, where: Where): string | undefined {
  if (typeof schema?.description === "string" && schema.description !== "") return schema.description;
  const model = where.schemas.modelOf(schema);
  return model?.description;
}
