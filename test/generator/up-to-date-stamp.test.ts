/**
 * `generate` finds a package up to date by the stat of its files, kept in
 * .cache/ by the run that wrote (or last verified) it (write/manifest.ts,
 * shared/file-stamp.ts). Whatever a user does to a spec or a generated file,
 * the stat must see it: a hand edit that keeps the size and sets the mtime
 * back still regenerates the package, as the content hashes did.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { DocsSession } from "../../generator/emit/docs-job.ts";
import { listFiles } from "../../generator/write/write.ts";
import { ROOT } from "../../generator/paths.ts";
import { generatePackage, type RunContext, type Target } from "../../generator/pipeline.ts";
import { seen, statNow, stillAsSeen } from "../../generator/shared/file-stamp.ts";
import { sha256 } from "../../generator/shared/hash.ts";
import { oneShotScratch } from "../support/one-shot.ts";

const execFileAsync = promisify(execFile);
const SPEC = join(ROOT, "test", "fixtures", "pagination", "openapi.yaml");

const run = oneShotScratch("apigen-stamp-");

/**
 * A spec of its own and a package generated from it; `runs` generates that many times. Before each
 * further run the file system's clock moves past every file's ctime, so that run keeps their stats as
 * trusted, not racy (shared/file-stamp.ts): only the stat can then tell an edit. `dropStamps`: the
 * stamps kept so far are deleted before each further run, which then hashes every file and keeps
 * its own (other tests' packages only get hashed again).
 */
async function generated(name: string, runs: number, dropStamps = false): Promise<Target> {
  const specFile = join(run.dir, `${name}.yaml`);
  await cp(SPEC, specFile);
  const target = { provider: name, specFile, outDir: join(run.dir, name) };
  for (let i = 0; i < runs; i++) {
    if (i > 0) await clockPast([specFile, ...(await listFiles(target.outDir)).map((rel) => join(target.outDir, rel))]);
    if (i > 0 && dropStamps) await rm(join(ROOT, ".cache", "fresh"), { recursive: true, force: true });
    await generatePackage(target, run.ctx);
  }
  return target;
}

