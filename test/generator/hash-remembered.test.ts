/**
 * shared/hash.ts remembers a big file's hash with its bytes (and the text decoded from them): a hit must
 * be the hash of exactly that content, whatever was hashed in between and whatever became of the buffer.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sameContent, sha256 } from "../../generator/shared/hash.ts";

const plain = (content: string | Buffer) => createHash("sha256").update(content).digest("hex");
const big = (fill: string) => `{"a": "${fill.repeat(1 << 20)}"}`;

describe("sha256 of big contents", () => {
  it("gives each content's own hash, remembered or not", () => {
    const one = Buffer.from(big("x"));
    const two = Buffer.from(big("y"));
    expect(sha256(one, true)).toBe(plain(one));
    expect(sha256(two, true)).toBe(plain(two));
    // The same bytes in another buffer: remembered.
    expect(sha256(Buffer.from(one), true)).toBe(plain(one));
    // A buffer written into after it was hashed: its new content's hash.
    one[8] = 0x7a;
    expect(sha256(one, true)).toBe(plain(one));
    // Same length, one byte different.
    const three = Buffer.from(two);
    three[three.length - 3] = 0x7a;
    expect(sha256(three, true)).toBe(plain(three));
  });

  it("serves a text decoded from remembered bytes, and only that text", () => {
    const text = big("é");
    const bytes = Buffer.from(text);
    expect(sha256(bytes, true)).toBe(plain(bytes));
    sameContent(bytes, text);
    expect(sha256(text)).toBe(plain(bytes));
    const other = big("è");
    sameContent(Buffer.from(big("ê")), other);
    expect(sha256(other)).toBe(plain(other));
  });
});
