/**
 * `generate --jobs N` (providers on worker threads) and `--shard i/n` (a CI
 * job's share of the providers), through the bundled CLI as users run it.
 */
import { cp, mkdtemp, mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, apigen } from "../support/run.ts";
import { hashTree } from "../support/tree.ts";

const REAL_WORLD = join(ROOT, "test", "fixtures", "real-world");
/** Small real-world specs (1 to 11 kB each): enough providers for two threads, quick to generate. */
const SMALL = ["calorieninjas.com", "ibanapi.com", "amazonaws.com__mobileanalytics", "webscraping.ai"];

let work: string;
/** `generate --jobs 1 --json` over specs/ into seq/: the sequential run every test compares with, made once and only read. */
let sequential: { stdout: string; tree: Awaited<ReturnType<typeof hashTree>> };
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "apigen-jobs-"));
  await mkdir(join(work, "specs"));
  for (const name of SMALL) await cp(join(REAL_WORLD, `${name}.json`), join(work, "specs", `${name}.json`));
  const one = await apigen([
    "generate",
    "--specs",
    join(work, "specs"),
    "--generated",
    join(work, "seq"),
    "--jobs",
    "1",
    "--json",
  ]);
  expect(one.code, one.stderr).toBe(0);
  sequential = { stdout: one.stdout, tree: await hashTree(join(work, "seq")) };
}, 300_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface JsonReport {
  results: { provider: string; status: string; error?: string }[];
}
const parse = (stdout: string) => JSON.parse(stdout) as JsonReport;

describe("generate --jobs", () => {
  it("writes byte for byte what a sequential run writes, and reports providers in the same order", async () => {
    const two = await apigen([
      "generate",
      "--specs",
      join(work, "specs"),
      "--generated",
      join(work, "par"),
      "--jobs",
      "2",
      "--json",
    ]);
    expect(two.code, two.stderr).toBe(0);
    const [a, b] = [sequential.tree, await hashTree(join(work, "par"))];
    expect(
      Object.keys(a!)
        .filter((f) => f.endsWith("/package.json"))
        .sort(),
    ).toEqual(SMALL.map((p) => `${p}/package.json`).sort());
    expect(b).toEqual(a);
    const order = (r: JsonReport) => r.results.map((x) => `${x.provider} ${x.status}`);
    expect(order(parse(two.stdout))).toEqual(order(parse(sequential.stdout)));
    expect(order(parse(two.stdout))).toEqual([...SMALL].sort().map((p) => `${p} generated`));
  });

  it("reports a broken spec found on a worker as a sequential run does, and still writes the others", async () => {
    // Its own specs/ and generated/ side by side, as seq/ is to specs/: the packages' manifests name the spec by relative path.
    const own = await mkdtemp(join(work, "with-bad-"));
    const specs = join(own, "specs");
    await cp(join(work, "specs"), specs, { recursive: true });
    await cp(join(ROOT, "test", "fixtures", "bad-specs", "dangling-ref.yaml"), join(specs, "broken.yaml"));
    // The sequential run's report of the broken spec: the same run limited to that provider (the good ones are seq/).
    const one = await apigen(["generate", "broken", "--specs", specs, "--generated", join(own, "one"), "--jobs", "1"]);
    const two = await apigen(["generate", "--specs", specs, "--generated", join(own, "generated"), "--jobs", "2"]);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stderr).toMatch(/broken\.yaml:\d+:\d+: /);
    // The other providers' warn-level findings are printed too (the broken-only run has none of them): errors compared.
    const errors = (stderr: string, out: string) =>
      stderr
        .replaceAll(out, "")
        .split("\n")
        .filter((line) => !/: warning: /.test(line))
        .join("\n");
    expect(errors(two.stderr, join(own, "generated"))).toBe(errors(one.stderr, join(own, "one")));
    expect(await hashTree(join(own, "generated"))).toEqual(sequential.tree);
  });
});

describe("--shard i/n", () => {
  // Packages of their own, a copy of the sequential run's: the shard runs find them up to date, so they are quick.
  beforeAll(async () => {
    await cp(join(work, "seq"), join(work, "sharded"), { recursive: true });
  });

  /** The providers a shard's run covered. */
  const shardOf = async (shard: string, specs = join(work, "specs"), command = "generate") => {
    const result = await apigen([
      command,
      "--specs",
      specs,
      "--generated",
      join(work, "sharded"),
      "--shard",
      shard,
      "--json",
    ]);
    return parse(result.stdout).results.map((r) => r.provider);
  };

  it("splits the providers into disjoint shards that cover them all, each provider's shard set by its name alone", async () => {
    const shards = [await shardOf("1/3"), await shardOf("2/3"), await shardOf("3/3")];
    expect(shards.flat().sort()).toEqual([...SMALL].sort());
    // Another provider joining moves nobody else (a spec that fails to load: only its listing matters here).
    const more = join(work, "more-specs");
    await cp(join(work, "specs"), more, { recursive: true });
    await cp(join(ROOT, "test", "fixtures", "bad-specs", "empty.yaml"), join(more, "newcomer.yaml"));
    const after = [await shardOf("1/3", more), await shardOf("2/3", more), await shardOf("3/3", more)];
    expect(after.flat().sort()).toEqual([...SMALL, "newcomer"].sort());
    expect(after.map((s) => s.filter((p) => p !== "newcomer"))).toEqual(shards);
  });

  it("check --shard checks only that shard's providers", async () => {
    const halves = [];
    for (const shard of ["1/2", "2/2"]) {
      const result = await apigen([
        "check",
        "--specs",
        join(work, "specs"),
        "--generated",
        join(work, "sharded"),
        "--shard",
        shard,
        "--json",
        "--jobs",
        "2",
      ]);
      expect(result.code, result.stderr).toBe(0);
      halves.push(...parse(result.stdout).results.map((r) => `${r.provider} ${r.status}`));
    }
    expect(halves.sort()).toEqual([...SMALL].sort().map((p) => `${p} ok`));
  });

  it("APIGEN_JOBS is the default for --jobs, held to the same rule and named when wrong", async () => {
    const generated = join(work, "usage-env");
    const result = await apigen(["generate", "--specs", join(work, "specs"), "--generated", generated], {
      env: { APIGEN_JOBS: "two" },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/APIGEN_JOBS wants a whole number of at least 1, got "two"/);
    expect(await hashTree(generated)).toBeUndefined();
  });

  it.each([
    [["--shard", "0/2"], /--shard wants i\/n/],
    [["--shard", "3/2"], /--shard wants i\/n/],
    [["--shard", "half"], /--shard wants i\/n/],
    [["--jobs", "0"], /--jobs wants a whole number/],
    [["--jobs", "two"], /--jobs wants a whole number/],
    [["--shard", "1/2", "--spec", "x.yaml", "--out", "x"], /--shard splits the providers of specs\//],
  ])("%j is a usage error: exit 2 and nothing written", async (args, message) => {
    const generated = join(work, "usage");
    const result = await apigen(["generate", "--specs", join(work, "specs"), "--generated", generated, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await hashTree(generated)).toBeUndefined();
  });
});
