import { join } from "node:path";

/**
 * Where the generator's own files are. The only use of `import.meta.dirname`
 * in generator/: bin/apigen.mjs bundles the CLI into .cache/ and defines it
 * there as this folder's path, so files found from here stay found.
 */
export const GENERATOR_DIR: string = import.meta.dirname;
/** The repository root: templates/, node_modules/. */
export const ROOT: string = join(GENERATOR_DIR, "..");
export const TEMPLATES_DIR: string = join(ROOT, "templates");
/** The client runtime: every package gets a copy of this folder's `.ts` files in `src/runtime/`. */
export const RUNTIME_DIR: string = join(GENERATOR_DIR, "runtime");
/**
 * The docs worker's bundled script (emit/docs-worker.ts), which bin/apigen.mjs
 * writes into the define below. Unset when generator/ runs from source (tsx,
 * vitest), where a worker could not load .ts files: docs are then made in-process.
 */
export const DOCS_WORKER: string | undefined = process.env.APIGEN_DOCS_WORKER_SCRIPT;
/** The provider pool's bundled thread script (parallel/provider-worker.ts), likewise; unset from source. */
export const PROVIDER_WORKER: string | undefined = process.env.APIGEN_PROVIDER_WORKER_SCRIPT;
/**
 * The V8 code cache of the large libraries (bin/code-cache.mjs), which the
 * provider pool's threads install for themselves: defined by bin/apigen.mjs
 * as above, unset from source (no threads run then).
 */
export const CODE_CACHE_DIR: string | undefined = process.env.APIGEN_CODE_CACHE_DIR;
