import { statSync, type BigIntStats } from "node:fs";
import { join } from "node:path";
import { sha256 } from "../shared/hash.ts";
import type { FileSet } from "./write.ts";

interface Entry {
  content: string;
  /** sha256 of content (none for the manifest, which no manifest lists). */
  hash?: string;
  /** The file's inode, size and modification time (ns) right after it was written. */
  identity: string;
  /** Its stat then (what write/in-place.ts compares the file with after a later write left it as it was). */
  stat: BigIntStats;
}

/**
 * What a long-running process (the watcher) last wrote into one package folder: every file's content,
 * its hash and the identity of the file on disk (inode, size, mtime). The next regeneration of the
 * package then neither reads the folder back to see what changed nor hashes again a file it made the
 * same, which on GitHub's package (1,000 files, 60 MB) is seconds per save. A file whose identity
 * changed since (edited by hand, replaced, deleted) is not known any more and is read as a cold run
 * reads it, so the output stays what a cold run writes. Not covered: an edit that keeps the inode and
 * the size and lands within the file system's timestamp tick of the write (a few ms).
 */
export class WrittenPackage {
  #dir: string | undefined;
  #files = new Map<string, Entry>();

  /** sha256 of `content`, the file at `rel`: the recorded hash when it is what was written there last. */
  hash(rel: string, content: string): string {
    const entry = this.#files.get(rel);
    return entry?.content === content && entry.hash !== undefined ? entry.hash : sha256(content);
  }

  /** The content of the file `rel` of `dir`, when it is still on disk as recorded (nothing read); else undefined. */
  content(dir: string, rel: string): string | undefined {
    if (dir !== this.#dir) return undefined;
    const entry = this.#files.get(rel);
    return entry !== undefined && identityOf(join(dir, rel)) === entry.identity ? entry.content : undefined;
  }

  /** The recorded files of `dir` that are still on disk as written, with their contents (nothing read). */
  onDisk(dir: string): Map<string, string> {
    if (dir !== this.#dir) return new Map();
    const known = new Map<string, string>();
    for (const [rel, entry] of this.#files)
      if (identityOf(join(dir, rel)) === entry.identity) known.set(rel, entry.content);
    return known;
  }

  /**
   * `dir` now holds exactly `files` (just written, or found the same), whose hashes are `hashes`: remember
   * them. `stats`: the files' stats as the write took them (write.ts, replaceFolder), where it took them.
   */
  record(
    dir: string,
    files: FileSet,
    hashes: Readonly<Record<string, string>>,
    stats?: ReadonlyMap<string, BigIntStats>,
  ): void {
    this.#dir = dir;
    this.#files = new Map();
    for (const [rel, content] of files) {
      const stat = stats?.get(rel) ?? statOf(join(dir, rel));
      const identity = stat && identityFrom(stat);
      if (identity === undefined) continue;
      this.#files.set(rel, { content, identity, stat: stat!, hash: hashes[rel] });
    }
  }

  /** The stat of the file `rel` when it was recorded (of the folder last recorded). */
  recordedStat(rel: string): BigIntStats | undefined {
    return this.#files.get(rel)?.stat;
  }

  /** A write failed part-way: nothing recorded is trusted any more. */
  forget(): void {
    this.#dir = undefined;
    this.#files = new Map();
  }
}

/**
 * Synchronous: one quick system call per file, where a thread-pool round trip apiece cost a small
 * package's regeneration some milliseconds of a watcher's save.
 */
function identityOf(path: string): string | undefined {
  const st = statOf(path);
  return st ? identityFrom(st) : undefined;
}

function statOf(path: string): BigIntStats | undefined {
  try {
    return statSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function identityFrom(st: BigIntStats): string | undefined {
  return st.isFile() ? `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}` : undefined;
}
