import { restoreLiteralRefsInText } from "../validate/literal-values.ts";

/**
 * `src/schema.d.ts`: the spec's types exactly as openapi-typescript writes them,
 * behind our banner. openapi-typescript validates and bundles again on its
 * own; the document it gets here is already validated and bundled, so it is
 * given a config with no lint rules to keep that second pass cheap.
 */
export async function emitTypes(protectedDocument: Record<string, unknown>, banner: string): Promise<string> {
  const [{ default: openapiTS, astToString }, redocly] = await Promise.all([import("openapi-typescript"), import("@redocly/openapi-core")]);
  const config = await redocly.createConfig({ rules: {} }, { extends: [] });
  const ast = await openapiTS(protectedDocument as never, { redocly: config, silent: true });
  return `${banner}\n${restoreLiteralRefsInText(astToString(ast))}`;
}