/** Waits until a file changed now gets a later ctime than any of `files` has. */
async function clockPast(files: string[]): Promise<void> {
  const latest = files.map((file) => statNow(file)!.ctimeNs).reduce((a, b) => (a > b ? a : b));
  const probe = join(run.dir, "clock-probe");
  for (;;) {
    await writeFile(probe, "");
    if (statNow(probe)!.ctimeNs > latest) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Replaces `from` by `to` (as long) and sets the file's times back to the nanosecond (touch -r: node's
 * utimes rounds them): same size, same mtime, other content.
 */
async function editKeepingSizeAndMtime(file: string, from: string, to: string): Promise<void> {
  const before = statNow(file)!;
  const times = join(run.dir, "times");
  await execFileAsync("touch", ["-r", file, times]);
  const text = await readFile(file, "utf8");
  expect(text).toContain(from);
  expect(to).toHaveLength(from.length);
  await writeFile(file, text.replace(from, to));
  await execFileAsync("touch", ["-r", times, file]);
  const after = statNow(file)!;
  expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
}

const KEPT_BY = [
  { by: "the run that wrote it", runs: 1, dropStamps: false },
  { by: "a run that found it up to date by hashing every file", runs: 2, dropStamps: true },
];

describe.each(KEPT_BY)("stat kept by $by", ({ runs, dropStamps }) => {
  it("the next run finds the package up to date", async () => {
    const target = await generated(`fresh${runs}`, runs, dropStamps);
    expect((await generatePackage(target, run.ctx)).status).toBe("up-to-date");
  });

  it("a generated file edited by hand (same size, mtime set back) is regenerated", async () => {
    const target = await generated(`edited${runs}`, runs, dropStamps);
    const client = join(target.outDir, "src", "client.ts");
    const original = await readFile(client, "utf8");
    await editKeepingSizeAndMtime(client, "export", "EXPORT");
    const result = await generatePackage(target, run.ctx);
    expect(result.status).toBe("generated");
    expect(result.changed).toEqual(["src/client.ts"]);
    expect(await readFile(client, "utf8")).toBe(original);
  });

  it("a spec edited (same size, mtime set back) makes the package stale", async () => {
    const target = await generated(`spec${runs}`, runs, dropStamps);
    await editKeepingSizeAndMtime(target.specFile, "description: A page.", "description: A Page.");
    expect((await generatePackage(target, run.ctx)).status).toBe("generated");
  });
});

describe("a stat seen by a run", () => {
  it("holds until the file changes; a racy one is checked by content", async () => {
    const file = join(run.dir, "racy.txt");
    await writeFile(file, "one");
    const now = statNow(file);
    const trusted = seen(file, now, sha256("one"), now!.ctimeNs + 1n);
    const racy = seen(file, now, sha256("one"), now!.ctimeNs);
    expect(trusted.hash).toBeUndefined();
    expect(racy.hash).toBe(sha256("one"));
    expect(await stillAsSeen([trusted, racy])).toBe(true);
    // A change the stat could not show (same tick): only the content tells, and it is read.
    expect(await stillAsSeen([{ ...racy, hash: sha256("two") }])).toBe(false);
    await writeFile(file, "two");
    expect(await stillAsSeen([trusted])).toBe(false);
  });

  it("a path seen missing holds until it appears", async () => {
    const file = join(run.dir, "later.txt");
    const missing = seen(file, statNow(file), "", 0n);
    expect(await stillAsSeen([missing])).toBe(true);
    await writeFile(file, "");
    expect(await stillAsSeen([missing])).toBe(false);
  });
});

describe("a spec saved with a UTF-8 byte order mark (as some Windows editors save)", () => {
  it("leaves its package up to date on the next run, and stale once it is edited", async () => {
    const specFile = join(run.dir, "bom.yaml");
    await writeFile(specFile, `\uFEFF${await readFile(SPEC, "utf8")}`);
    const target = { provider: "bom", specFile, outDir: join(run.dir, "bom") };
    expect((await generatePackage(target, run.ctx)).status).toBe("generated");
    expect((await generatePackage(target, run.ctx)).status).toBe("up-to-date");
    const text = await readFile(specFile, "utf8");
    await writeFile(specFile, text.replace("description: A page.", "description: A Page."));
    expect((await generatePackage(target, run.ctx)).status).toBe("generated");
  });
});

describe("a file the spec refers to, saved while its package is being made", () => {
  it("leaves the package stale: the manifest holds the hash of what was read, not of the save", async () => {
    const folder = join(run.dir, "refs");
    await cp(join(ROOT, "test", "fixtures", "edge", "external-refs"), folder, { recursive: true });
    const target = { provider: "refs", specFile: join(folder, "openapi.yaml"), outDir: join(run.dir, "refs-out") };
    await generatePackage(target, run.ctx);
    const pet = join(folder, "schemas", "pet.yaml");
    const before = await readFile(pet, "utf8");
    const described = (what: string) =>
      before.replace("Pet:\n  type: object\n", `Pet:\n  type: object\n  description: A pet (${what}).\n`);
    expect(described("first save")).not.toBe(before);
    await writeFile(pet, described("first save"));
    // The docs start once the document is bundled, before the inputs are hashed: the second save lands then.
    const docs = new DocsSession();
    const during: RunContext = {
      ...run.ctx,
      docs: () =>
        ({
          start: (ir: Parameters<DocsSession["start"]>[0], templates: Parameters<DocsSession["start"]>[1]) => {
            writeFileSync(pet, described("second save"));
            return docs.start(ir, templates);
          },
        }) as unknown as DocsSession,
    };
    expect((await generatePackage(target, during)).status).toBe("generated");
    docs.close();
    expect(await readFile(join(target.outDir, "openapi.json"), "utf8")).toContain("(first save)");
    const next = await generatePackage(target, run.ctx);
    expect(next.status).toBe("generated");
    expect(await readFile(join(target.outDir, "openapi.json"), "utf8")).toContain("(second save)");
  });
});
