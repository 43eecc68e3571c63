import { closeSync, fstatSync, mkdirSync, openSync, rmSync, statSync, type BigIntStats } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { ROOT } from "../paths.ts";
import { sha256 } from "./hash.ts";

/**
 * Files as a run saw them, so that a later run can tell by `stat` alone that
 * they still hold what was read (or written) then: the generator fingerprint,
 * and a package that was found up to date, are not read and hashed again while
 * nothing under them changed (a no-op `generate` hashed every generated file).
 *
 * Any write changes a file's ctime, and nobody can set a ctime back; ino,
 * size, mtime and ctime together also see a file replaced by another. One gap
 * is left, as in git's "racy clean" entries: a file changed again within the
 * same tick of the file system's clock keeps its ctime. So a run reads the
 * clock first ({@link fileClock}: the ctime a change made now would get), and
 * a file whose ctime is not older than that may still change unseen: its
 * content hash is kept, and the check reads and hashes that file instead of
 * trusting its stat. On a clock with coarse ticks a few more files are
 * hashed; nothing is ever trusted that a later change could hide in.
 */
export interface Seen {
  path: string;
  /** ino, size, mtime and ctime (ns); absent when the path did not exist. */
  id?: string;
  /** Content hash (a folder: its sorted entry names), kept only for a racy entry. */
  hash?: string;
}

/** The ctime a change made now gets, read from a file touched now in .cache/; undefined when .cache/ is not writable. */
export async function fileClock(): Promise<bigint | undefined> {
  // Synchronous calls: four quick ones, each a thread-pool round trip when asynchronous (a watcher's
  // regeneration reads the clock up to three times).
  const dir = join(ROOT, ".cache");
  const probe = join(dir, `clock.${process.pid}.${threadId}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(probe, "w");
    try {
      return fstatSync(fd, { bigint: true }).ctimeNs;
    } finally {
      closeSync(fd);
      rmSync(probe, { force: true });
    }
  } catch {
    return undefined;
  }
}

/** A path's stat now, or undefined when it does not exist. */
export function statNow(path: string): BigIntStats | undefined {
  return statSync(path, { bigint: true, throwIfNoEntry: false });
}

/**
 * `stat` must be taken before the content `hash` stands for was read (or, for
 * a file this run wrote, before anyone else could reach it), and `clock`
 * before `stat`: a later change then shows in the stat, or the entry is racy
 * and keeps its hash.
 */
export function seen(path: string, stat: BigIntStats | undefined, hash: string, clock: bigint): Seen {
  if (!stat) return { path };
  const id = idOf(stat);
  return stat.ctimeNs >= clock ? { path, id, hash } : { path, id };
}

/** True when every path is as it was seen: same stat, and for a racy entry the same content. */
export async function stillAsSeen(entries: readonly Seen[]): Promise<boolean> {
  const racy: { path: string; hash: string; dir: boolean }[] = [];
  for (const entry of entries) {
    let stat: BigIntStats | undefined;
    try {
      stat = statNow(entry.path);
    } catch {
      return false;
    }
    if (stat === undefined || entry.id === undefined) {
      if ((stat === undefined) !== (entry.id === undefined)) return false;
      continue;
    }
    if (idOf(stat) !== entry.id) return false;
    if (entry.hash !== undefined) racy.push({ path: entry.path, hash: entry.hash, dir: stat.isDirectory() });
  }
  try {
    const hashes = await Promise.all(racy.map(({ path, dir }) => (dir ? listingHash(path) : fileHash(path))));
    return racy.every(({ hash }, i) => hashes[i] === hash);
  } catch {
    return false;
  }
}

export async function fileHash(path: string): Promise<string> {
  return sha256(await readFile(path));
}

/** A folder's content as far as a stamp cares: the names in it. */
export async function listingHash(path: string): Promise<string> {
  return namesHash(await readdir(path));
}

export function namesHash(names: readonly string[]): string {
  return sha256([...names].sort().join("\0"));
}

function idOf(stat: BigIntStats): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}
