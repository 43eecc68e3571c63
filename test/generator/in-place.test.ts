/**
 * write/in-place.ts: a watcher's write changes only what a save changed, in the package's own folders,
 * each file replaced whole; anything it cannot do that way is left to the folder swap, untouched.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { statNow } from "../../generator/shared/file-stamp.ts";
import { updateInPlace } from "../../generator/write/in-place.ts";
import { MANIFEST_FILE } from "../../generator/write/manifest.ts";
import { compareWithDisk, listFiles } from "../../generator/write/write.ts";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A package folder holding `files` (a trailing "/" makes a folder), in a parent of its own. */
function packageWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "in-place-"));
  roots.push(root);
  const dir = join(root, "pkg");
  mkdirSync(dir);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel.endsWith("/") ? rel : join(rel, "..")), { recursive: true });
    if (!rel.endsWith("/")) writeFileSync(join(dir, rel), content);
  }
  return dir;
}

/** Every file and folder below `dir` with its inode. */
function inodes(dir: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    found.set(path.slice(dir.length + 1), statSync(path).ino);
  }
  return found;
}

/** updateInPlace as the pipeline calls it: compared with the disk first, every file on disk recorded as written. */
async function update(dir: string, files: Record<string, string>) {
  const wanted = new Map(Object.entries(files));
  const { same, differing } = await compareWithDisk(dir, wanted);
  return updateInPlace(dir, wanted, same, differing, (rel) => statNow(join(dir, rel)));
}

