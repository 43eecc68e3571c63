import {
  linkSync,
  lstatSync,
  mkdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  writeFileSync,
  type BigIntStats,
} from "node:fs";
import { rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileClock, statNow } from "../shared/file-stamp.ts";
import { MANIFEST_FILE } from "./manifest.ts";
import { asideFolders, type FileSet, type WrittenStats } from "./write.ts";

/**
 * A watcher's write: the package folder it wrote last stays, and only the files a save changed are
 * replaced in it, each one whole (written into a temporary folder beside the package, then renamed
 * over the old one); files the package no longer has are removed, and the manifest goes last. A save
 * touches a handful of a package's files, and the folder swap (write.ts, replaceFolder) made, linked
 * and removed every one of them again: 10 to 15 ms of a seed spec's save. Tools that watch the
 * package (an app's `tsc --watch`, a dev server) keep their watches on its folders, which a swap replaced.
 *
 * Returns "swap" when the caller must swap the whole folder instead, which handles any shape and is
 * all or nothing: when a path to write is not a regular file below real folders (a folder stands
 * there, or a symbolic link on the way, which the swap replaces with a folder), or when a rename
 * fails part-way (the swap then puts every file right). A failure while the new contents are written
 * aside changes nothing and is thrown. A process killed before the renames leaves the temporary folder,
 * which the next run removes (write.ts, recoverInterrupted); one killed among them leaves files that
 * disagree with the manifest, which the next run finds stale and rewrites. Unlike the swap, it leaves
 * what is not a file of the package and not in the way: an empty folder made by hand, a link or a
 * named pipe (compareWithDisk lists regular files only).
 *
 * `same` and `differing`: what compareWithDisk found (files on disk with this very content; paths to
 * write or remove). `recorded`: the stats the last write took of the files left as they are
 * (written.ts). `later`: a watcher's, which takes the removal of the temporary folder, where the
 * replaced and removed files went, once the package is in place (as replaceFolder's old folder).
 * Returns the stats of every file after the write, as replaceFolder's; undefined when
 * a file is not as the writes left it (changed meanwhile: the stamp of an up-to-date package must not
 * vouch for it).
 */
export async function updateInPlace(
  dir: string,
  files: FileSet,
  same: ReadonlySet<string>,
  differing: readonly string[],
  recorded: (rel: string) => BigIntStats | undefined,
  later?: (work: Promise<void>) => void,
): Promise<WrittenStats | undefined | "swap"> {
  // Not only `differing`: a link or a folder with the right content is not the file to leave there.
  const changed = [...files.keys()].filter((rel) => !same.has(rel));
  const removed = differing.filter((rel) => !files.has(rel));
  const folders = new Map<string, Kind>();
  if (!changed.every((rel) => isFileOrAbsent(dir, rel, folders))) return "swap";
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
  // Read before any file is in place (shared/file-stamp.ts): a change made to a file once it can be
  // reached gets a ctime no older than this, so its entry in the stamp is racy and checked by its hash.
  const clock = await fileClock();
  let renamed = false;
  try {
    // Folders a new file needs (isFileOrAbsent saw real folders, or nothing, on the way).
    for (const folder of new Set(changed.map((rel) => dirname(join(dir, rel))))) mkdirSync(folder, { recursive: true });
    // Freeing a replaced file's blocks is most of what a rename over it costs (1.8 ms for a seed save's
    // 9 files, 0.3 ms without): the old files are linked aside first, and freed with the temporary folder.
    changed.forEach((rel, i) => keepAside(join(dir, rel), join(tmp, `old-${i}`)));
    changed.forEach((rel, i) => renameSync(join(tmp, String(i)), join(dir, rel)));
    removed.forEach((rel, i) => moveAside(join(dir, rel), join(tmp, `gone-${i}`)));
    removeEmptyFolders(dir, removed);
    renamed = true;
  } catch {
    return "swap";
  } finally {
    // Once the package is in place, a watcher frees the old files after saying so (RunContext.later).
    // A removal that fails (a file held open on Windows) leaves the folder to the next run (write.ts, recoverInterrupted).
    if (renamed && later) later(rm(tmp, { recursive: true, force: true }).catch(() => undefined));
    else removeQuietly(tmp);
  }
  return clock === undefined ? undefined : statsAfter(dir, files, clock, asides, recorded);
}

function removeQuietly(folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // Left to the next run, as above.
  }
}

/** A second name for the file at `path`, if there is one to keep (a file system without links: none). */
function keepAside(path: string, aside: string): void {
  try {
    linkSync(path, aside);
  } catch {
    // Nothing there (a new file), or links not supported: the rename frees the old file itself.
  }
}

/** A file the package no longer has: moved out of it, to go with the temporary folder. */
function moveAside(path: string, aside: string): void {
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

type Kind = "file" | "folder" | "none" | "other";

/**
 * Whether `rel` is a regular file or nothing, below real folders (or nothing) all the way from `dir`.
 * `folders`: what each folder on the way was found to be, so far.
 */
function isFileOrAbsent(dir: string, rel: string, folders: Map<string, Kind>): boolean {
  const parts = rel.split("/");
  for (let i = 1; i < parts.length; i++) {
    const folder = parts.slice(0, i).join("/");
    let found = folders.get(folder);
    if (found === undefined) folders.set(folder, (found = kindOf(join(dir, folder))));
    if (found === "none") return true; // made on the way in, with everything below it
    if (found !== "folder") return false; // a file, or a symbolic link the swap would replace
  }
  const found = kindOf(join(dir, rel));
  return found === "file" || found === "none";
}

function kindOf(path: string): Kind {
  try {
    const st = lstatSync(path);
    return st.isDirectory() ? "folder" : st.isFile() ? "file" : "other";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "none" : "other";
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
 * Every file's stat now, with the clock read before the renames; undefined when one is not the file
 * it should be (changed meanwhile): a written one, the file stat-ed aside; one left as it was, the
 * file last recorded (written.ts: the same inode, size and mtime). The ctime is not compared: a rename
 * changes it, and so does the removal of a swapped-out folder that shared the file (replaceFolder).
 */
function statsAfter(
  dir: string,
  files: FileSet,
  clock: bigint,
  asides: ReadonlyMap<string, BigIntStats | undefined>,
  recorded: (rel: string) => BigIntStats | undefined,
): WrittenStats | undefined {
  const stats = new Map<string, BigIntStats>();
  for (const rel of files.keys()) {
    const now = statNow(join(dir, rel));
    const was = asides.has(rel) ? asides.get(rel) : recorded(rel);
    if (now === undefined || was === undefined || !sameFile(now, was)) return undefined;
    stats.set(rel, now);
  }
  return { stats, clock };
}

/** The same file with the same content, as far as a stat tells (the ctime aside: a rename changes it). */
function sameFile(a: BigIntStats, b: BigIntStats): boolean {
  return a.isFile() && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;
}
