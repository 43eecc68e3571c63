/** shared/memo.ts's memoKey: the hash of its parts' joined text, whether or not they are hashed one by one. */
import { describe, expect, it } from "vitest";
import { sha256 } from "../../generator/shared/hash.ts";
import { memoKey } from "../../generator/shared/memo.ts";

describe("memoKey", () => {
  it("hashes each part as its length, a colon and its text (JSON for a non-string), joined by newlines", () => {
    expect(memoKey("a", { x: "é☃" }, undefined, "\u2028😀")).toBe(
      sha256(`1:a\n${'{"x":"é☃"}'.length}:{"x":"é☃"}\n9:undefined\n3:\u2028😀`),
    );
    expect(memoKey()).toBe(sha256(""));
    expect(memoKey("a", "b")).not.toBe(memoKey("a\n1:b"));
  });
});
