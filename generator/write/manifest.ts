import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { fileClock, seen, statNow, stillAsSeen, type Seen } from "../shared/file-stamp.ts";
import { sha256 } from "../shared/hash.ts";
import { pruneStored, readStored, writeStored } from "../shared/stored.ts";
import type { FileSet, WrittenStats } from "./write.ts";

/**
 * `apigen-manifest.json`, written into each package: what it was generated
 * from (hashes of the spec and every file it references, and of the
 * generator itself) and the hash of every file written. It lets `generate`
 * skip a package whose inputs are unchanged and whose files are untouched.
 */
export const MANIFEST_FILE = "apigen-manifest.json";

export interface Manifest {
  /** Hash of the generator's code, templates and the tool versions that shape output. */
  generator: string;
  /** Input files relative to the package folder, with their hashes. */
  inputs: Record<string, string>;
  /** Output files relative to the package folder (the manifest excluded), with their hashes. */
  outputs: Record<string, string>;
}

/** `read`: contents already read by this run, hashed as read (a save since then must leave the package stale). */
export async function hashInputs(
  outDir: string,
  files: readonly string[],
  read: ReadonlyMap<string, string | Buffer> = new Map(),
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    files.map(
      async (file) =>
        [relative(outDir, file).split("\\").join("/"), sha256(read.get(file) ?? (await readFile(file)), true)] as const,
    ),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The hash of every file (the manifest itself excluded), by path. `hash`: sha256 of a file's content,
 * by a caller that may know it already (a watcher, of what it wrote last: write/written.ts).
 */
export function hashOutputs(
  files: FileSet,
  hash: (rel: string, content: string) => string = (_, content) => sha256(content),
): Record<string, string> {
  return Object.fromEntries(
    [...files].filter(([rel]) => rel !== MANIFEST_FILE).map(([rel, content]) => [rel, hash(rel, content)]),
  );
}

export function manifestFor(
  generator: string,
  inputs: Record<string, string>,
  outputs: Record<string, string>,
): Manifest {
  return {
    generator,
    inputs,
    outputs: Object.fromEntries(Object.entries(outputs).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(join(outDir, MANIFEST_FILE), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

/**
 * True when the package on disk was generated from exactly these inputs and nobody touched it since.
 *
 * Hashing every input and output is most of a no-op run. So once they have been found (or written) as
 * the manifest says, the stat of each is kept in .cache/ (shared/file-stamp.ts), under this manifest
 * and generator: while every one of them looks the same, the package is up to date without a read.
 */
export async function isUpToDate(outDir: string, generator: string, manifest: Manifest | undefined): Promise<boolean> {
  if (!manifest || manifest.generator !== generator) return false;
  const inputs = Object.keys(manifest.inputs);
  if (inputs.length === 0) return false;
  const key = stampKey(generator, manifest);
  const stamp = await readStored(stampName(outDir), key);
  if (Array.isArray(stamp) && (await stillAsSeen(stamp as Seen[]))) return true;
  // An input that changed (the spec just saved, in a watcher or before `generate`) decides at once: no
  // need to stat every output for a stamp that will not be made.
  const changed = await hashInputs(
    outDir,
    inputs.map((rel) => resolve(outDir, rel)),
  ).then(
    (now) => JSON.stringify(now) !== JSON.stringify(manifest.inputs),
    () => true,
  );
  if (changed) return false;
  // Each stat is taken before the content it stands for is read (shared/file-stamp.ts).
  const clock = await fileClock();
  const manifestPath = join(outDir, MANIFEST_FILE);
  const expected = expectedHashes(outDir, manifest);
  const paths = [...expected.keys(), manifestPath];
  let stats: ReturnType<typeof statNow>[];
  try {
    stats = paths.map((path) => statNow(path));
    const current = await hashInputs(
      outDir,
      inputs.map((rel) => resolve(outDir, rel)),
    );
    if (JSON.stringify(current) !== JSON.stringify(manifest.inputs)) return false;
    const checks = await Promise.all(
      Object.entries(manifest.outputs).map(async ([rel, hash]) => sha256(await readFile(join(outDir, rel))) === hash),
    );
    if (!checks.every(Boolean)) return false;
    // The manifest was read before its stat: it must still be the one read.
    const manifestText = await readFile(manifestPath, "utf8");
    if (JSON.stringify(JSON.parse(manifestText)) !== JSON.stringify(manifest)) return false;
    expected.set(manifestPath, sha256(manifestText));
  } catch {
    return false;
  }
  if (clock !== undefined) {
    await saveStamp(
      outDir,
      key,
      paths.map((path, i) => seen(path, stats[i], expected.get(path)!, clock)),
    );
  }
  return true;
}

/**
 * After this run wrote the package: `written` holds the stat of each file it wrote (the manifest
 * among them), taken before anyone else could reach them, and the clock read after those stats
 * (write.ts, replaceFolder). The inputs are stat-ed and hashed again here, as isUpToDate does: a
 * spec saved while the package was being made must leave it stale.
 */
export async function stampWritten(outDir: string, manifestText: string, written: WrittenStats): Promise<void> {
  const manifest = JSON.parse(manifestText) as Manifest;
  const clock = await fileClock();
  if (clock === undefined) return;
  const entries: Seen[] = [];
  try {
    for (const [rel, hash] of Object.entries(manifest.inputs)) {
      const path = resolve(outDir, rel);
      const stat = statNow(path);
      if (sha256(await readFile(path), true) !== hash) return;
      entries.push(seen(path, stat, hash, clock));
    }
  } catch {
    return;
  }
  const outputs: [string, string][] = [...Object.entries(manifest.outputs), [MANIFEST_FILE, sha256(manifestText)]];
  for (const [rel, hash] of outputs) {
    const stat = written.stats.get(rel);
    if (stat === undefined) return;
    entries.push(seen(join(outDir, rel), stat, hash, written.clock));
  }
  await saveStamp(outDir, stampKey(manifest.generator, manifest), entries);
}

/** Every input and output by absolute path, with the hash the manifest gives it (the manifest itself: none yet). */
function expectedHashes(outDir: string, manifest: Manifest): Map<string, string> {
  const expected = new Map<string, string>();
  for (const [rel, hash] of Object.entries(manifest.inputs)) expected.set(resolve(outDir, rel), hash);
  for (const [rel, hash] of Object.entries(manifest.outputs)) expected.set(join(outDir, rel), hash);
  return expected;
}

/** Packages whose stamps are kept: as many as the stage memo keeps. */
const STAMPED_PACKAGES = 64;

async function saveStamp(outDir: string, key: string, entries: Seen[]): Promise<void> {
  await writeStored(stampName(outDir), key, entries);
  await pruneStored("fresh", STAMPED_PACKAGES);
}

function stampName(outDir: string): string {
  return `fresh/${sha256(outDir).slice(0, 32)}`;
}

function stampKey(generator: string, manifest: Manifest): string {
  return sha256(JSON.stringify([generator, manifest]));
}
