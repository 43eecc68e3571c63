/**
 * emit/layout.ts: code laid out on the line a template gives it. The template alone decides
 * what stands before and after the code; the emitter only offers layouts, flattest first.
 */
import { describe, expect, it } from "vitest";
import { PRINT_WIDTH } from "../../generator/emit/code.ts";
import { Layout, braced, objectLayouts } from "../../generator/emit/layout.ts";

const names = (n: number, width: number) => Array.from({ length: n }, (_, i) => `name${i}`.padEnd(width, "x"));

describe("Layout", () => {
  it("keeps code flat when its rendered line fits, and breaks it below the line's indent when not", () => {
    const layout = new Layout();
    const short = layout.choose(...braced(["a", "b"]));
    const long = layout.choose(...braced(names(6, 20)));
    const text = layout.fit(`import ${short} from "x";\n    const o = ${long};\n`);
    expect(text.split("\n")[0]).toBe('import { a, b } from "x";');
    expect(text.split("\n").slice(1, 4)).toEqual([
      "    const o = {",
      `      ${names(6, 20)[0]},`,
      `      ${names(6, 20)[1]},`,
    ]);
    expect(text.split("\n").every((line) => line.length <= PRINT_WIDTH)).toBe(true);
  });

  it("measures the whole rendered line: the same code breaks after a longer prefix", () => {
    const items = names(4, 25);
    const flat = `{ ${items.join(", ")} }`;
    const fits = new Layout();
    expect(fits.fit(`x = ${fits.choose(...braced(items))};`)).toBe(`x = ${flat};`);
    const prefix = "y".repeat(PRINT_WIDTH - flat.length);
    const breaks = new Layout();
    expect(breaks.fit(`${prefix}${breaks.choose(...braced(items))};`)).not.toContain(flat);
  });

  it("counts later markers on the same line at their flattest", () => {
    const layout = new Layout();
    const first = layout.choose(...braced(names(2, 30)));
    const second = layout.choose(...braced(names(2, 30)));
    const text = layout.fit(`f(${first}, ${second});`);
    // Both flat would pass the width: the first breaks, after which the second fits on the last line.
    expect(text.split("\n")[0]).toBe("f({");
    expect(text.split("\n").at(-1)).toBe(`}, { ${names(2, 30).join(", ")} });`);
  });

  it("leaves spec text that looks like a marker alone", () => {
    const layout = new Layout();
    const marker = layout.choose("code");
    const lookalike = "\u00000\u0000 and \u0000deadbeef:0\u0000";
    expect(layout.fit(`${lookalike} ${marker}`)).toBe(`${lookalike} code`);
  });
});

describe("objectLayouts", () => {
  it("breaks the outer object first and lays each nested one out on its own entry's line", () => {
    const user = `process.env.${"A".repeat(50)}_USER ?? ""`;
    const layout = new Layout();
    const auth = layout.choose(
      ...objectLayouts([
        [
          "basic",
          [
            ["username", user],
            ["password", '""'],
          ],
        ],
      ]),
    );
    expect(layout.fit(`  auth: ${auth},`)).toBe(`  auth: {\n    basic: { username: ${user}, password: "" },\n  },`);
  });
});
