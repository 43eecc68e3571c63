/**
 * Version bumps, computed by the `semver` package (npm's own). 1.0.0 and later: standard semver.
 * Below 1.0.0 we follow what npm's caret ranges already assume, since that is what installs a
 * release without the user asking: `^0.4.1` takes any 0.4.x, so in 0.y.z a breaking change must
 * bump y (0.5.0), and features and fixes bump z (0.4.2) so that caret users still get them.
 * `^0.0.3` takes only 0.0.3, so in 0.0.z features and fixes bump z and a breaking change moves to
 * 0.1.0 (the first "minor" line, where caret ranges start protecting users again). A prerelease
 * is released by the bump that reaches it, as `npm version` does: 2.0.0-rc.1 + breaking = 2.0.0.
 */
import type { ReleaseType } from "semver";
import { loadSemverGt, loadSemverInc, loadSemverValid } from "../shared/libraries.ts";
import type { Change, Level } from "./types.ts";

// The two functions, not the package's index: that loads all of semver (40 modules) in every run that
// regenerates a package. By require (shared/libraries.ts).
const inc = loadSemverInc();
const valid = loadSemverValid();
const gt = loadSemverGt();

export type BumpLevel = Level | "none";

export function bump(version: string, level: BumpLevel): string {
  const trimmed = version.trim();
  // semver.valid accepts a leading "v" or "="; a package.json version never has one.
  if (valid(trimmed) === null || /^[v=]/i.test(trimmed))
    throw new Error(`bump: ${JSON.stringify(version)} is not a semantic version (x.y.z)`);
  if (level === "none") return version;
  const major = Number(trimmed.split(".", 1)[0]);
  // In 0.x, each level moves one place right (see above).
  const place: ReleaseType =
    major > 0
      ? level === "breaking"
        ? "major"
        : level === "minor"
          ? "minor"
          : "patch"
      : level === "breaking"
        ? "minor"
        : "patch";
  return inc(trimmed, place)!;
}

/** The level that decides the bump: the highest of the changes, or "none" when there are none. */
export function highestLevel(changes: readonly Pick<Change, "level">[]): BumpLevel {
  if (changes.some((c) => c.level === "breaking")) return "breaking";
  if (changes.some((c) => c.level === "minor")) return "minor";
  return changes.length > 0 ? "patch" : "none";
}

/**
 * The version a release of `level` after `version` gets: its {@link bump}, or, when the changelog already
 * lists that version or a later one (a package.json or baseline moved back by hand or by a merge), the
 * same bump from the highest version listed. A version once published can never be published again.
 */
export function nextVersion(version: string, level: Exclude<BumpLevel, "none">, changelog: string | undefined): string {
  const next = bump(version, level);
  const listed = (changelog ?? "")
    .split("\n")
    .map((line) => /^## (\S+)\s*$/.exec(line)?.[1])
    .filter((v): v is string => v !== undefined && valid(v) !== null && !/^[v=]/i.test(v));
  const highest = listed.reduce((a, b) => (gt(b, a) ? b : a), next);
  return highest === next && !listed.includes(next) ? next : bump(highest, level);
}
