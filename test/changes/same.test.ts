/** changes/json.ts's same(): equal exactly when the two values' stable texts are, without writing them. */
import { describe, expect, it } from "vitest";
import { same } from "../../generator/changes/json.ts";
import { stable } from "../../generator/shared/json.ts";

/** Deterministic pseudo-random JSON-like values, small enough that pairs are often equal. */
function values(seed: number): unknown[] {
  let s = seed;
  const next = (n: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % n);
  const value = (d: number): unknown => {
    const pick = next(d === 0 ? 7 : 9);
    const scalars = ["a", "1", 1, 0, -0, NaN, null, true, undefined];
    if (pick < 7) return scalars[next(scalars.length)];
    const n = next(3);
    if (pick === 7) return Array.from({ length: n }, () => value(d - 1));
    const keys = ["a", "b", "__proto__"];
    return Object.fromEntries(Array.from({ length: n }, () => [keys[next(3)]!, value(d - 1)]));
  };
  return Array.from({ length: 12 }, () => value(3));
}

describe("same", () => {
  it("compares values as their stable texts do (given, want)", () => {
    expect(same({ a: 1, b: [1, "x"] }, { b: [1, "x"], a: 1 })).toBe(true);
    expect(same({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(same([1, 2], [2, 1])).toBe(false);
    expect(same(NaN, null)).toBe(true);
    expect(same("1", 1)).toBe(false);
    expect(same([], {})).toBe(false);
  });

  it("agrees with comparing stable texts on every pair of many values", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const pool = values(seed);
      for (const a of pool) for (const b of pool) expect(same(a, b)).toBe(stable(a) === stable(b));
    }
  });
});
