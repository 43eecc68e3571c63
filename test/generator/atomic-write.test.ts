import { spawn, type ChildProcess } from "node:child_process";
import { watch } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recoverInterrupted, replaceFolder } from "../../generator/write/write.ts";
import { CLI, ROOT } from "../support/run.ts";
import { copyPackage, hashTree, type Tree } from "../support/tree.ts";

/**
 * A generator killed mid-write never leaves a half-written package: the real
 * CLI regenerates generated/latitudesh (a complete older package, with a
 * node_modules folder of the user's in it) from an edited spec and is killed
 * with SIGKILL at random points, most of them inside the write window (found
 * by watching for the temp folder). Right after each kill the package folder
 * is byte-for-byte the old package or the new one (compared with a reference
 * run), or, when the kill fell between the two renames, absent with the old
 * package whole beside it. Recovery then leaves exactly the old or the new
 * package and no temp folders, and the next `generate` completes the new one.
 */
const KILLS_IN_WRITE_WINDOW = 8;
const KILLS_ANYWHERE = 3;
const SEED = Number(process.env.APIGEN_KILL_SEED ?? Date.now() % 1_000_000);

/** mulberry32: reproducible delays (the seed is printed on failure). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const withoutKept = (tree: Tree): Tree =>
  Object.fromEntries(Object.entries(tree).filter(([rel]) => !rel.startsWith("node_modules/")));

/** The latitudesh spec with one summary edited: a regeneration rewrites docs, openapi.json, changelog, version. */
async function editedSpec(): Promise<string> {
  const spec = await readFile(join(ROOT, "specs", "latitudesh.yaml"), "utf8");
  const edited = spec.replace("summary: List VPN sessions", "summary: List the VPN sessions of the team");
  expect(edited).not.toBe(spec);
  return edited;
}

let work: string;
let spec: string;
let OLD: Tree;
let NEW: Tree;
/** How long the temp folder lived in the reference run: the write window. */
let writeWindowMs = 0;
let referenceMs = 0;

/** A folder holding specs/latitudesh.yaml (edited) and generated/latitudesh (the committed package plus node_modules). */
async function makeCase(name: string): Promise<{ generated: string; pkg: string; specs: string }> {
  const root = join(work, name);
  const specs = join(root, "specs");
  const generated = join(root, "generated");
  const pkg = join(generated, "latitudesh");
  await mkdir(specs, { recursive: true });
  await writeFile(join(specs, "latitudesh.yaml"), spec);
  await copyPackage(join(ROOT, "generated", "latitudesh"), pkg);
  await mkdir(join(pkg, "node_modules", "some-dep"), { recursive: true });
  await writeFile(join(pkg, "node_modules", "some-dep", "index.js"), "// the user's, never touched\n");
  return { generated, pkg, specs };
}

function startGenerate(c: { generated: string; specs: string }): ChildProcess {
  return spawn(
    process.execPath,
    [CLI, "generate", "latitudesh", "--specs", c.specs, "--generated", c.generated, "--quiet"],
    { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
  );
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stderr })));
}

async function generateToEnd(c: { generated: string; specs: string }): Promise<void> {
  const result = await exited(startGenerate(c));
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
}

async function leftovers(generated: string): Promise<string[]> {
  return (await readdir(generated)).filter((n) => n.startsWith(".apigen-"));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "apigen-kill-"));
  spec = await editedSpec();
  const ref = await makeCase("reference");
  OLD = (await hashTree(ref.pkg))!;
  // The reference run, timing the temp folder's life.
  let created = 0;
  const watcher = watch(ref.generated, (_event, name) => {
    if (!name?.startsWith(".apigen-tmp-")) return;
    if (created === 0) created = performance.now();
    else writeWindowMs = Math.max(writeWindowMs, performance.now() - created);
  });
  const started = performance.now();
  await generateToEnd(ref);
  referenceMs = performance.now() - started;
  watcher.close();
  NEW = (await hashTree(ref.pkg))!;
  expect(NEW).not.toEqual(OLD);
  expect(NEW["node_modules/some-dep/index.js"]).toBe(OLD["node_modules/some-dep/index.js"]);
  expect(await leftovers(ref.generated)).toEqual([]);
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