describe("updateInPlace", () => {
  const cases: {
    name: string;
    given: Record<string, string>;
    want: Record<string, string>;
    /** Paths whose inode must stay (files left as they were, folders kept). */
    kept: string[];
    gone: string[];
  }[] = [
    {
      name: "a changed file is replaced, a new one made in a new folder, the rest left as it was",
      given: { "a.txt": "one", "src/b.ts": "two", "src/c.ts": "three" },
      want: { "a.txt": "one!", "src/b.ts": "two", "src/c.ts": "three", "docs/d.md": "four" },
      kept: ["src", "src/b.ts", "src/c.ts"],
      gone: [],
    },
    {
      name: "a file the package no longer has goes, with the folders it leaves empty",
      given: { "a.txt": "one", "docs/models/m.md": "model", "docs/r.md": "readme" },
      want: { "a.txt": "one!", "docs/r.md": "readme" },
      kept: ["docs", "docs/r.md"],
      gone: ["docs/models/m.md", "docs/models"],
    },
    {
      name: "a file that is not generated goes; node_modules is the user's",
      given: { "a.txt": "one", "stray.txt": "mine", "node_modules/x/index.js": "dep" },
      want: { "a.txt": "one!" },
      kept: ["node_modules", "node_modules/x/index.js"],
      gone: ["stray.txt"],
    },
  ];
  it.each(cases)("$name", async ({ given, want, kept, gone }) => {
    const dir = packageWith(given);
    const before = inodes(dir);
    const stats = await update(dir, want);
    expect(stats).not.toBe("swap");
    for (const [rel, content] of Object.entries(want)) expect(readFileSync(join(dir, rel), "utf8")).toBe(content);
    const after = inodes(dir);
    for (const rel of kept) expect(after.get(rel), rel).toBe(before.get(rel));
    for (const rel of gone) expect(after.has(rel), rel).toBe(false);
    // Nothing left beside the package, and the stats are of the files as they are now.
    expect(readdirSync(join(dir, ".."))).toEqual(["pkg"]);
    const { stats: taken } = stats as Exclude<typeof stats, "swap" | undefined>;
    expect([...taken.keys()].sort()).toEqual(Object.keys(want).sort());
    for (const [rel, st] of taken) expect(st.ctimeNs, rel).toBe(statNow(join(dir, rel))!.ctimeNs);
    // The clock was read before any new file could be reached: a change made to one since (a same-size
    // edit within the file system's timestamp tick keeps the mtime) finds its stamp entry racy, and hashed.
    const { clock } = stats as Exclude<typeof stats, "swap" | undefined>;
    for (const rel of Object.keys(want).filter((r) => given[r] !== want[r]))
      expect(taken.get(rel)!.ctimeNs >= clock, rel).toBe(true);
  });

  const swaps: { name: string; given: Record<string, string>; want: Record<string, string> }[] = [
    {
      name: "a folder stands where a file must go",
      given: { "a.txt": "one", "b/": "" },
      want: { "a.txt": "1", b: "" },
    },
    {
      name: "a file stands where a folder must go",
      given: { "a.txt": "one", b: "x" },
      want: { "a.txt": "1", "b/c": "" },
    },
    {
      name: "a folder on the way is a symbolic link",
      given: { "a.txt": "one", "docs/": "" },
      want: { "a.txt": "1", "docs/d.md": "new" },
    },
  ];
  it.each(swaps)("leaves it to the folder swap, touching nothing, when $name", async ({ given, want }) => {
    const dir = packageWith(given);
    if (given["docs/"] !== undefined) {
      // docs/ is a link to a folder outside the package: the swap makes it a folder of the package.
      const elsewhere = mkdtempSync(join(tmpdir(), "in-place-elsewhere-"));
      roots.push(elsewhere);
      rmSync(join(dir, "docs"), { recursive: true });
      symlinkSync(elsewhere, join(dir, "docs"));
    }
    const before = inodes(dir);
    expect(await update(dir, want)).toBe("swap");
    expect(inodes(dir)).toEqual(before);
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("one");
  });

  it("changes nothing, and leaves nothing beside the package, when a write fails part-way", async () => {
    const dir = packageWith({ "a.txt": "one", "b.txt": "two" });
    const before = inodes(dir);
    const wanted = new Map([
      ["a.txt", "one!"],
      // Not text: writing it throws, after a.txt was written aside.
      ["b.txt", 42 as unknown as string],
    ]);
    const { same, differing } = await compareWithDisk(dir, wanted);
    await expect(updateInPlace(dir, wanted, same, differing, (rel) => statNow(join(dir, rel)))).rejects.toThrow();
    expect(inodes(dir)).toEqual(before);
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("one");
    expect(readdirSync(join(dir, ".."))).toEqual(["pkg"]);
  });

  it("puts the manifest in place last: until then the package disagrees with the manifest on disk", async () => {
    const dir = packageWith({ "a.txt": "one", [MANIFEST_FILE]: "{}", "z.txt": "two" });
    const arrived: string[] = [];
    const watcher = watch(dir, (_event, name) => void (name !== null && arrived.push(name)));
    try {
      await update(dir, { "a.txt": "one!", [MANIFEST_FILE]: '{"new":true}', "z.txt": "two!" });
      // The file system reports the renames in the order they were made; waited for, not timed.
      await new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (!arrived.includes(MANIFEST_FILE) || !arrived.includes("a.txt") || !arrived.includes("z.txt")) return;
          clearInterval(check);
          resolve();
        }, 5);
      });
    } finally {
      watcher.close();
    }
    expect(arrived.at(-1)).toBe(MANIFEST_FILE);
  });

  it("with a watcher's `later`, the package is in place at once and the replaced files go with the temporary folder after", async () => {
    const dir = packageWith({ "a.txt": "one", "b.txt": "two", "old/c.txt": "three" });
    const replaced = statSync(join(dir, "a.txt")).ino;
    const wanted = new Map([
      ["a.txt", "one!"],
      ["b.txt", "two"],
    ]);
    const { same, differing } = await compareWithDisk(dir, wanted);
    const deferred: Promise<void>[] = [];
    const stats = await updateInPlace(
      dir,
      wanted,
      same,
      differing,
      (rel) => statNow(join(dir, rel)),
      (work) => void deferred.push(work),
    );
    expect(stats).toBeDefined();
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("one!");
    expect(readdirSync(dir).sort()).toEqual(["a.txt", "b.txt"]);
    // The old a.txt and the removed c.txt are still held beside the package, until the work handed over is done.
    expect(deferred).toHaveLength(1);
    const [aside] = readdirSync(join(dir, "..")).filter((name) => name !== "pkg");
    const held = readdirSync(join(dir, "..", aside!)).map((name) => statSync(join(dir, "..", aside!, name)).ino);
    expect(held).toContain(replaced);
    await Promise.all(deferred);
    expect(readdirSync(join(dir, ".."))).toEqual(["pkg"]);
  });

  it("vouches for no file when one left as it was is not the file recorded (changed since)", async () => {
    const dir = packageWith({ "a.txt": "one", "b.txt": "two" });
    const recorded = statNow(join(dir, "b.txt"))!;
    // Saved over by an editor after the watcher recorded it, with the content the save makes.
    writeFileSync(join(dir, "b.txt.swp"), "two");
    renameSync(join(dir, "b.txt.swp"), join(dir, "b.txt"));
    const wanted = new Map([
      ["a.txt", "one!"],
      ["b.txt", "two"],
    ]);
    const { same, differing } = await compareWithDisk(dir, wanted);
    const stats = await updateInPlace(dir, wanted, same, differing, (rel) =>
      rel === "b.txt" ? recorded : statNow(join(dir, rel)),
    );
    expect(stats).toBeUndefined();
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("one!");
  });
});

describe("listFiles", () => {
  const cases: { name: string; given: Record<string, string>; links?: Record<string, string>; want: string[] }[] = [
    {
      name: "every file below, by its path with /, sorted; folders are not listed, empty or not",
      given: { "b.txt": "", "a/z.txt": "", "a/b/c.txt": "", "empty/": "" },
      want: ["a/b/c.txt", "a/z.txt", "b.txt"],
    },
    {
      name: "the user's node_modules at the top is not entered; one deeper is the package's own",
      given: { "index.js": "", "node_modules/dep/index.js": "", "docs/node_modules/x.md": "" },
      want: ["docs/node_modules/x.md", "index.js"],
    },
    {
      name: "symbolic links are not files of the package (to a file or to a folder)",
      given: { "a.txt": "", "dir/b.txt": "" },
      links: { "link.txt": "a.txt", "linked-dir": "dir" },
      want: ["a.txt", "dir/b.txt"],
    },
  ];
  it.each(cases)("$name", async ({ given, links, want }) => {
    const dir = packageWith(given);
    for (const [name, target] of Object.entries(links ?? {})) symlinkSync(target, join(dir, name));
    expect(await listFiles(dir)).toEqual(want);
  });

  it("lists nothing for a folder that is not there", async () => {
    expect(await listFiles(join(packageWith({}), "missing"))).toEqual([]);
  });
});
