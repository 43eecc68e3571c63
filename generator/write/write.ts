import { randomBytes } from "node:crypto";
import { readdirSync, type BigIntStats } from "node:fs";
import { link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileClock, statNow } from "../shared/file-stamp.ts";

/** Files of a package by path relative to its folder. */
export type FileSet = Map<string, string>;

/**
 * What replaceFolder saw of the files it wrote, by path in the package: each one's stat, taken in the
 * private temporary folder after every write, and the file system's clock read after those stats and
 * before the swap (shared/file-stamp.ts). Undefined when .cache/ cannot take the clock probe.
 */
export interface WrittenStats {
  stats: ReadonlyMap<string, BigIntStats>;
  clock: bigint;
}

/** Folders inside a package that belong to the user (npm), never written or compared. */
const KEPT = new Set(["node_modules"]);
const TMP_MARK = ".apigen-tmp-";
const OLD_MARK = ".apigen-old-";

/**
 * Relative paths of every file below `dir` (none if it does not exist), sorted; the user's folders
 * (KEPT) are not entered. Synchronous: a package's few folders are a quick system call each, where
 * a thread-pool round trip apiece was 1 ms of a seed spec's watcher save (3 ms of GitHub's).
 */
export async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(rel === "" ? dir : join(dir, rel), { withFileTypes: true })) {
      if (rel === "" && KEPT.has(entry.name)) continue;
      const path = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isFile()) found.push(path);
      else if (entry.isDirectory()) walk(path);
    }
  };
  try {
    walk("");
  } catch {
    return [];
  }
  return found.sort();
}

/** Paths that differ between `files` and the folder: changed, missing, or there but not generated. */
export async function diffAgainstDisk(dir: string, files: FileSet): Promise<string[]> {
  return (await compareWithDisk(dir, files)).differing;
}

export interface DiskComparison {
  /** As {@link diffAgainstDisk}. */
  differing: string[];
  /** Files of `files` the folder holds already, as regular files with this very content. */
  same: Set<string>;
}

/**
 * {@link diffAgainstDisk}, and which files are there already. `known`: contents of files of the folder
 * known without reading them (a watcher's record of what it wrote, write/written.ts).
 */
export async function compareWithDisk(
  dir: string,
  files: FileSet,
  known: ReadonlyMap<string, string> = new Map(),
): Promise<DiskComparison> {
  const onDisk = await listFiles(dir);
  const present = new Set(onDisk);
  const differing: string[] = onDisk.filter((rel) => !files.has(rel));
  const same = new Set<string>();
  await Promise.all(
    [...files].map(async ([rel, content]) => {
      const current = known.get(rel) ?? (await readFile(join(dir, rel), "utf8").catch(() => undefined));
      if (current !== content) differing.push(rel);
      // A path that is a link or a folder on disk reads as a file's content but is not one: it is written.
      else if (present.has(rel)) same.add(rel);
    }),
  );
  return { differing: differing.sort(), same };
}

/**
 * Replaces the package folder with exactly `files`, atomically as far as a
 * reader can tell: everything is written to a sibling temp folder, then two
 * renames swap it in. A crash before the swap leaves the old package whole;
 * between the renames, {@link recoverInterrupted} puts the old one back.
 * The user's folders (node_modules) move into the new package just before the
 * swap; a failure puts them, and the old package, back where they were.
 * `same`: files the old package holds with this very content (see {@link compareWithDisk}). They are
 * hard-linked into the new folder rather than written again: files are only ever replaced whole, never
 * written in place, so the two names share content that does not change, and the old name goes with
 * the old folder. Most of a package is the same after an edit (GitHub's: 60 MB of 1,000 files).
 * `later`: a watcher's, which takes the old folder's removal and awaits it before its next regeneration,
 * so that the new package is reported written as soon as it is in place.
 */
export async function replaceFolder(
  dir: string,
  files: FileSet,
  same: ReadonlySet<string> = new Set(),
  later?: (work: Promise<void>) => void,
): Promise<WrittenStats | undefined> {
  await mkdir(dirname(dir), { recursive: true });
  const { tmp, old } = asideFolders(dir);
  const moved: string[] = [];
  let setAside = false;
  let written: WrittenStats | undefined;
  try {
    const entries = [...files].sort(([a], [b]) => (a < b ? -1 : 1));
    // Each folder is made with its parents, all at once: one after the other, each waited for its turn on
    // libuv's thread pool (the nine of a small package took 5 ms of a watcher's save; a few at once, 1 ms).
    await Promise.all(
      [...new Set(entries.map(([rel]) => dirname(join(tmp, rel))))].map((folder) => mkdir(folder, { recursive: true })),
    );
    // Many writes in flight keep libuv's thread pool busy: GitHub's 1,035 files took 1.2 s one by one.
    await eachLimited(entries, 16, ([rel, content]) =>
      same.has(rel) ? linkOrWrite(join(dir, rel), join(tmp, rel), content) : writeFile(join(tmp, rel), content),
    );
    written = await statWritten(tmp, entries);
    for (const kept of KEPT) {
      if (
        await rename(join(dir, kept), join(tmp, kept)).then(
          () => true,
          () => false,
        )
      )
        moved.push(kept);
    }
    // Only "there is no old package" is fine here; any other failure must not be mistaken for it.
    setAside = await rename(dir, old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        throw error;
      },
    );
    await rename(tmp, dir);
  } catch (error) {
    if (setAside && !(await exists(dir))) await rename(old, dir).catch(() => undefined);
    for (const kept of moved) await rename(join(tmp, kept), join(dir, kept)).catch(() => undefined);
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  // The new package is in place; a failure to delete the old one is cleaned up by the next run.
  if (setAside) {
    const removed = rm(old, { recursive: true, force: true }).catch(() => undefined);
    if (later) later(removed);
    else await removed;
  }
  return written;
}