type Outcome = "old" | "old, node_modules in the temp folder" | "new" | "between renames";

/**
 * After a kill: the old package, the new one, or (between the renames) no
 * package and the old one whole beside it. Just before the renames the
 * user's node_modules has moved into the complete temp folder, so the old
 * package can also be there without it (recovery moves it back).
 */
async function stateAfterKill(c: { generated: string; pkg: string }): Promise<Outcome> {
  const tree = await hashTree(c.pkg);
  if (tree) {
    if (JSON.stringify(tree) === JSON.stringify(OLD)) return "old";
    if (JSON.stringify(tree) === JSON.stringify(withoutKept(OLD))) {
      const tmp = (await leftovers(c.generated)).filter((n) => n.startsWith(".apigen-tmp-latitudesh-"));
      expect(tmp).toHaveLength(1);
      expect(await hashTree(join(c.generated, tmp[0]!))).toEqual(NEW);
      return "old, node_modules in the temp folder";
    }
    expect(tree, "the package folder is neither the old package nor the new one").toEqual(NEW);
    return "new";
  }
  const aside = (await leftovers(c.generated)).filter((n) => n.startsWith(".apigen-old-latitudesh-"));
  expect(aside).toHaveLength(1);
  // node_modules moved into the new package just before the swap, so only the generated files are beside it.
  expect(withoutKept((await hashTree(join(c.generated, aside[0]!)))!)).toEqual(withoutKept(OLD));
  return "between renames";
}

describe("a generator killed with SIGKILL while regenerating a package", () => {
  const outcomes: string[] = [];
  const next = random(SEED);

  async function killRun(index: number, inWriteWindow: boolean): Promise<void> {
    const c = await makeCase(`kill-${index}`);
    const child = startGenerate(c);
    const done = exited(child);
    let delay: number;
    if (inWriteWindow) {
      // Kill a random time after the temp folder appears: inside the write, or just after it.
      delay = next() * Math.max(writeWindowMs * 1.2, 2);
      const watcher = watch(c.generated, (_event, name) => {
        if (name?.startsWith(".apigen-tmp-")) {
          watcher.close();
          setTimeout(() => child.kill("SIGKILL"), delay);
        }
      });
      void done.then(() => watcher.close());
    } else {
      delay = next() * referenceMs * 1.1;
      setTimeout(() => child.kill("SIGKILL"), delay);
    }
    const result = await done;
    const outcome = await stateAfterKill(c);
    const left = await leftovers(c.generated);
    outcomes.push(
      `${inWriteWindow ? "write window" : "anywhere"} +${delay.toFixed(1)} ms: ${result.signal ?? `exit ${result.code}`}, ${outcome}${left.length ? `, left ${left.map((n) => n.replace(/-\d+-[0-9a-f]+$/, "")).join(" ")}` : ""}`,
    );

    // Recovery alone: exactly the old or the new package again, node_modules included, nothing left over.
    await recoverInterrupted(c.generated);
    const recovered = await hashTree(c.pkg);
    expect([JSON.stringify(OLD), JSON.stringify(NEW)], `seed ${SEED}: recovery left a mix`).toContain(
      JSON.stringify(recovered),
    );
    expect(await leftovers(c.generated)).toEqual([]);

    // And the next run (which recovers first on its own) completes the new package.
    await generateToEnd(c);
    expect(await hashTree(c.pkg), `seed ${SEED}`).toEqual(NEW);
    expect(await leftovers(c.generated)).toEqual([]);
  }

  it(`leaves the old package or the new one, never a mix (${KILLS_IN_WRITE_WINDOW} kills in the write window, ${KILLS_ANYWHERE} anywhere)`, async () => {
    for (let i = 0; i < KILLS_IN_WRITE_WINDOW; i++) await killRun(i, true);
    for (let i = 0; i < KILLS_ANYWHERE; i++) await killRun(KILLS_IN_WRITE_WINDOW + i, false);
    console.log(
      `seed ${SEED}; reference run ${Math.round(referenceMs)} ms, write window ${writeWindowMs.toFixed(1)} ms\n  ${outcomes.join("\n  ")}`,
    );
    // The kills must have hit the interesting part at least once: not every run finished or died before writing.
    expect(
      outcomes.some((o) => / left /.test(o) || o.includes("between renames")),
      outcomes.join("\n"),
    ).toBe(true);
  }, 300_000);
});

