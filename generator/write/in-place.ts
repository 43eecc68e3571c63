import { lstatSync, mkdirSync, renameSync, rmSync, rmdirSync, writeFileSync, type BigIntStats } from "node:fs";
import { dirname, join } from "node:path";
import { fileClock, statNow } from "../shared/file-stamp.ts";
import { MANIFEST_FILE } from "./manifest.ts";
import { asideFolders, type FileSet, type WrittenStats } from "./write.ts";

/**
 * A watcher's write: the package folder it wrote last stays, and only the files a save changed are
 * replaced in it, each one whole (written into a temporary folder beside the package, then renamed over
 * it); files the package
 * no longer has are removed, and the manifest goes last. A save touches a handful of a package's files,
 * and the folder swap (write.ts, replaceFolder) made, linked and removed every one of them again: 10 to
 * 15 ms of a seed spec's save. Tools that watch the package (an app's `tsc --watch`, a dev server) keep
 * their watches on its folders, which a swap replaced.
 *
 * All or nothing up to the renames: every new content is written aside first, and a failure there
 * removes what was written and changes nothing (nor when a path to replace is not a file: the caller
 * swaps the folder instead, which handles any shape). A process killed before the renames leaves the
 * temporary folder, which the next run removes (write.ts, recoverInterrupted). The renames are quick
 * and do not fail for want of space; a process killed among them leaves files that disagree with the
 * manifest, which the next `generate` finds stale and rewrites.
 *
 * `same` and `differing`: what compareWithDisk found (files on disk with this very content; paths to
 * write or remove). `recorded`: the stats the last write took of the files left as they are (written.ts). Returns the
 * stats of every file after the write, as replaceFolder's; undefined when a file is not as this write
 * left it (changed meanwhile: the stamp of an up-to-date package must not vouch for it). Returns
 * "swap" when the folder must be swapped instead.
 */
export async function updateInPlace(
  dir: string,
  files: FileSet,
  same: ReadonlySet<string>,
  differing: readonly string[],
  recorded: (rel: string) => BigIntStats | undefined,
): Promise<WrittenStats | undefined | "swap"> {
  // Not only `differing`: a link or a folder with the right content is not the file to leave there.
  const changed = [...files.keys()].filter((rel) => !same.has(rel));
  const removed = differing.filter((rel) => !files.has(rel));
  if (!changed.every((rel) => isFileOrAbsent(join(dir, rel)))) return "swap";
  // The manifest last: until it is renamed in, the package disagrees with the manifest on disk.
  changed.sort((a, b) => Number(a === MANIFEST_FILE) - Number(b === MANIFEST_FILE));
  const { tmp } = asideFolders(dir);
  // Synchronous calls: a few quick ones per file, where a thread-pool round trip apiece was most of the time.
  const asides = new Map<string, BigIntStats | undefined>();
  try {
    mkdirSync(tmp);
    changed.forEach((rel, i) => {
      writeFileSync(join(tmp, String(i)), files.get(rel)!);
      // Taken where nobody else looks: the file as it will be once renamed, bar its ctime.
      asides.set(rel, statNow(join(tmp, String(i))));
    });
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  // Folders a new file needs (isFileOrAbsent saw nothing but folders, or nothing, on the way).
  for (const folder of new Set(changed.map((rel) => dirname(join(dir, rel))))) mkdirSync(folder, { recursive: true });
  changed.forEach((rel, i) => renameSync(join(tmp, String(i)), join(dir, rel)));
  rmdirSync(tmp);
  for (const rel of removed) rmSync(join(dir, rel), { force: true });
  removeEmptyFolders(dir, removed);
  return statsAfter(dir, files, (rel) => (asides.has(rel) ? asides.get(rel) : recorded(rel)));
}

/** Whether the path is a regular file or nothing, below folders (or nothing) all the way up. */
function isFileOrAbsent(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch (error) {
    // ENOTDIR: a file stands where one of its folders must go.
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}

/** Folders left empty by removed files go, as they would with the folder swapped. */
function removeEmptyFolders(dir: string, removed: readonly string[]): void {
  const folders = [...new Set(removed.map((rel) => dirname(rel)).filter((d) => d !== "."))];
  // Deepest first, so that a parent emptied by its child's removal goes too.
  folders.sort((a, b) => b.split("/").length - a.split("/").length);
  for (const folder of folders)
    for (let d = folder; d !== "."; d = dirname(d)) {
      try {
        rmdirSync(join(dir, d));
      } catch {
        break; // not empty (or gone already)
      }
    }
}

/**
 * Every file's stat now, the clock read first (shared/file-stamp.ts: a file changed after these stats
 * shows in a later stat, or its entry is racy); undefined when one is not the file `expected` describes.
 */
async function statsAfter(
  dir: string,
  files: FileSet,
  expected: (rel: string) => BigIntStats | undefined,
): Promise<WrittenStats | undefined> {
  const clock = await fileClock();
  if (clock === undefined) return undefined;
  const stats = new Map<string, BigIntStats>();
  for (const rel of files.keys()) {
    const now = statNow(join(dir, rel));
    const was = expected(rel);
    if (now === undefined || was === undefined || !sameFile(now, was)) return undefined;
    stats.set(rel, now);
  }
  return { stats, clock };
}

/** The same file with the same content, as far as a stat tells (a rename changes the ctime alone). */
function sameFile(a: BigIntStats, b: BigIntStats): boolean {
  return a.isFile() && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;
}
