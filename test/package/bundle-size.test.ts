// The bundle budget, asserted on the committed packages: what a browser app pays for each generated
// client (bench/bundle.ts: esbuild, minified ESM, gzip -9) stays under BUNDLE_BUDGET. esbuild's output
// and gzip of it are deterministic, so this is a size check, not a timing one; `npm run bench --only
// bundle` prints the same figures with what is left of the budget.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { benchBundle } from "../../bench/bundle.ts";
import { ROOT } from "../../bench/proc.ts";
import { BUNDLE_BUDGET } from "../../bench/results.ts";

describe("bundle budget", () => {
  it(`every generated client is under ${BUNDLE_BUDGET} B min+gzip`, async () => {
    const result = await benchBundle(join(ROOT, "generated"));
    expect(Object.keys(result.providers).length).toBeGreaterThan(0);
    for (const [provider, size] of Object.entries(result.providers))
      expect(size.gzipBytes, `${provider}: ${size.gzipBytes} B min+gzip`).toBeLessThan(BUNDLE_BUDGET);
  });
});
