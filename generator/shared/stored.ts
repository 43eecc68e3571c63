import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ROOT } from "../paths.ts";

/**
 * Results kept in `.cache/<name>.json` across runs, one entry per name, under
 * a key that hashes everything the result depends on. A file with another key
 * (an older generator, other inputs), a damaged file or none at all is a miss,
 * and the caller computes as if there were no store: a stored value can save
 * time, never change output. Writes go aside and are renamed into place, so a
 * run starting meanwhile reads the old entry or the new one, never half of one;
 * a failed write (a read-only checkout, a full disk) is ignored. A name may hold
 * a folder (`stages/<package>`).
 */
export async function readStored(name: string, key: string): Promise<unknown> {
  try {
    const stored = JSON.parse(await readFile(storedFile(name), "utf8")) as { key?: unknown; value?: unknown };
    return stored.key === key ? stored.value : undefined;
  } catch {
    return undefined;
  }
}

export async function writeStored(name: string, key: string, value: unknown): Promise<void> {
  const file = storedFile(name);
  try {
    await mkdir(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, JSON.stringify({ key, value }));
    await rename(temp, file);
  } catch {
    // The next run computes it again.
  }
}

/** Keeps the `keep` most recently written entries of a folder of them (`stages`): one per package, however many come and go. */
export async function pruneStored(folder: string, keep: number): Promise<void> {
  const dir = join(ROOT, ".cache", folder);
  try {
    const names = (await readdir(dir)).filter((name) => name.endsWith(".json"));
    if (names.length <= keep) return;
    const aged = await Promise.all(
      names.map(async (name) => ({ name, mtime: (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? 0 })),
    );
    aged.sort((a, b) => b.mtime - a.mtime);
    await Promise.all(aged.slice(keep).map(({ name }) => rm(join(dir, name), { force: true })));
  } catch {
    // Another run pruned first, or there is nothing yet.
  }
}

function storedFile(name: string): string {
  return join(ROOT, ".cache", `${name}.json`);
}
