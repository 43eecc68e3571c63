/**
 * A watcher's regeneration that a newer save overtook (RunContext.savedDuring, and the spec no longer
 * holds what it read) writes nothing: it may have read that save half done. The package stays as it
 * was, file for file and inode for inode, whether the watcher would have written in place or swapped
 * the folder, and nothing is left beside it. The watcher itself (watch.ts) then regenerates from the
 * newer file.
 */
import { cp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../generator/paths.ts";
import { generatePackage, Superseded, type RunContext, type Target } from "../../generator/pipeline.ts";
import { listFiles } from "../../generator/write/write.ts";
import { WrittenPackage } from "../../generator/write/written.ts";
import { oneShotScratch } from "../support/one-shot.ts";
import { hashTree } from "../support/tree.ts";

const SPEC = join(ROOT, "test", "fixtures", "pagination", "openapi.yaml");

const run = oneShotScratch("apigen-superseded-");

/** Each file's inode, so that a rewrite with the same bytes still shows. */
async function inodes(dir: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const rel of await listFiles(dir)) out[rel] = (await stat(join(dir, rel))).ino;
  return out;
}

const cases = [
  // The watcher's first write of a package swaps the folder; later ones write in place (write/in-place.ts).
  { given: "a package the watcher has not written yet (a folder swap)", inPlace: false },
  { given: "a package the watcher wrote (a write in place)", inPlace: true },
];

describe("a regeneration a newer save overtook", () => {
  it.each(cases)("writes nothing: $given", async ({ given, inPlace }) => {
    const name = given.includes("swap") ? "swap" : "in-place";
    const specFile = join(run.dir, `${name}.yaml`);
    await cp(SPEC, specFile);
    const target: Target = { provider: name, specFile, outDir: join(run.dir, "out", name) };
    const written = new WrittenPackage();
    const ctx: RunContext = { ...run.ctx, written: inPlace ? () => written : undefined };
    await generatePackage(target, ctx);

    const spec = await readFile(specFile, "utf8");
    const edit = (text: string, marker: string) =>
      text.replace("One list operation per x-pagination style.", `$& (${marker})`);
    await writeFile(specFile, edit(spec, "first save"));
    const before = { tree: await hashTree(target.outDir), inodes: await inodes(target.outDir) };
    // The newer save lands while the package is being made: written once the regeneration asks.
    const asked: string[] = [];
    const overtaken: RunContext = {
      ...ctx,
      savedDuring: async (t) => {
        asked.push(t.provider);
        await writeFile(specFile, edit(spec, "second save"));
        return "spec";
      },
    };
    await expect(generatePackage(target, overtaken)).rejects.toBeInstanceOf(Superseded);
    expect(asked).toEqual([name]);
    expect(await hashTree(target.outDir)).toEqual(before.tree);
    expect(await inodes(target.outDir)).toEqual(before.inodes);
    // Nothing left beside the package (a temp folder, an old folder).
    expect((await readdir(join(run.dir, "out"))).filter((n) => n.startsWith(".apigen-"))).toEqual([]);

    // A save came, but the file holds what was read (a big file's save comes as several events, some
    // after the regeneration read it whole): the package is written.
    // A shared file (one a spec may $ref) or a template was saved: what the bundler or the templates read
    // cannot be checked against the disk, so the package is not written, whatever the spec holds.
    const shared: RunContext = { ...ctx, savedDuring: () => Promise.resolve("shared") };
    await expect(generatePackage(target, shared)).rejects.toBeInstanceOf(Superseded);
    expect(await hashTree(target.outDir)).toEqual(before.tree);

    const echoed: RunContext = { ...ctx, savedDuring: () => Promise.resolve("spec") };
    expect((await generatePackage(target, echoed)).status).toBe("generated");
    expect(await readFile(join(target.outDir, "openapi.json"), "utf8")).toContain("(second save)");

    // No save came: written as always.
    await writeFile(specFile, edit(spec, "third save"));
    const quiet: RunContext = { ...ctx, savedDuring: () => Promise.resolve(undefined) };
    expect((await generatePackage(target, quiet)).status).toBe("generated");
    expect(await readFile(join(target.outDir, "openapi.json"), "utf8")).toContain("(third save)");
  });
});
