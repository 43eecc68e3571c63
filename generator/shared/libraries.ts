/**
 * The large CommonJS libraries, loaded with `require`.
 *
 * Node 20's ESM loader, given `import("typescript")` (or openapi-typescript's
 * ESM build, which imports it), first compiles the 9 MB file to detect whether
 * it is a module, then lexes it for named exports, and only then lets the
 * CommonJS loader compile it again: about 1 s of CPU in a run that
 * regenerates one small spec. `require` compiles it once, through the V8 code
 * cache of bin/code-cache.mjs. openapi-typescript ships a CommonJS build
 * (`dist/index.cjs`) that `require` picks.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export type Typescript = typeof import("typescript");
export type Esbuild = typeof import("esbuild");
export type OpenapiTypescript = typeof import("openapi-typescript");

export const loadTypescript = (): Typescript => require("typescript") as Typescript;
/**
 * openapi-typescript's transform, from the modules it is made of. Its entry point also loads all of
 * @redocly/openapi-core (a fifth of a second of CPU) for the lint-and-bundle pass of its default export,
 * which the generator never calls (emit/types.ts); the transform's modules need only redocly's small
 * ref-utils. The same functions, so the same output. Should a release lay its files out otherwise,
 * the whole package is loaded as before.
 */
export function loadOpenapiTypescript(): OpenapiTypescript {
  // Kept: each `require` resolves its path again (a watcher's every save asked for the six modules).
  return (openapiTypescript ??= requireOpenapiTypescript());
}
let openapiTypescript: OpenapiTypescript | undefined;

function requireOpenapiTypescript(): OpenapiTypescript {
  try {
    const dist = "openapi-typescript/dist";
    const ts = require(`${dist}/lib/ts.cjs`) as Partial<OpenapiTypescript>;
    const utils = require(`${dist}/lib/utils.cjs`) as Partial<OpenapiTypescript>;
    const schemaObject = require(`${dist}/transform/schema-object.cjs`) as { default?: unknown };
    const picked = {
      STRING: ts.STRING,
      astToString: ts.astToString,
      oapiRef: ts.oapiRef,
      tsIntersection: ts.tsIntersection,
      tsUnion: ts.tsUnion,
      resolveRef: utils.resolveRef,
      scanDiscriminators: utils.scanDiscriminators,
      createRef: utils.createRef,
      transformSchemaObject: schemaObject.default,
      transformSchema: require(`${dist}/transform/index.cjs`) as unknown,
      // paths-object.cjs exports the function itself (module.exports =), not as `default`.
      transformPathsObject: require(`${dist}/transform/paths-object.cjs`) as unknown,
      tsModifiers: ts.tsModifiers,
      tsRecord: ts.tsRecord,
      NEVER: ts.NEVER,
    };
    if (picked.STRING !== undefined && Object.values(picked).every((v) => v !== undefined))
      // The rest (the default export, for tests that compare with it) from the entry point, when asked for.
      return new Proxy(picked, {
        get: (target, name) =>
          name in target
            ? target[name as keyof typeof target]
            : (require("openapi-typescript") as Record<string | symbol, unknown>)[name],
      }) as unknown as OpenapiTypescript;
  } catch {
    // Another layout: the entry point below.
  }
  return require("openapi-typescript") as OpenapiTypescript;
}

/**
 * esbuild and semver's functions are CommonJS too. Imported from the bundle's ES modules, Node 20 lexes
 * each file for its named exports and wraps it as a module: about five times what `require` takes
 * (esbuild 31 against 6 ms in a fresh process). The same modules. (yaml is bundled in: shared/yaml.ts.)
 */
export const loadEsbuild = (): Esbuild => require("esbuild") as Esbuild;
export const loadSemverInc = (): typeof import("semver/functions/inc.js") =>
  require("semver/functions/inc.js") as typeof import("semver/functions/inc.js");
export const loadSemverGt = (): typeof import("semver/functions/gt.js") =>
  require("semver/functions/gt.js") as typeof import("semver/functions/gt.js");
export const loadSemverValid = (): typeof import("semver/functions/valid.js") =>
  require("semver/functions/valid.js") as typeof import("semver/functions/valid.js");
