import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typesDocument } from "../../generator/emit/openapi-typescript/document.ts";
import { emitTypes, typesOptions } from "../../generator/emit/types.ts";
import { loadSpec } from "../../generator/load/load.ts";
import { validateAndBundle } from "../../generator/validate/validate.ts";
import { ROOT } from "../support/run.ts";

/**
 * emitTypes calls openapi-typescript's transform directly, with a context that
 * mirrors what its default export builds (skipping a second lint and bundle).
 * If an upgrade of openapi-typescript changes that context, this fails.
 */
const SPECS = [
  ...(await readdir(join(ROOT, "specs"))).filter((f) => f.endsWith(".yaml")).map((f) => join(ROOT, "specs", f)),
  join(ROOT, "test", "fixtures", "real-world", "openai.com.json"),
  join(ROOT, "test", "fixtures", "real-world", "adyen.com__LegalEntityService.json"),
  join(ROOT, "test", "fixtures", "edge", "ref-in-example.yaml"),
];

describe.each(SPECS)("types of %s", (file) => {
  it("equal what openapi-typescript's default export writes with the same options", async () => {
    const bundled = await validateAndBundle(await loadSpec(file));
    const ours = await emitTypes(bundled.document, "// banner");
    const input = typesDocument(bundled.document);
    const { openapiTs, options } = await typesOptions();
    const redocly = await import("@redocly/openapi-core");
    const config = await redocly.createConfig({ rules: {} }, { extends: [] });
    const reference = input.restore(
      openapiTs.astToString(await openapiTs.default(input.document as never, { ...options, redocly: config })),
    );
    expect(ours.replace(/^\/\/ banner\n/, "")).toBe(reference);
  });
});
