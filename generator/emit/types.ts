import type { SchemaObject, TransformNodeOptions } from "openapi-typescript";
import { restoreLiteralRefsInText } from "../validate/literal-values.ts";

/**
 * `src/schema.d.ts`: the spec's types as openapi-typescript writes them,
 * behind our banner, with two options set for accuracy: an object schema with
 * no properties is `Record<string, unknown>` (JSON Schema allows any member;
 * the default `Record<string, never>` says none may exist), and an open enum
 * (`anyOf: [known values, string]`) keeps its known values for completion
 * instead of collapsing to `string`.
 *
 * openapi-typescript validates and bundles again on its own; the document
 * here is already validated and bundled, so it gets a config with no rules.
 */
export async function emitTypes(protectedDocument: Record<string, unknown>, banner: string): Promise<string> {
  const [openapiTs, redocly, { default: typescript }] = await Promise.all([
    import("openapi-typescript"),
    import("@redocly/openapi-core"),
    import("typescript"),
  ]);
  // `string & {}`: any string, without absorbing the known literals into plain `string`.
  const anyString = openapiTs.tsIntersection([openapiTs.STRING, typescript.factory.createTypeLiteralNode([])]);
  const config = await redocly.createConfig({ rules: {} }, { extends: [] });
  const ast = await openapiTs.default(protectedDocument as never, {
    redocly: config,
    silent: true,
    emptyObjectsUnknown: true,
    transform: (schema, options) => openEnum(openapiTs, anyString, schema, options),
  });
  return `${banner}\n${restoreLiteralRefsInText(openapiTs.astToString(ast))}`;
}

type OpenapiTs = typeof import("openapi-typescript");

/** `anyOf`/`oneOf` of string enums (or refs) plus a bare `{ type: string }` -> `Known | (string & {})`. */
function openEnum(ts: OpenapiTs, anyString: ReturnType<OpenapiTs["tsIntersection"]>, schema: SchemaObject, options: TransformNodeOptions) {
  const members = (schema as { anyOf?: unknown[]; oneOf?: unknown[] }).anyOf ?? (schema as { oneOf?: unknown[] }).oneOf;
  if (!Array.isArray(members) || members.length < 2) return undefined;
  const isBareString = (m: unknown) => m !== null && typeof m === "object" && JSON.stringify(m) === '{"type":"string"}';
  const known = members.filter((m) => !isBareString(m)) as Record<string, unknown>[];
  if (known.length !== members.length - 1) return undefined;
  if (!known.every((m) => typeof m.$ref === "string" || (Array.isArray(m.enum) && m.enum.every((v) => typeof v === "string")))) return undefined;
  const nodes = known.map((m) => (typeof m.$ref === "string" ? ts.oapiRef(m.$ref) : ts.transformSchemaObject(m as SchemaObject, options)));
  return ts.tsUnion([...nodes, anyString]);
}
