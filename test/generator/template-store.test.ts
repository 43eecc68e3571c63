/**
 * The templates are precompiled once and kept on disk between runs
 * (emit/templates.ts, `.cache/templates.json`). Whatever that file holds, the
 * client and the docs pages are the same bytes as with templates compiled from
 * their text: one row per state a user's checkout can be in.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/client.ts";
import { emitDocs } from "../../generator/emit/docs.ts";
import { compileTemplates, loadTemplates, type Templates } from "../../generator/emit/templates.ts";
import { buildIR } from "../../generator/ir/build.ts";
import { loadSpec } from "../../generator/load/load.ts";
import { ROOT } from "../../generator/paths.ts";
import { validateAndBundle } from "../../generator/validate/validate.ts";

const STORE = join(ROOT, ".cache", "templates.json");
/** A spec with tags, models, and operations of every kind the templates loop over. */
const SPEC = join(ROOT, "test", "fixtures", "pagination", "openapi.yaml");

const ROWS: { what: string; before: () => Promise<unknown> }[] = [
  { what: "no stored file", before: () => rm(STORE, { force: true }) },
  { what: "a file that is not JSON", before: () => writeFile(STORE, "{ half") },
  {
    what: "an entry of other templates",
    before: () => writeFile(STORE, JSON.stringify({ key: "another", value: [["docs/tag.md.hbs", "{}"]] })),
  },
  { what: "the entry a previous run saved", before: () => loadTemplates() },
];

async function render(templates: Templates) {
  const loaded = await loadSpec(SPEC);
  const ir = buildIR(await validateAndBundle(loaded), "paging", loaded.locate);
  return { client: emitClient(ir, templates, "// test"), docs: emitDocs(ir, templates) };
}

describe("templates kept precompiled on disk", () => {
  it.each(ROWS)("$what: the same client and docs as templates compiled from their text", async (row) => {
    await mkdir(join(ROOT, ".cache"), { recursive: true });
    await row.before();
    const templates = await loadTemplates();
    expect(templates.precompiled?.size).toBe(templates.sources.size);
    const expected = await render(compileTemplates(templates.sources));
    expect(await render(templates)).toEqual(expected);
    expect(expected.docs.size).toBeGreaterThan(3);
  });
});
