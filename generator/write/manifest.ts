import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { sha256 } from "../shared/hash.ts";
import type { FileSet } from "./write.ts";

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
  read: ReadonlyMap<string, string> = new Map(),
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    files.map(
      async (file) =>
        [relative(outDir, file).split("\\").join("/"), sha256(read.get(file) ?? (await readFile(file)))] as const,
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

/** True when the package on disk was generated from exactly these inputs and nobody touched it since. */
export async function isUpToDate(outDir: string, generator: string, manifest: Manifest | undefined): Promise<boolean> {
  if (!manifest || manifest.generator !== generator) return false;
  const inputs = Object.keys(manifest.inputs);
  if (inputs.length === 0) return false;
  try {
    const current = await hashInputs(
      outDir,
      inputs.map((rel) => resolve(outDir, rel)),
    );
    if (JSON.stringify(current) !== JSON.stringify(manifest.inputs)) return false;
    const checks = await Promise.all(
      Object.entries(manifest.outputs).map(async ([rel, hash]) => sha256(await readFile(join(outDir, rel))) === hash),
    );
    return checks.every(Boolean);
  } catch {
    return false;
  }
}
