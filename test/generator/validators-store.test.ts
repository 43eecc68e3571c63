/**
 * A one-shot run keeps the compiled validators on disk as plain data (pipeline.ts, StoredMemo): the
 * code, and what `check` answered for the mock's default answers. Validators read back that way must
 * check every value as freshly compiled ones do: the values checked before, and new ones.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileValidators, validatorInputs, withCheck } from "../../generator/emit/testing/validators.ts";
import { buildIR } from "../../generator/ir/build.ts";
import { loadSpec } from "../../generator/load/load.ts";
import { ROOT } from "../../generator/paths.ts";
import { validateAndBundle } from "../../generator/validate/validate.ts";

const SPEC = join(ROOT, "test", "fixtures", "pagination", "openapi.yaml");
const VALUES: unknown[] = [{}, [], "text", 42, null, Number.POSITIVE_INFINITY, { items: [{ id: 1 }] }];

describe("validators kept as plain data", () => {
  it("check every value as freshly compiled validators do", async () => {
    const loaded = await loadSpec(SPEC);
    const bundled = await validateAndBundle(loaded);
    const inputs = validatorInputs(buildIR(bundled, "paging", loaded.locate), bundled.document);
    const checks = inputs.responses.flatMap(([op, statuses]) => statuses.map(([status]) => [op, status] as const));
    expect(checks.length).toBeGreaterThan(0);

    const fresh = await compileValidators(inputs);
    const earlier = await compileValidators(inputs);
    // The run that saved them checked half of the values; the other half are new to the stored answers.
    for (const [op, status] of checks)
      for (const value of VALUES.slice(0, 3)) earlier.check("response", op, status, value);
    const stored = withCheck(JSON.parse(JSON.stringify(earlier)) as typeof earlier, inputs);

    expect(stored.code).toBe(fresh.code);
    expect(stored.declarations).toBe(fresh.declarations);
    const answers = (v: typeof fresh) =>
      checks.flatMap(([op, status]) => VALUES.map((value) => v.check("response", op, status, value) ?? "valid"));
    expect(answers(stored)).toEqual(answers(fresh));
    expect(answers(fresh)).toContain("valid");
    expect(answers(fresh).some((a) => a !== "valid")).toBe(true);
  });
});
