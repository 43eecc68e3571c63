import { fromPointer } from "../../errors.ts";
import type { ApiIR, JsonSchema, ModelIR } from "../../ir/types.ts";

/**
 * Reading JSON Schemas as the docs need them: following `$ref`s to named
 * models, telling nullable types apart, and collecting the fields of objects
 * (through `allOf`). Schemas are the bundled spec's, so every `$ref` is local.
 */
export class Schemas {
  private readonly byName: Map<string, ModelIR>;

  constructor(ir: Pick<ApiIR, "models">) {
    this.byName = new Map(ir.models.map((m) => [m.name, m]));
  }

  /** The named model a `$ref` points at directly (`#/components/schemas/<name>`), if any. */
  modelOf(schema: JsonSchema | undefined): ModelIR | undefined {
    const ref = refOf(schema);
    if (ref === undefined) return undefined;
    const segments = fromPointer(ref);
    return segments.length === 3 && segments[0] === "components" && segments[1] === "schemas"
      ? this.byName.get(segments[2]!)
      : undefined;
  }

  /** The schema a `$ref` points at (one hop), or the schema itself. Unknown targets read as `{}`. */
  deref(schema: JsonSchema | undefined): JsonSchema {
    const ref = refOf(schema);
    if (ref === undefined) return schema ?? {};
    const segments = fromPointer(ref);
    if (segments[0] !== "components" || segments[1] !== "schemas") return {};
    let node: unknown = this.byName.get(segments[2] ?? "")?.schema;
    for (const segment of segments.slice(3)) node = isObject(node) ? node[segment] : undefined;
    return isObject(node) ? node : {};
  }

  /** Follows `$ref`s to the end (stopping at cycles). */
  resolve(schema: JsonSchema | undefined): JsonSchema {
    let current = schema ?? {};
    const seen = new Set<string>();
    for (let ref = refOf(current); ref !== undefined && !seen.has(ref); ref = refOf(current)) {
      seen.add(ref);
      current = this.deref(current);
    }
    return current;
  }

  /** Whether `null` is a valid value: `type: [X, "null"]`, `nullable: true`, a null branch, or a nullable target. */
  isNullable(schema: JsonSchema | undefined, seen = new Set<JsonSchema>()): boolean {
    if (schema === undefined || seen.has(schema)) return false;
    seen.add(schema);
    const s = schema;
    if (s.nullable === true || s.const === null) return true;
    if (Array.isArray(s.type) && s.type.includes("null")) return true;
    if (s.type === "null") return true;
    if (Array.isArray(s.enum) && s.enum.includes(null)) return true;
    for (const key of ["anyOf", "oneOf"] as const) {
      if (schemaList(s[key]).some((b) => this.isNullable(b, seen))) return true;
    }
    if (refOf(s) !== undefined) return this.isNullable(this.deref(s), seen);
    return false;
  }

  /**
   * The properties of an object schema, `allOf` members merged in (inherited
   * ones remember the model they come from), in the spec's (canonical) order.
   */
  fields(schema: JsonSchema): readonly FieldInfo[] {
    // Asked for each time a sample, a table or a label meets the schema: worked out once per schema object.
    let fields = this.fieldsOf.get(schema);
    if (fields === undefined) this.fieldsOf.set(schema, (fields = this.collectFields(schema)));
    return fields;
  }

  private readonly fieldsOf = new WeakMap<JsonSchema, readonly FieldInfo[]>();

  private collectFields(schema: JsonSchema): FieldInfo[] {
    const seen = new Set<string>();
    const out = new Map<string, FieldInfo>();
    const visit = (s: JsonSchema, from: ModelIR | undefined) => {
      const model = this.modelOf(s);
      if (model !== undefined) {
        if (seen.has(model.name)) return;
        seen.add(model.name);
        visit(model.schema, from ?? model);
        seen.delete(model.name);
        return;
      }
      const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
      for (const member of schemaList(s.allOf)) visit(member, from);
      for (const [name, value] of Object.entries(isObject(s.properties) ? s.properties : {})) {
        // `name: false` forbids the field: it is not one.
        if (value === false) {
          out.delete(name);
          continue;
        }
        const previous = out.get(name);
        out.set(name, {
          name,
          schema: isObject(value) ? value : {},
          required: required.has(name) || (previous?.required ?? false),
          from: previous?.from ?? from,
        });
      }
      for (const name of required) {
        const field = out.get(name);
        if (field) field.required = true;
      }
    };
    visit(schema, undefined);
    return [...out.values()];
  }
}

export interface FieldInfo {
  name: string;
  schema: JsonSchema;
  required: boolean;
  /** The model an `allOf` member brought this field from, when not the schema itself. */
  from: ModelIR | undefined;
}

export function isObject(value: unknown): value is JsonSchema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function refOf(schema: JsonSchema | undefined): string | undefined {
  return typeof schema?.$ref === "string" ? schema.$ref : undefined;
}

export function schemaList(value: unknown): JsonSchema[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The non-null JSON types a schema names (`type: "x"` or `type: [...]`). */
export function typesOf(schema: JsonSchema): string[] {
  const t = schema.type;
  const list = Array.isArray(t) ? t.map(String) : typeof t === "string" ? [t] : [];
  return list.filter((x) => x !== "null");
}

/** `anyOf`/`oneOf` branches that are not just `null`. */
export function nonNullBranches(schema: JsonSchema): JsonSchema[] {
  const branches = [...schemaList(schema.oneOf), ...schemaList(schema.anyOf)];
  return branches.filter(
    (b) =>
      !(
        b.type === "null" ||
        (Array.isArray(b.type) && b.type.length === 1 && b.type[0] === "null") ||
        b.const === null
      ),
  );
}