describe("recovery from each point of the write, one by one", () => {
  /** The package set up as replaceFolder leaves it at a given point, then recovery. */
  async function scenario(
    name: string,
    setup: (c: { generated: string; pkg: string; tmp: string; old: string }) => Promise<void>,
  ): Promise<Tree | undefined> {
    const c = await makeCase(`point-${name}`);
    const tag = "999999-0badf00d"; // a pid that is not running
    const tmp = join(c.generated, `.apigen-tmp-latitudesh-${tag}`);
    const old = join(c.generated, `.apigen-old-latitudesh-${tag}`);
    await setup({ ...c, tmp, old });
    await recoverInterrupted(c.generated);
    expect(await leftovers(c.generated)).toEqual([]);
    return hashTree(c.pkg);
  }

  /** A temp folder holding a third of the new package. */
  async function halfWritten(from: string, tmp: string): Promise<void> {
    await mkdir(tmp, { recursive: true });
    const tree = (await hashTree(from))!;
    for (const rel of Object.keys(tree)
      .filter((r) => !r.startsWith("node_modules/"))
      .slice(0, Math.ceil(Object.keys(tree).length / 3))) {
      await mkdir(join(tmp, rel, ".."), { recursive: true });
      await cp(join(from, rel), join(tmp, rel));
    }
  }

  it("killed while writing the temp folder: the old package stays", async () => {
    expect(await scenario("writing", async ({ pkg, tmp }) => halfWritten(pkg, tmp))).toEqual(OLD);
  });

  it("killed after node_modules moved into the temp folder: it goes back", async () => {
    const tree = await scenario("kept-moved", async ({ pkg, tmp }) => {
      await halfWritten(pkg, tmp);
      await rename(join(pkg, "node_modules"), join(tmp, "node_modules"));
    });
    expect(tree).toEqual(OLD);
  });

  it("killed between the two renames: the old package comes back, with node_modules", async () => {
    const tree = await scenario("between", async ({ pkg, tmp, old }) => {
      await cp(pkg, tmp, { recursive: true, filter: (src) => !src.includes("/node_modules") });
      await writeFile(join(tmp, "README.md"), "new\n");
      await rename(join(pkg, "node_modules"), join(tmp, "node_modules"));
      await rename(pkg, old);
    });
    expect(tree).toEqual(OLD);
  });

  it("killed before deleting the old package: the new one stays", async () => {
    let swapped: Tree | undefined;
    const tree = await scenario("swapped", async ({ pkg, old }) => {
      await cp(pkg, old, { recursive: true, filter: (src) => !src.includes("/node_modules") });
      await writeFile(join(pkg, "README.md"), "new\n");
      swapped = await hashTree(pkg);
    });
    expect(tree).toEqual(swapped);
  });

  it("a write that fails part-way (a file where a folder must go) leaves the old package whole and no temp folder", async () => {
    const c = await makeCase("write-error");
    const files = new Map<string, string>();
    for (let i = 0; i < 300; i++) files.set(`docs/page-${String(i).padStart(3, "0")}.md`, `page ${i}\n`);
    files.set("src", "a file named like the folder src/index.ts needs\n");
    files.set("src/index.ts", "export {};\n");
    await expect(replaceFolder(c.pkg, files)).rejects.toThrow(/EISDIR|ENOTDIR|EEXIST/);
    expect(await hashTree(c.pkg)).toEqual(OLD);
    expect(await leftovers(c.generated)).toEqual([]);
  });

  it("leaves alone the temp folder of a generator that is still running", async () => {
    const c = await makeCase("live");
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"], { stdio: "ignore" });
    try {
      const tmp = join(c.generated, `.apigen-tmp-latitudesh-${sleeper.pid}-0badf00d`);
      await mkdir(tmp);
      await recoverInterrupted(c.generated);
      expect(await leftovers(c.generated)).toEqual([`.apigen-tmp-latitudesh-${sleeper.pid}-0badf00d`]);
    } finally {
      sleeper.kill("SIGKILL");
    }
  });
});
