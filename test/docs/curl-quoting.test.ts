/**
 * The shell words of the curl commands on the docs pages: bash must hand curl
 * exactly the bytes the spec gave, whatever they are, and the page must hold
 * no raw control character (a raw CR ends a markdown line and opens a code
 * fence nobody closes).
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shellWord } from "../../generator/emit/docs/curl.ts";

/** What bash passes as the single argument `word`, as UTF-8 text. */
function asBashSees(word: string): string {
  return execFileSync("bash", ["--norc", "--noprofile", "-c", `printf '%s' ${word}`], { encoding: "utf8" });
}

const LITERALS = ["plain", "", "it's", "a\rb", "x`/\r\u0001y", "tab\tand\nnewline", "\u007f'\r'", '$HOME \\ "q"'];

describe("shellWord", () => {
  it.each(LITERALS)("passes %j to curl byte for byte, without a raw control character on the page", (literal) => {
    const word = shellWord([{ literal }]);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(word).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(asBashSees(word)).toBe(literal);
  });

  it("keeps an environment variable expanded next to such a literal", () => {
    const word = shellWord([{ literal: "k\r: " }, { env: "APIGEN_TEST_TOKEN" }]);
    expect(
      execFileSync("bash", ["--norc", "--noprofile", "-c", `printf '%s' ${word}`], {
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", APIGEN_TEST_TOKEN: "s3" },
      }),
    ).toBe("k\r: s3");
  });
});
