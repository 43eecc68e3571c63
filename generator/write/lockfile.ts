import { readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { jsonFile } from "../shared/json.ts";

/**
 * Keeps a workspace's package-lock.json in step with a generated package's
 * version. npm records each workspace member's version there, so after a
 * bump `npm install` would rewrite the lock, a diff nobody asked for. Only an
 * existing entry for the package's folder, in the nearest lock above it, is
 * touched; without one nothing happens. Returns the lock's path when it changed.
 */
export async function syncLockfileVersion(outDir: string, version: string): Promise<string | undefined> {
  for (let dir = dirname(outDir); ; dir = dirname(dir)) {
    const file = join(dir, "package-lock.json");
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text !== undefined) return updateEntry(file, text, relative(dir, outDir).split(sep).join("/"), version);
    if (dirname(dir) === dir) return undefined;
  }
}

async function updateEntry(file: string, text: string, key: string, version: string): Promise<string | undefined> {
  let lock: { packages?: Record<string, { version?: string }> };
  try {
    lock = JSON.parse(text) as typeof lock;
  } catch {
    return undefined; // a lock npm cannot read either: not ours to fix
  }
  const entry = lock.packages?.[key];
  if (entry === undefined || entry.version === version) return undefined;
  entry.version = version;
  // npm's own layout: two spaces, a final newline. Written aside, then renamed over: never half a lock.
  const temp = `${file}.apigen-${process.pid}`;
  await writeFile(temp, jsonFile(lock));
  await rename(temp, file);
  return file;
}
