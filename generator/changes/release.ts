/**
 * The version and changelog of a package being regenerated, from what is on
 * disk (the previous package.json, openapi.json, CHANGELOG.md and manifest):
 *
 * - the spec changed: bumped by its most severe change for client users (diff.ts, semver.ts);
 * - the spec did not, but a newer generator changed what the package holds
 *   (code, docs): a patch release, so the new files can be published;
 * - neither: the version and changelog stay as they are, byte for byte.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readManifest } from "../write/manifest.ts";
import { changelogEntry, firstEntry, prependEntry, regeneratedEntry } from "./changelog.ts";
import { diffSpecs, type Change } from "./diff.ts";
import { bump, highestLevel } from "./semver.ts";

const DEFAULT_VERSION = "0.1.0";

export interface Release {
  /** API changes since the previous spec; empty on a first generation. */
  changes: Change[];
  /** Files a newer generator changed while the API did not (then a patch release); usually empty. */
  regenerated: string[];
  previousVersion: string | undefined;
  version: string;
}

export interface Previous {
  version: string | undefined;
  spec: Record<string, unknown> | undefined;
  changelog: string | undefined;
  /** Output hashes from the previous manifest: what the generator wrote last time. */
  outputs: Record<string, string> | undefined;
}

/** What the package on disk was generated from. */
export async function readPrevious(outDir: string): Promise<Previous> {
  const read = (name: string) => readFile(join(outDir, name), "utf8").catch(() => undefined);
  const [pkg, spec, changelog, manifest] = await Promise.all([read("package.json"), read("openapi.json"), read("CHANGELOG.md"), readManifest(outDir)]);
  const parse = (text: string | undefined) => {
    try {
      return text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      return undefined;
    }
  };
  const version = parse(pkg)?.version;
  return { version: typeof version === "string" ? version : undefined, spec: parse(spec), changelog, outputs: manifest?.outputs };
}

/** The release the spec calls for: the previous version bumped by the most severe API change. */
export function planRelease(previous: Previous, spec: Record<string, unknown>): Release {
  if (previous.version === undefined || previous.spec === undefined) {
    return { changes: [], regenerated: [], previousVersion: previous.version, version: previous.version ?? DEFAULT_VERSION };
  }
  const changes = diffSpecs(previous.spec, spec);
  return { changes, regenerated: [], previousVersion: previous.version, version: bump(previous.version, highestLevel(changes)) };
}

/**
 * The release once the files are known: when the API did not change but the
 * files did (a newer generator), a patch release listing them. `outputs` are
 * the hashes of the package's files with the planned version, CHANGELOG.md
 * and the manifest not yet in.
 */
export function settleRelease(previous: Previous, planned: Release, outputs: Record<string, string>): Release {
  if (planned.changes.length > 0 || previous.version === undefined || previous.outputs === undefined) return planned;
  const before = previous.outputs;
  const regenerated = [
    ...Object.keys(outputs).filter((name) => before[name] !== outputs[name]),
    ...Object.keys(before).filter((name) => name !== "CHANGELOG.md" && !(name in outputs)),
  ].sort();
  if (regenerated.length === 0) return planned;
  return { ...planned, regenerated, version: bump(previous.version, "patch") };
}

/** package.json with the settled version (the rest of it as emitted). */
export function withVersion(packageJson: string, version: string): string {
  return JSON.stringify({ ...(JSON.parse(packageJson) as object), version }, null, 2) + "\n";
}

/** CHANGELOG.md: a new entry on top when the API or the generated files changed; as it was otherwise. */
export function changelogFor(previous: Previous, release: Release, context: { apiVersion: string; packageName: string }): string {
  const entry =
    release.changes.length > 0
      ? changelogEntry(release.version, release.changes, { apiVersion: context.apiVersion })
      : release.regenerated.length > 0
        ? regeneratedEntry(release.version, release.regenerated)
        : previous.changelog === undefined
          ? firstEntry(release.version, context.apiVersion)
          : undefined;
  return entry === undefined ? previous.changelog! : prependEntry(previous.changelog, entry, context.packageName);
}
