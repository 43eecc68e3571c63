/**
 * Version bumps. 1.0.0 and later: standard semver. Below 1.0.0 we follow what npm's caret
 * ranges already assume, since that is what installs a release without the user asking:
 * `^0.4.1` takes any 0.4.x, so in 0.y.z a breaking change must bump y (0.5.0), and features
 * and fixes bump z (0.4.2) so that caret users still get them. `^0.0.3` takes only 0.0.3, so
 * in 0.0.z features and fixes bump z and a breaking change moves to 0.1.0 (the first "minor"
 * line, where caret ranges start protecting users again).
 */
import type { Change, Level } from "./types.ts";

export type BumpLevel = Level | "none";

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function bump(version: string, level: BumpLevel): string {
  const match = VERSION.exec(version.trim());
  if (match === null) throw new Error(`bump: ${JSON.stringify(version)} is not a semantic version (x.y.z)`);
  if (level === "none") return version;
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const pre = match[4] !== undefined;
  // In 0.x, each level moves one place right (see above).
  const place: "major" | "minor" | "patch" = major > 0 ? (level === "breaking" ? "major" : level === "minor" ? "minor" : "patch") : level === "breaking" ? "minor" : "patch";
  // A prerelease is released by the bump that reaches it, as `npm version` does: 2.0.0-rc.1 + breaking = 2.0.0.
  switch (place) {
    case "major":
      return pre && minor === 0 && patch === 0 ? `${major}.0.0` : `${major + 1}.0.0`;
    case "minor":
      return pre && patch === 0 ? `${major}.${minor}.0` : `${major}.${minor + 1}.0`;
    case "patch":
      return pre ? `${major}.${minor}.${patch}` : `${major}.${minor}.${patch + 1}`;
  }
}

/** The level that decides the bump: the highest of the changes, or "none" when there are none. */
export function highestLevel(changes: readonly Pick<Change, "level">[]): BumpLevel {
  if (changes.some((c) => c.level === "breaking")) return "breaking";
  if (changes.some((c) => c.level === "minor")) return "minor";
  return changes.length > 0 ? "patch" : "none";
}
