/**
 * Versions and changelogs, cut on purpose. Regeneration never changes a package's version: it
 * states in `## Unreleased` (CHANGELOG.md) what changed since the last release, measured against
 * the baseline kept in `.apigen/released.json` (the version, the spec and the files' hashes at
 * that release). So three edits to one description give one line and an edit undone gives none.
 * `npm run release` turns Unreleased into the next version and makes the current spec the baseline:
 *
 * - the spec changed since the baseline: bumped by its most severe change (diff.ts, semver.ts);
 * - it did not, but a newer generator changed the package's files: a patch;
 * - neither: nothing to release.
 *
 * package.json, CHANGELOG.md and the baseline are the versioned files: the pipeline decides them
 * once, after every other file is hashed. package.json is emitted with VERSION_PLACEHOLDER as its
 * version, hashed so (a release does not count as a change of files), then given the version.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { changelogEntry, firstEntry, prependEntry, unreleasedSection } from "./changelog.ts";
import { diffSpecs, type Change } from "./diff.ts";
import type { Memo } from "../shared/memo.ts";
import { highestLevel, nextVersion } from "./semver.ts";

type Obj = Record<string, unknown>;

const DEFAULT_VERSION = "0.1.0";
export const RELEASED_FILE = ".apigen/released.json";
export const VERSIONED_FILES: readonly string[] = ["package.json", "CHANGELOG.md", RELEASED_FILE];
/** package.json's version while the other files are hashed; a prerelease tag no real release uses. */
export const VERSION_PLACEHOLDER = "0.0.0-apigen.version";
/** The generation manifest: written last, never part of what a release compares. */
const MANIFEST_FILE = "apigen-manifest.json";

/** The last release: what `## Unreleased` and `npm run diff` compare with. */
export interface Baseline {
  version: string;
  /** Hashes of the package's files at that release (versioned files out; package.json with the placeholder version). */
  outputs: Record<string, string>;
  /** The bundled spec released. */
  spec: Obj;
}

/** What is on disk before a render. */
export interface PackageState {
  baseline: Baseline | undefined;
  changelog: string | undefined;
  /** package.json's version, for a package without a baseline (its history is kept, never reset to 0.1.0). */
  version?: string | undefined;
}

export interface Release {
  /** API changes since the last release; empty for a new package. */
  changes: Change[];
  /** Files a newer generator changed while the API did not; usually empty. */
  regenerated: string[];
  /** The last released version (undefined for a new package). */
  previousVersion: string | undefined;
  /** The version package.json gets: the last released one, unless this render cuts a release. */
  version: string;
  /** What `npm run release` would make now; undefined when nothing is unreleased. */
  next: string | undefined;
  /** This render made a release (`npm run release`). */
  cut: boolean;
  warnings: string[];
}

/**
 * The baseline and changelog of a package folder. A package from before baselines existed is taken as released as it is.
 * `known`: a file's content when the caller knows it is on disk as it was written (a watcher's last write: write/written.ts).
 */
export async function readState(
  outDir: string,
  sha256: (text: string) => string,
  known: (name: string) => string | undefined = () => undefined,
): Promise<PackageState> {
  const read = async (name: string) =>
    known(name) ?? (await readFile(join(outDir, name), "utf8").catch(() => undefined));
  const [released, changelog] = await Promise.all([read(RELEASED_FILE), read("CHANGELOG.md")]);
  const stored = parseReleased(released);
  if (stored !== undefined && typeof stored.version === "string" && isObj(stored.spec) && isObj(stored.outputs)) {
    return { baseline: stored as unknown as Baseline, changelog };
  }
  // Before baselines, every generation was a release: the package on disk is its last one.
  const [pkg, spec, manifest] = await Promise.all([read("package.json"), read("openapi.json"), read(MANIFEST_FILE)]);
  const version = parse(pkg)?.version;
  const bundled = parse(spec);
  const outputs = parse(manifest)?.outputs;
  if (typeof version !== "string" || bundled === undefined || !isObj(outputs))
    return { baseline: undefined, changelog, version: typeof version === "string" ? version : undefined };
  const hashes = Object.fromEntries(
    Object.entries(outputs as Record<string, string>).filter(([name]) => !VERSIONED_FILES.includes(name)),
  );
  hashes["package.json"] = sha256(
    pkg!.replace(`"version": ${JSON.stringify(version)}`, `"version": ${JSON.stringify(VERSION_PLACEHOLDER)}`),
  );
  return { baseline: { version, outputs: sortKeys(hashes), spec: bundled }, changelog };
}

/**
 * The API changes since the last release: all {@link planRelease} needs besides the files' hashes, so a
 * caller may work them out first (the pipeline does, while the docs are made on another thread).
 */
export function changesSinceRelease(state: PackageState, spec: Obj, memo?: Memo): Change[] {
  return state.baseline === undefined ? [] : diffSpecs(state.baseline.spec, spec, memo);
}

