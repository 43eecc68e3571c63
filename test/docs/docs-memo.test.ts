/**
 * A watcher keeps the docs pages it rendered (emit/docs.ts with a memo, keyed by emit/docs/page-keys.ts):
 * an edit re-renders the pages that show what it touched, and the docs stay the bytes a render
 * without the memo makes.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitDocs } from "../../generator/emit/docs.ts";
import { DocsSession } from "../../generator/emit/docs-job.ts";
import { formatFiles } from "../../generator/format/format.ts";
import { loadTemplates } from "../../generator/emit/templates.ts";
import { buildIR } from "../../generator/ir/build.ts";
import type { ApiIR } from "../../generator/ir/types.ts";
import { loadSpec } from "../../generator/load/load.ts";
import { StageMemo } from "../../generator/shared/memo.ts";
import { validateAndBundle } from "../../generator/validate/validate.ts";
import { ROOT } from "../support/run.ts";

const PROVIDER = "openziti-edge-management";
const loaded = await loadSpec(join(ROOT, "specs", `${PROVIDER}.yaml`));
const base = buildIR(await validateAndBundle(loaded), PROVIDER, loaded.locate);
const templates = await loadTemplates();

/** A model no other model refers to, named by exactly one operation (so its edit reaches one tag page). */
function leafModel(ir: ApiIR) {
  const mentions = (name: string, json: string) => json.includes(`"#/components/schemas/${name}"`);
  return ir.models.find(
    (m) =>
      !ir.models.some((o) => o !== m && mentions(m.name, JSON.stringify(o))) &&
      ir.operations.filter((op) => mentions(m.name, JSON.stringify(op))).length === 1,
  )!;
}

/** Each edit, on a copy of the IR, and how many tag and model pages it must re-render. */
const cases: { given: string; edit: (ir: ApiIR) => void; want: { tags: number; models: number } }[] = [
  { given: "nothing", edit: () => {}, want: { tags: 0, models: 0 } },
  {
    given: "an operation's description",
    edit: (ir) => void (ir.operations[3]!.description = "Edited."),
    want: { tags: 1, models: 0 },
  },
  {
    given: "an operation's summary",
    edit: (ir) => void (ir.operations[0]!.summary = "Edited summary"),
    want: { tags: 1, models: 0 },
  },
  {
    given: "a tag's description",
    edit: (ir) => void (ir.tags[1]!.description = "Edited."),
    want: { tags: 1, models: 0 },
  },
  {
    given: "the description of a model one operation names and no model refers to",
    edit: (ir) => void (leafModel(ir).description = "Edited."),
    want: { tags: 1, models: 1 },
  },
  {
    given: "the API's title (every page shows the package)",
    edit: (ir) => void (ir.title = "Edited"),
    want: { tags: base.tags.length, models: base.models.length },
  },
];

describe("docs pages kept by a watcher's memo", () => {
  it.each(cases)("an edit to $given re-renders what shows it, and the docs equal a render without the memo", (c) => {
    const memo = new StageMemo();
    expect(emitDocs(base, templates, memo)).toEqual(emitDocs(base, templates));
    memo.commit();
    const before = (stage: string) => ({ misses: 0, ...memo.stats.get(stage) }).misses;
    const [tags, models] = [before("docs-tag"), before("docs-model")];

    const edited = structuredClone(base);
    c.edit(edited);
    const docs = emitDocs(edited, templates, memo);
    expect(docs).toEqual(emitDocs(edited, templates));
    expect({ tags: before("docs-tag") - tags, models: before("docs-model") - models }).toEqual(c.want);
  });

  it("an edit undone is a memo hit again only for what the previous run kept", () => {
    const memo = new StageMemo();
    emitDocs(base, templates, memo);
    memo.commit();
    const edited = structuredClone(base);
    edited.operations[0]!.summary = "Edited summary";
    emitDocs(edited, templates, memo);
    memo.commit();
    // Back to the original: the tag page of the first run was dropped, so it is made again, as it was.
    expect(emitDocs(base, templates, memo)).toEqual(emitDocs(base, templates));
  });
});

describe("a watcher's docs session", () => {
  it("formats only the pages a save changed, and gives what formatting every page gives", async () => {
    const session = new DocsSession();
    const formatted: string[] = [];
    const format = (pages: Map<string, string>) => (formatted.push(...pages.keys()), formatFiles(pages));
    expect(await session.start(base, templates).formatted(format)).toEqual(formatFiles(emitDocs(base, templates)));
    formatted.length = 0;

    const edited = structuredClone(base);
    edited.operations[3]!.description = "Edited.";
    const tag = edited.tags.find((t) => t.name === edited.operations[3]!.tag)!;
    expect(await session.start(edited, templates).formatted(format)).toEqual(formatFiles(emitDocs(edited, templates)));
    // The README and llms.txt do not show descriptions: the tag page, and the overlay (its code samples
    // are made again with the page), are all that changed.
    expect(formatted.sort()).toEqual(["docs/tags/" + tag.slug + ".md"]);
  });
});
