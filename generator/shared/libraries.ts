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
export type OpenapiTypescript = typeof import("openapi-typescript");

export const loadTypescript = (): Typescript => require("typescript") as Typescript;
export const loadOpenapiTypescript = (): OpenapiTypescript => require("openapi-typescript") as OpenapiTypescript;