/**
 * The release a render makes: `outputs` are the hashes of every unversioned file, package.json with the
 * placeholder; `changes`, {@link changesSinceRelease} of the same state and spec.
 */
export function planRelease(
  state: PackageState,
  spec: Obj,
  outputs: Record<string, string>,
  cut: boolean,
  changes: Change[] = changesSinceRelease(state, spec),
): Release {
  const base = state.baseline;
  if (base === undefined)
    return {
      changes: [],
      regenerated: [],
      previousVersion: state.version,
      version: state.version ?? DEFAULT_VERSION,
      next: undefined,
      cut: false,
      warnings: [],
    };
  const regenerated = changes.length > 0 ? [] : changedFiles(base.outputs, outputs);
  const level = changes.length > 0 ? highestLevel(changes) : regenerated.length > 0 ? "patch" : "none";
  const next = level === "none" ? undefined : nextVersion(base.version, level, state.changelog);
  const warnings: string[] = [];
  const apiVersion = (doc: Obj) => (isObj(doc.info) ? doc.info.version : undefined);
  if (level === "breaking" && apiVersion(base.spec) === apiVersion(spec)) {
    warnings.push(
      `breaking changes since ${base.version}, but the spec's info.version is still ${JSON.stringify(apiVersion(spec) ?? null)}: did the API change without a new version?`,
    );
  }
  const doCut = cut && next !== undefined;
  return {
    changes,
    regenerated,
    previousVersion: base.version,
    version: doCut ? next : base.version,
    next,
    cut: doCut,
    warnings,
  };
}

/** The versioned files for a planned release, decided once. */
export function versionedFiles(
  state: PackageState,
  release: Release,
  spec: Obj,
  outputs: Record<string, string>,
  packageJson: string,
  context: { apiVersion: string; packageName: string },
): Map<string, string> {
  const base = state.baseline;
  let changelog: string;
  if (base === undefined)
    changelog = prependEntry(
      state.changelog,
      state.changelog === undefined ? firstEntry(release.version, context.apiVersion) : undefined,
      context.packageName,
    );
  else if (release.cut)
    changelog = prependEntry(
      state.changelog,
      changelogEntry(release.version, release.changes, { apiVersion: context.apiVersion }, release.regenerated),
      context.packageName,
    );
  else if (release.next !== undefined)
    changelog = prependEntry(
      state.changelog,
      unreleasedSection(release.changes, release.regenerated, base.version, release.next),
      context.packageName,
    );
  else changelog = prependEntry(state.changelog, undefined, context.packageName);
  // A new package is released as it is first generated; a cut moves the baseline to now.
  const baseline: Baseline =
    base === undefined || release.cut ? { version: release.version, outputs: sortKeys(outputs), spec } : base;
  return new Map([
    ["package.json", withVersion(packageJson, release.version)],
    ["CHANGELOG.md", changelog],
    [RELEASED_FILE, releasedFile(baseline)],
  ]);
}

/** package.json as emitted with the placeholder version, given its real one. */
export function withVersion(packageJson: string, version: string): string {
  const placeholder = `"version": ${JSON.stringify(VERSION_PLACEHOLDER)}`;
  if (!packageJson.includes(placeholder))
    throw new Error(`internal error: package.json was not emitted with version ${VERSION_PLACEHOLDER}`);
  return packageJson.replace(placeholder, `"version": ${JSON.stringify(version)}`);
}

function changedFiles(before: Record<string, string>, after: Record<string, string>): string[] {
  return [
    ...Object.keys(after).filter((name) => before[name] !== after[name]),
    ...Object.keys(before).filter((name) => !(name in after)),
  ].sort();
}

function sortKeys(hashes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The last baseline file parsed, by its text: a watcher reads the same 13 MB (GitHub's spec) at every
 * save. Handing out the same object is safe because nothing writes into a baseline (changes/ only reads
 * documents), and it lets per-document work (paths.ts, usage.ts) be kept too.
 */
let lastReleased: { text: string; value: Obj | undefined } | undefined;

function parseReleased(text: string | undefined): Obj | undefined {
  if (text === undefined) return undefined;
  if (lastReleased?.text !== text) lastReleased = { text, value: parse(text) };
  return lastReleased.value;
}

/** The baseline file's text for each baseline object written (a watcher writes the same one at every save). */
const releasedText = new WeakMap<Baseline, string>();

function releasedFile(baseline: Baseline): string {
  let text = releasedText.get(baseline);
  if (text === undefined) {
    text =
      JSON.stringify({ version: baseline.version, outputs: baseline.outputs, spec: baseline.spec }, null, 2) + "\n";
    releasedText.set(baseline, text);
  }
  return text;
}

function parse(text: string | undefined): Obj | undefined {
  try {
    const value: unknown = text === undefined ? undefined : JSON.parse(text);
    return isObj(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