/**
 * The names of a write's temporary folder and of the old package set aside, beside the package: a
 * crash leaves them where {@link recoverInterrupted} looks.
 */
export function asideFolders(dir: string): { tmp: string; old: string } {
  const parent = dirname(dir);
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  return {
    tmp: join(parent, `${TMP_MARK}${basename(dir)}-${tag}`),
    old: join(parent, `${OLD_MARK}${basename(dir)}-${tag}`),
  };
}

/** WrittenStats of the files just written to `tmp`; undefined when one cannot be stat-ed or .cache/ takes no probe. */
async function statWritten(tmp: string, entries: readonly [string, string][]): Promise<WrittenStats | undefined> {
  const stats = new Map<string, BigIntStats>();
  try {
    for (const [rel] of entries) {
      const stat = statNow(join(tmp, rel));
      if (stat === undefined) return undefined;
      stats.set(rel, stat);
    }
  } catch {
    return undefined;
  }
  const clock = await fileClock();
  return clock === undefined ? undefined : { stats, clock };
}

/** A hard link to `from` at `to`, or where that fails (another device, a file system without links, `from` gone) a write. */
async function linkOrWrite(from: string, to: string, content: string): Promise<void> {
  await link(from, to).catch(() => writeFile(to, content));
}

/**
 * Runs `task` over `items`, at most `limit` at a time. After a failure no new
 * task starts, and the first error is thrown once those in flight have ended,
 * so the caller's clean-up never races a write.
 */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const lane = async () => {
    while (failures.length === 0 && next < items.length)
      await task(items[next++]!).catch((error: unknown) => void failures.push(error));
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failures.length > 0) throw failures[0];
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** `<mark><package>-<pid>-<hex>` -> the package folder's name and the pid of the run that made it. */
function parseMarked(name: string, mark: string): { original: string; pid: number; tag: string } | undefined {
  const match = /^(.*)-(\d+)-([0-9a-f]{8})$/.exec(name.slice(mark.length));
  return match ? { original: match[1]!, pid: Number(match[2]), tag: `${match[2]}-${match[3]}` } : undefined;
}

/** True while a process with this pid runs (not this one: a folder with our pid is from before a restart). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Cleans up after a generator that was killed mid-write: a temp folder is
 * half-written and goes (the user's folders moved into it go back first); an
 * `old` folder whose package is missing was caught between the two renames
 * and is restored; an `old` folder beside a package in place is deleted.
 * Folders of a generator that is still running are left alone.
 */
export async function recoverInterrupted(parent: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(TMP_MARK)) continue;
    const marked = parseMarked(name, TMP_MARK);
    if (marked && isRunning(marked.pid)) continue;
    if (marked) {
      const target = join(parent, marked.original);
      const setAside = join(parent, `${OLD_MARK}${marked.original}-${marked.tag}`);
      // Killed after node_modules moved into the temp folder: it goes back to the package, or to the
      // old package set aside (restored below) when killed between the renames.
      const home = (await exists(target)) ? target : (await exists(setAside)) ? setAside : undefined;
      for (const kept of KEPT) {
        const from = join(parent, name, kept);
        if (home && (await exists(from)) && !(await exists(join(home, kept)))) await rename(from, join(home, kept));
      }
    }
    // One still held open (a file in use on Windows) is tried again by the next run; this one goes on.
    await rm(join(parent, name), { recursive: true, force: true }).catch(() => undefined);
  }
  for (const name of names) {
    if (!name.startsWith(OLD_MARK)) continue;
    const marked = parseMarked(name, OLD_MARK);
    if (!marked || isRunning(marked.pid)) continue;
    const target = join(parent, marked.original);
    if (await exists(target)) await rm(join(parent, name), { recursive: true, force: true }).catch(() => undefined);
    else await rename(join(parent, name), target);
  }
}
