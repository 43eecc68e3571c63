import type { SchemaObject, TransformNodeOptions } from "openapi-typescript";
import { loadOpenapiTypescript, loadTypescript } from "../shared/libraries.ts";
import { binaryTypes } from "./binary-types.ts";
import type { Memo } from "../shared/memo.ts";
import { scanDiscriminators } from "./openapi-typescript/discriminators.ts";
import { typesDocument } from "./openapi-typescript/document.ts";
import { splittable, transformByUnits } from "./openapi-typescript/units.ts";

type OpenapiTs = typeof import("openapi-typescript");
type TypeNode = ReturnType<OpenapiTs["tsIntersection"]>;

/**
 * `src/schema.d.ts`: the spec's types as openapi-typescript writes them,
 * behind our banner, with two options set for accuracy: an object schema with
 * no properties is `Record<string, unknown>` (JSON Schema allows any member;
 * the default `Record<string, never>` says none may exist), and an open enum
 * (`anyOf: [known values, string]`) keeps its known values for completion
 * instead of collapsing to `string`.
 *
 * openapi-typescript's default export lints and bundles the document again
 * before transforming it; ours is already validated and bundled, and on a
 * large spec (GitHub's) that second pass costs five times the transform
 * itself. So the transform is called directly, with the context the default
 * export would build from these options (see {@link transformContext}; a
 * test checks the output is identical to the default export's). What
 * openapi-typescript needs of the document (repairs, protected names) is
 * done in ./openapi-typescript/, on a copy.
 *
 * `memo`: a watcher's memo (shared/memo.ts). With it the transform is made per path item, and a unit
 * an edit did not touch is taken from the last run (see ./openapi-typescript/units.ts).
 * `documentJson`: the document as JSON, when the caller has made it already (openapi.json's text).
 */
export async function emitTypes(
  document: Record<string, unknown>,
  banner: string,
  memo?: Memo,
  documentJson?: string,
): Promise<string> {
  const { openapiTs, options } = await typesOptions();
  const input = typesDocument(document, documentJson);
  // Scanning the discriminators writes into the document: what is transformed (and keyed) is the document after it.
  const ctx = transformContext(openapiTs, input.document, options);
  const text =
    memo && splittable(input.json)
      ? transformByUnits(openapiTs, input.document, ctx, memo, input.markers)
      : openapiTs.astToString(openapiTs.transformSchema(input.document as never, ctx));
  return `${banner}\n${input.restore(text)}`;
}

/** The openapi-typescript options the types are made with (exported for the test that pins {@link transformContext}). */
export async function typesOptions(): Promise<{ openapiTs: OpenapiTs; options: TypesOptions }> {
  const [openapiTs, typescript] = [loadOpenapiTypescript(), loadTypescript()];
  // `string & {}`: any string, without absorbing the known literals into plain `string`.
  const anyString = openapiTs.tsIntersection([openapiTs.STRING, typescript.factory.createTypeLiteralNode([])]);
  const binary = binaryTypes(openapiTs, typescript);
  const options: TypesOptions = {
    silent: true,
    emptyObjectsUnknown: true,
    transform: (schema, node) => binary.schema(schema, node) ?? openEnum(openapiTs, anyString, schema, node),
    postTransform: (type, node) => binary.media(type, node),
  };
  return { openapiTs, options };
}

/** The options {@link emitTypes} passes, in the shape openapi-typescript's default export takes. */
export interface TypesOptions {
  silent: boolean;
  emptyObjectsUnknown: boolean;
  transform: (schema: SchemaObject, node: TransformNodeOptions) => TypeNode | undefined;
  /** Bytes in uploads and downloads (see binary-types.ts). */
  postTransform: (type: TypeNode, node: TransformNodeOptions) => TypeNode | undefined;
}

/** The context openapi-typescript 7's default export builds: its defaults, with our options. */
function transformContext(
  ot: OpenapiTs,
  schema: Record<string, unknown>,
  options: TypesOptions,
): Parameters<OpenapiTs["transformSchema"]>[1] {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(ot, schema, options),
    emptyObjectsUnknown: options.emptyObjectsUnknown,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: options.postTransform,
    propertiesRequiredByDefault: false,
    redoc: undefined as never,
    silent: options.silent,
    inject: undefined,
    transform: options.transform,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref: string) => ot.resolveRef(schema, $ref, { silent: options.silent }),
  } as Parameters<OpenapiTs["transformSchema"]>[1];
}

/** `anyOf`/`oneOf` of string enums (or refs) plus a bare `{ type: string }` -> `Known | (string & {})`. */
function openEnum(
  ts: OpenapiTs,
  anyString: TypeNode,
  schema: SchemaObject,
  options: TransformNodeOptions,
): TypeNode | undefined {
  const members = (schema as { anyOf?: unknown[]; oneOf?: unknown[] }).anyOf ?? (schema as { oneOf?: unknown[] }).oneOf;
  if (!Array.isArray(members) || members.length < 2) return undefined;
  const isBareString = (m: unknown) => m !== null && typeof m === "object" && JSON.stringify(m) === '{"type":"string"}';
  const known = members.filter((m) => !isBareString(m)) as Record<string, unknown>[];
  if (known.length !== members.length - 1) return undefined;
  if (
    !known.every(
      (m) => typeof m.$ref === "string" || (Array.isArray(m.enum) && m.enum.every((v) => typeof v === "string")),
    )
  )
    return undefined;
  const nodes = known.map((m) =>
    typeof m.$ref === "string" ? ts.oapiRef(m.$ref) : ts.transformSchemaObject(m as SchemaObject, options),
  );
  return ts.tsUnion([...nodes, anyString]);
}
