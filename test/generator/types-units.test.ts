/**
 * A watcher makes the types per path item (emit/openapi-typescript/units.ts) so that its memo can
 * keep the ones an edit did not touch. The file must be the one a one-shot run writes, whatever the
 * memo held; and an edit to one operation's prose redoes that operation's path item only.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitTypes } from "../../generator/emit/types.ts";
import { loadSpec } from "../../generator/load/load.ts";
import { StageMemo } from "../../generator/shared/memo.ts";
import { validateAndBundle } from "../../generator/validate/validate.ts";
import { ROOT } from "../support/run.ts";

/** The seed specs, and real ones with webhooks, discriminators, `WithRequired` and operations without an id. */
const SPECS = [
  ...(await readdir(join(ROOT, "specs"))).filter((f) => f.endsWith(".yaml")).map((f) => join(ROOT, "specs", f)),
  join(ROOT, "test", "fixtures", "real-world", "openai.com.json"),
  join(ROOT, "test", "fixtures", "real-world", "adyen.com__LegalEntityService.json"),
  join(ROOT, "test", "fixtures", "real-world", "vercel.com.json"),
  join(ROOT, "test", "fixtures", "real-world", "listennotes.com.json"),
  join(ROOT, "test", "fixtures", "edge", "ref-in-example.yaml"),
];

const BANNER = "// banner";

async function documentOf(file: string): Promise<Record<string, unknown>> {
  return (await validateAndBundle(await loadSpec(file))).document;
}

/** What a watcher's run adds to the memo's counts for one stage. */
function counted(memo: StageMemo, stage: string, run: () => Promise<string>) {
  return async () => {
    const before = { hits: 0, misses: 0, ...memo.stats.get(stage) };
    const text = await run();
    memo.commit();
    const after = memo.stats.get(stage)!;
    return { text, hits: after.hits - before.hits, misses: after.misses - before.misses };
  };
}

describe.each(SPECS)("types of %s made per path item", (file) => {
  it("equal the one-shot transform, with an empty memo and with a full one", async () => {
    const document = await documentOf(file);
    const whole = await emitTypes(document, BANNER);
    const memo = new StageMemo();
    expect(await emitTypes(document, BANNER, memo)).toBe(whole);
    memo.commit();
    expect(await emitTypes(document, BANNER, memo)).toBe(whole);
  });
});

describe("an edit in a watcher", () => {
  it("to one operation's description redoes that path item only, and writes what a one-shot run writes", async () => {
    const file = join(ROOT, "test", "fixtures", "real-world", "openai.com.json");
    const document = await documentOf(file);
    const memo = new StageMemo();
    await counted(memo, "types-path", () => emitTypes(document, BANNER, memo))();

    const edited = structuredClone(document) as { paths: Record<string, Record<string, { description?: string }>> };
    const [url, item] = Object.entries(edited.paths).find(([, i]) => i.post ?? i.get)!;
    const operation = (item.post ?? item.get)!;
    operation.description = `Edited in the watcher. ${operation.description ?? ""}`;

    const run = await counted(memo, "types-path", () => emitTypes(edited, BANNER, memo))();
    expect(run.text).toBe(await emitTypes(edited, BANNER));
    expect(run.text).toContain("Edited in the watcher.");
    expect(run.misses, url).toBe(1);
    expect(run.hits).toBe(Object.keys(edited.paths).length - 1);
    expect(memo.stats.get("types-rest")).toEqual({ hits: 1, misses: 1 });
  });

  it("to a component redoes every unit (any path item may print from it)", async () => {
    const file = join(ROOT, "specs", "openziti-edge-management.yaml");
    const document = await documentOf(file);
    const memo = new StageMemo();
    await counted(memo, "types-path", () => emitTypes(document, BANNER, memo))();
    const edited = structuredClone(document) as { components: { schemas: Record<string, { description?: string }> } };
    const schema = Object.values(edited.components.schemas)[0]!;
    schema.description = "Edited in the watcher.";
    const run = await counted(memo, "types-path", () => emitTypes(edited, BANNER, memo))();
    expect(run.text).toBe(await emitTypes(edited, BANNER));
    expect(run.hits).toBe(0);
  });
});
