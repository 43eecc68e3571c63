/**
 * emit/code.ts's dataLiteral: a value on one line when that line fits, else one entry per line. It
 * builds a one-line form only as far as the width allows (a 2 MB value used to cost its size times its
 * depth); the text must be what writing out every one-line form and measuring it gives.
 */
import { describe, expect, it } from "vitest";
import {
  OBJECT_MEMBERS,
  PRINT_WIDTH,
  alwaysBroken,
  dataLiteral,
  flatLiteral,
  literalKey,
} from "../../generator/emit/code.ts";

/**
 * The plain definition, as dataLiteral was before: every level's one-line form written out whole
 * (flatLiteral), then measured. The building blocks are code.ts's own; only the measuring differs.
 */
function plain(value: unknown, before = "", after = ""): string {
  if (value === null || typeof value !== "object") return flatLiteral(value);
  const line = flatLiteral(value);
  if (before.length + line.length + after.length <= PRINT_WIDTH && !alwaysBroken(value)) return line;
  const indent = /^ */.exec(before)![0];
  const inner = indent + "  ";
  const entries = Array.isArray(value)
    ? value.map((v) => plain(v, inner, ","))
    : Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(
          ([k, v]) =>
            `${literalKey(k)}: ` +
            (OBJECT_MEMBERS.has(k) ? flatLiteral(v, true) : plain(v, inner + `${literalKey(k)}: `, ",")),
        );
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return `${open}\n${entries.map((e) => `${inner}${e},`).join("\n")}\n${indent}${close}`;
}

/** A deterministic pseudo-random value: nested objects and arrays of every size around the width. */
function sample(seed: number, depth: number): unknown {
  let s = seed;
  const next = (n: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % n);
  const value = (d: number): unknown => {
    const pick = next(d === 0 ? 4 : 7);
    if (pick === 0) return "x".repeat(next(60));
    if (pick === 1) return next(1000);
    if (pick === 2) return next(2) === 0 ? null : undefined;
    if (pick === 3) return true;
    const n = next(6);
    if (pick === 4) return Array.from({ length: n }, () => value(d - 1));
    const names = ["a", "toString", "__proto__", "with space", "constructor", `k${"y".repeat(next(30))}`];
    return Object.fromEntries(Array.from({ length: n }, (_, i) => [names[(i + next(6)) % 6]!, value(d - 1)]));
  };
  return value(depth);
}

describe("dataLiteral", () => {
  it("lays out a value flat when its line fits, and one entry per line when not (given, want)", () => {
    expect(dataLiteral({ a: 1, b: ["x"] })).toBe('{ a: 1, b: ["x"] }');
    const long = { a: "x".repeat(100), b: [1, 2], toString: "s" };
    expect(dataLiteral(long, { before: "  const v = ", after: ";" })).toBe(
      `{\n    a: "${"x".repeat(100)}",\n    b: [1, 2],\n    toString: "s" as const,\n  }`,
    );
    expect(
      dataLiteral([
        { a: 1, b: 2 },
        { a: 3, b: 4 },
      ]),
    ).toBe("[\n  { a: 1, b: 2 },\n  { a: 3, b: 4 },\n]");
    expect(dataLiteral({ a: 1 }, { before: " ".repeat(PRINT_WIDTH - 8) })).toBe("{ a: 1 }");
    expect(dataLiteral({ a: 1 }, { before: " ".repeat(PRINT_WIDTH - 7) })).toBe(
      `{\n${" ".repeat(115)}a: 1,\n${" ".repeat(113)}}`,
    );
  });

  it("writes what measuring every level's whole one-line form writes", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const value = sample(seed, 5);
      for (const before of ["", "    x: ", " ".repeat(100)])
        expect(dataLiteral(value, { before, after: "," })).toBe(plain(value, before, ","));
    }
  });
});
