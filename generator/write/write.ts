import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Files of a package by path relative to its folder. */
export type FileSet = Map<string, string>;

/** Folders inside a package that belong to the user (npm), never written or compared. */
const KEPT = new Set(["node_modules"]);
const TMP_MARK = ".apigen-tmp-";
const OLD_MARK = ".apigen-old-";

/** Relative paths of every file below `dir` (none if it does not exist), sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split("\\").join("/"))
    .filter((rel) => !KEPT.has(rel.split("/")[0]!))
    .sort();
}

/** Paths that differ between `files` and the folder: changed, missing, or there but not generated. */
export async function diffAgainstDisk(dir: string, files: FileSet): Promise<string[]> {
  const onDisk = await listFiles(dir);
  const differing: string[] = onDisk.filter((rel) => !files.has(rel));
  await Promise.all(
    [...files].map(async ([rel, content]) => {
      const current = await readFile(join(dir, rel), "utf8").catch(() => undefined);
      if (current !== content) differing.push(rel);
    }),
  );
  return differing.sort();
}

/**
 * Replaces the package folder with exactly `files`, atomically as far as a
 * reader can tell: everything is written to a sibling temp folder, then two
 * renames swap it in. A crash before the swap leaves the old package whole;
 * between the renames, {@link recoverInterrupted} puts the old one back.
 */
export async function replaceFolder(dir: string, files: FileSet): Promise<void> {
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const tmp = join(parent, `${TMP_MARK}${basename(dir)}-${tag}`);
  const old = join(parent, `${OLD_MARK}${basename(dir)}-${tag}`);
  try {
    for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const path = join(tmp, rel);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
    for (const kept of KEPT) await rename(join(dir, kept), join(tmp, kept)).catch(() => undefined);
    const hadOld = await rename(dir, old).then(
      () => true,
      () => false,
    );
    await rename(tmp, dir);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Cleans up after a generator that was killed mid-write: a temp folder is
 * half-written and goes; an `old` folder whose package is missing was caught
 * between the two renames and is restored.
 */
export async function recoverInterrupted(parent: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(TMP_MARK)) await rm(join(parent, name), { recursive: true, force: true });
  }
  for (const name of names) {
    if (!name.startsWith(OLD_MARK)) continue;
    const original = name.slice(OLD_MARK.length).replace(/-\d+-[0-9a-f]{8}$/, "");
    const target = join(parent, original);
    const exists = await readdir(target).then(
      () => true,
      () => false,
    );
    if (exists) await rm(join(parent, name), { recursive: true, force: true });
    else await rename(join(parent, name), target);
  }
}
