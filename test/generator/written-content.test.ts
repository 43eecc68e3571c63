/**
 * write/written.ts: a watcher reads back a file of its package (the release baseline) from what it
 * wrote last, only while the file on disk is still the one it wrote.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { WrittenPackage } from "../../generator/write/written.ts";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("WrittenPackage.content", () => {
  it("gives what was written while the file is as written, and nothing once it changed", () => {
    dir = mkdtempSync(join(tmpdir(), "written-"));
    writeFileSync(join(dir, "a.json"), "one");
    const written = new WrittenPackage();
    written.record(dir, new Map([["a.json", "one"]]), { "a.json": "h" });
    expect(written.content(dir, "a.json")).toBe("one");
    expect(written.content(dir, "b.json")).toBeUndefined();
    expect(written.content(join(dir, "x"), "a.json")).toBeUndefined();
    // Replaced by another file (a release, an editor): read from disk again.
    writeFileSync(join(dir, "new"), "two");
    renameSync(join(dir, "new"), join(dir, "a.json"));
    expect(written.content(dir, "a.json")).toBeUndefined();
    written.record(dir, new Map([["a.json", "two"]]), { "a.json": "h2" });
    expect(written.content(dir, "a.json")).toBe("two");
    rmSync(join(dir, "a.json"));
    expect(written.content(dir, "a.json")).toBeUndefined();
  });
});
