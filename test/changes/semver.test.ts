import { describe, expect, it } from "vitest";
import { bump, highestLevel, nextVersion, type BumpLevel } from "../../generator/changes/semver.ts";

describe("bump", () => {
  it.each<[string, BumpLevel, string]>([
    // 1.x and later: standard semver.
    ["1.2.3", "breaking", "2.0.0"],
    ["1.2.3", "minor", "1.3.0"],
    ["1.2.3", "patch", "1.2.4"],
    ["1.2.3", "none", "1.2.3"],
    ["10.0.9", "patch", "10.0.10"],
    // 0.y.z: ^0.4.1 takes any 0.4.x, so breaking bumps y; features and fixes bump z so caret users get them.
    ["0.4.1", "breaking", "0.5.0"],
    ["0.4.1", "minor", "0.4.2"],
    ["0.4.1", "patch", "0.4.2"],
    ["0.4.1", "none", "0.4.1"],
    // 0.0.z: ^0.0.3 takes only 0.0.3; breaking moves to the 0.1 line, the rest bump z.
    ["0.0.3", "breaking", "0.1.0"],
    ["0.0.3", "minor", "0.0.4"],
    ["0.0.3", "patch", "0.0.4"],
    // A prerelease is released by the bump that reaches it (as `npm version` does), build metadata is dropped.
    ["2.0.0-rc.1", "breaking", "2.0.0"],
    ["2.0.0-rc.1", "minor", "2.0.0"],
    ["2.1.0-beta", "breaking", "3.0.0"],
    ["2.1.0-beta", "minor", "2.1.0"],
    ["2.1.1-beta", "minor", "2.2.0"],
    ["2.1.1-beta", "patch", "2.1.1"],
    ["0.5.0-rc.1", "breaking", "0.5.0"],
    ["1.2.3+build.7", "patch", "1.2.4"],
  ])("%s + %s = %s", (version, level, expected) => {
    expect(bump(version, level)).toBe(expected);
  });

  it.each(["1.2", "v1.2.3", "1.2.3.4", "", "01.x.3"])("rejects %j", (version) => {
    expect(() => bump(version, "patch")).toThrow(/not a semantic version/);
  });

  it("always moves forward", () => {
    for (const version of ["0.0.1", "0.3.9", "1.0.0", "4.5.6"]) {
      for (const level of ["breaking", "minor", "patch"] as const) {
        const next = bump(version, level).split(".").map(Number);
        const prev = version.split(".").map(Number);
        const cmp = next[0]! - prev[0]! || next[1]! - prev[1]! || next[2]! - prev[2]!;
        expect(cmp).toBeGreaterThan(0);
      }
    }
  });
});

describe("highestLevel", () => {
  it.each<[BumpLevel[], BumpLevel]>([
    [[], "none"],
    [["patch"], "patch"],
    [["patch", "minor", "patch"], "minor"],
    [["minor", "breaking", "patch"], "breaking"],
  ])("%j -> %s", (levels, expected) => {
    expect(highestLevel(levels.map((level) => ({ level: level as "breaking" | "minor" | "patch" })))).toBe(expected);
  });
});

describe("nextVersion: never a version the changelog already lists", () => {
  const changelog = (...versions: string[]) =>
    ["# Changelog", "", "## Unreleased", "", ...versions.flatMap((v) => [`## ${v}`, "", "Something."])].join("\n");
  it.each<[string, "breaking" | "minor" | "patch", string | undefined, string]>([
    ["0.1.1", "patch", undefined, "0.1.2"],
    ["0.1.1", "patch", changelog("0.1.1", "0.1.0"), "0.1.2"],
    // package.json moved back to 0.1.1 after 0.1.2 and 0.1.3 were released: the next is past them.
    ["0.1.1", "patch", changelog("0.1.3", "0.1.2", "0.1.1"), "0.1.4"],
    ["0.1.1", "breaking", changelog("0.1.3", "0.1.2", "0.1.1"), "0.2.0"],
    ["0.1.1", "patch", changelog("0.1.2"), "0.1.3"],
    ["1.2.3", "minor", changelog("2.0.0", "1.2.3"), "2.1.0"],
    // Headings that are not versions are not read as ones.
    ["0.1.1", "patch", changelog("v9.9.9", "next", "0.1.1"), "0.1.2"],
  ])("%s + %s over %j = %s", (version, level, log, expected) => {
    expect(nextVersion(version, level, log)).toBe(expected);
  });
});
