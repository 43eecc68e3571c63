/**
 * The runtime's dist/ files are kept on disk between runs (emit/dist.ts,
 * `.cache/dist-runtime.json`). Whatever that file holds, a package's dist/ is
 * the same bytes as one computed without it: one row per state a user's
 * checkout can be in.
 */
import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitRuntime } from "../../generator/emit/client.ts";
import { emitDist } from "../../generator/emit/dist.ts";
import { ROOT } from "../../generator/paths.ts";

const STORE = join(ROOT, ".cache", "dist-runtime.json");

async function sources() {
  // A runtime source no other run has: the in-process memo cannot answer for it, so the store or the compiler must.
  const runtime = await emitRuntime();
  runtime.set("runtime/probe.ts", `export const probe: string = ${JSON.stringify(randomUUID())};\n`);
  return new Map([...runtime, ["index.ts", 'export { probe } from "./runtime/probe.ts";\n']]);
}

const ROWS: { what: string; before: (fingerprint: string) => Promise<void> }[] = [
  { what: "no stored file", before: () => rm(STORE, { force: true }) },
  { what: "a file that is not JSON", before: () => writeFile(STORE, "{ half") },
  {
    what: "an entry of another generator",
    before: () => writeFile(STORE, JSON.stringify({ key: "another", built: [["x", { js: "", dts: "" }]] })),
  },
  {
    what: "the entry a previous run of this generator saved",
    before: async (fingerprint) => void (await emitDist(await sources(), new Map(), fingerprint)),
  },
];

describe("emitDist with the runtime kept on disk", () => {
  it.each(ROWS)("$what: the same dist/ as computed without it", async (row) => {
    const fingerprint = randomUUID();
    await mkdir(join(ROOT, ".cache"), { recursive: true });
    await row.before(fingerprint);
    const input = await sources();
    const expected = await emitDist(input, new Map());
    expect(await emitDist(input, new Map(), fingerprint)).toEqual(expected);
    expect(expected.get("dist/runtime/probe.d.ts")).toContain("export declare const probe: string;");
  });
});
