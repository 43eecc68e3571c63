/**
 * A frozen copy of the generator for one bench run. Other people edit
 * generator/ and templates/ while the bench runs; an edit mid-run would change
 * the generator's fingerprint (every package stale: a "no-op" that regenerates)
 * and make sections measure different code. So every section runs the same
 * copy, taken once at the start: `.cache/bench/work/<name>/{generator,templates}`
 * plus a `node_modules` symlink to the root's (the fingerprint reads library
 * versions there, and imports resolve through it).
 */
import { createHash } from "node:crypto";
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, WORK } from "./proc.ts";

export interface Snapshot {
  root: string;
  /** The copy's CLI launcher, bin/apigen.mjs (what `npm run generate` runs). */
  cli: string;
  /** sha256 over the copied files' paths and contents (first 12 hex digits). */
  hash: string;
}

export async function snapshotGenerator(name = "snapshot"): Promise<Snapshot> {
  const root = join(WORK, name);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(join(ROOT, "bin"), join(root, "bin"), { recursive: true });
  await cp(join(ROOT, "generator"), join(root, "generator"), { recursive: true });
  await cp(join(ROOT, "templates"), join(root, "templates"), { recursive: true });
  await symlink(join(ROOT, "node_modules"), join(root, "node_modules"), "dir");
  await writeFile(
    join(root, "package.json"),
    JSON.stringify({ type: "module", private: true, description: "apigen bench: frozen generator copy" }) + "\n",
  );
  return { root, cli: join(root, "bin", "apigen.mjs"), hash: await hashTree(root, ["bin", "generator", "templates"]) };
}

async function hashTree(root: string, dirs: string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of dirs) {
    const files = (await readdir(join(root, dir), { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files)
      hash
        .update(file.slice(root.length))
        .update("\0")
        .update(await readFile(file))
        .update("\0");
  }
  return hash.digest("hex").slice(0, 12);
}
