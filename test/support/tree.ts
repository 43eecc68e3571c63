import { cp, readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { sha256 } from "../../generator/shared/hash.ts";

/** Relative path -> sha256 of every file below a folder, in path order. */
export type Tree = Record<string, string>;

/**
 * The files below `dir`, hashed; undefined when `dir` does not exist. With
 * `folders`, every folder is listed too (as `path/`: "dir"), so that a run
 * leaving an empty folder behind shows.
 */
export async function hashTree(dir: string, options: { folders?: boolean } = {}): Promise<Tree | undefined> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return undefined;
  }
  const tree: Tree = {};
  for (const e of entries) {
    const rel = relative(dir, join(e.parentPath, e.name));
    if (e.isFile()) tree[rel] = sha256(await readFile(join(e.parentPath, e.name)));
    else if (options.folders && e.isDirectory()) tree[`${rel}/`] = "dir";
  }
  return Object.fromEntries(Object.entries(tree).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A copy of a committed package, without the node_modules a workspace install may have put in it. */
export async function copyPackage(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true, filter: (src) => !src.includes("/node_modules") });
}
