/**
 * Repairs only openapi-typescript needs: each keeps a real spec's types
 * compiling where openapi-typescript's output would not. They apply to the
 * private copy of the document made for it (./document.ts), never to
 * openapi.json or the docs. Each changes one keyword no other reads (`enum`
 * on objects, a duplicated discriminator property, the `items` of a
 * self-referencing union member), so their order does not matter.
 */
import { componentRef } from "../../shared/json-pointer.ts";

type Obj = Record<string, unknown>;

/**
 * openapi-typescript writes components as properties of one interface, so a
 * schema that is a union including an array of itself
 * (`V = string | V[]`) becomes `components["schemas"]["V"][]` inside its own
 * declaration, which TypeScript rejects as circular. Only for the types
 * document: such an array member's items become `unknown`.
 */
export function breakSelfArrayUnions(document: Obj): Obj {
  const schemas = ((document.components as Obj | undefined)?.schemas ?? {}) as Obj;
  for (const [name, schema] of Object.entries(schemas)) {
    if (schema === null || typeof schema !== "object") continue;
    const self = componentRef("schemas", name);
    for (const key of ["oneOf", "anyOf"]) {
      const members = (schema as Obj)[key];
      if (!Array.isArray(members)) continue;
      (schema as Obj)[key] = members.map((member: unknown) => {
        const m = member as Obj | null;
        const items = m && typeof m === "object" ? (m.items as Obj | undefined) : undefined;
        return items && items.$ref === self ? { ...m, items: {} } : member;
      });
    }
  }
  return document;
}

/** Keys whose value is literal data, not schemas. */
const DATA_KEYS = new Set(["example", "examples", "default", "const", "enum"]);

/**
 * `type: object` (or `properties`) next to an `enum` of strings, as in
 * `{ type: object, properties: {...}, enum: [PKW, VAN] }`: no value could be
 * both, and openapi-typescript takes an object's enum values for schemas and
 * crashes on a string. Only for the types document: the enum goes, the object
 * stays. Mutates `node`.
 */
export function dropScalarEnumsOnObjects(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) dropScalarEnumsOnObjects(item);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const schema = node as Obj;
  const objectLike = schema.type === "object" || "properties" in schema || "additionalProperties" in schema;
  if (
    objectLike &&
    Array.isArray(schema.enum) &&
    schema.enum.some((v) => v === null || typeof v !== "object" || Array.isArray(v))
  ) {
    delete schema.enum;
  }
  for (const key of Object.keys(schema)) if (!DATA_KEYS.has(key)) dropScalarEnumsOnObjects(schema[key]);
}

/**
 * A schema that extends (`allOf`) one with a discriminator and declares the
 * discriminator property itself, optional: openapi-typescript adds the
 * property from the discriminator (required, the mapped value) as well, and
 * the type declares it twice (TS2300, as in Apple's SiriKit spec). Only for the
 * types document: the schema's own optional declaration goes. Mutates `document`.
 */
export function dropDuplicateDiscriminatorProperties(document: Obj): void {
  const components = document.components as Obj | undefined;
  const schemas = (components?.schemas ?? {}) as Record<string, Obj | null>;
  const propertyOf = new Map<string, string>();
  for (const [name, schema] of Object.entries(schemas)) {
    const property = (schema?.discriminator as Obj | undefined)?.propertyName;
    if (typeof property === "string") propertyOf.set(componentRef("schemas", name), property);
  }
  if (propertyOf.size === 0) return;
  for (const schema of Object.values(schemas)) {
    if (!schema || schema.discriminator || !Array.isArray(schema.allOf)) continue;
    const properties = schema.properties as Obj | undefined;
    const required = Array.isArray(schema.required) ? schema.required : [];
    for (const item of schema.allOf as (Obj | null)[]) {
      const property = typeof item?.$ref === "string" ? propertyOf.get(item.$ref) : undefined;
      if (property && properties && Object.hasOwn(properties, property) && !required.includes(property))
        delete properties[property];
    }
  }
}
