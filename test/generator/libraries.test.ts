/**
 * openapi-typescript's transform is loaded from the modules it is made of (shared/libraries.ts): its
 * entry point loads all of @redocly/openapi-core, about a fifth of a second of a run that regenerates
 * one small spec. Should one of the picked modules change its shape, the loader silently falls back to
 * the entry point; this test notices instead.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { loadOpenapiTypescript } from "../../generator/shared/libraries.ts";

const require = createRequire(import.meta.url);

describe("openapi-typescript's transform", () => {
  it("loads without the package's entry point (nor redocly's)", () => {
    const entry = require.resolve("openapi-typescript");
    const redocly = require.resolve("@redocly/openapi-core");
    expect(require.cache[entry]).toBeUndefined();
    const ot = loadOpenapiTypescript();
    for (const name of ["transformSchema", "transformPathsObject", "transformSchemaObject", "astToString"] as const)
      expect(typeof ot[name]).toBe("function");
    expect(require.cache[entry]).toBeUndefined();
    expect(require.cache[redocly]).toBeUndefined();
    // The rest is still there, from the entry point, when asked for.
    expect(typeof ot.default).toBe("function");
    expect(require.cache[entry]).toBeDefined();
  });
});
