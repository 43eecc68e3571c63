import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { expect } from "vitest";
import { ROOT, run } from "./run.ts";
import { hashTree } from "./tree.ts";

/** How long any one wait on a watcher may take in all: generous, for a loaded machine. Never an assertion about speed. */
export const PATIENCE_MS = 150_000;

/**
 * A scratch copy of the project a spec author would have: the launcher, the
 * generator, the templates, specs/ with the given files, and package.json with
 * the npm scripts. node_modules is a link to the real one.
 */
export async function makeProject(specs: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "apigen-watch-"));
  for (const sub of ["bin", "generator", "templates"]) await cp(join(ROOT, sub), join(dir, sub), { recursive: true });
  await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const scripts = {
    generate: "node bin/apigen.mjs generate",
    check: "node bin/apigen.mjs check",
    watch: "node bin/apigen.mjs watch",
  };
  await writeFile(
    join(dir, "package.json"),
    JSON.stringify({ name: "spec-author", private: true, type: "module", scripts }, null, 2),
  );
  await mkdir(join(dir, "specs"));
  for (const [name, text] of Object.entries(specs)) await writeFile(join(dir, "specs", name), text);
  return dir;
}

/**
 * A copy of a project folder, without the launcher's bundles (keyed by the folder's path) but with
 * the V8 code cache of the libraries (bin/code-cache.mjs): its entries are keyed by the real path
 * of each file under the shared node_modules, so the copy's runs start as fast as the original's.
 */
export async function copyProject(from: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "apigen-watch-"));
  const cache = join(from, ".cache");
  const codeCache = join(cache, "cli", "v8");
  await cp(from, dir, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) =>
      !src.startsWith(cache + sep) ||
      src === join(cache, "cli") ||
      src === codeCache ||
      src.startsWith(codeCache + sep),
  });
  return dir;
}

export async function removeProject(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** A running `apigen watch` (or `npm run watch`), in a process group of its own so that a test can tell whether any of it is left. */
export class Watcher {
  output = "";
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(
    cwd: string,
    command: string[] = [process.execPath, join(cwd, "bin", "apigen.mjs"), "watch"],
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.process = spawn(command[0]!, command.slice(1), {
      cwd,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.process.stdout!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.process.stderr!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.process.on("exit", (code) => resolve(code)));
  }

  get pgid(): number {
    return this.process.pid!;
  }

  /** Where the output ends now: waits from here see only what comes after. */
  mark(): number {
    return this.output.length;
  }

  /** Resolves with the match and where it ends once the output after `from` matches; rejects after PATIENCE_MS. */
  waitFor(pattern: RegExp, from: number): Promise<{ text: string; end: number }> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(this.output.slice(from));
        if (!match) return;
        done();
        resolve({ text: match[0], end: from + match.index + match[0].length });
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no output matching ${pattern} within ${PATIENCE_MS} ms; got:\n${this.output.slice(from)}`));
      }, PATIENCE_MS);
      const onExit = () => {
        done();
        reject(new Error(`the watcher exited before printing ${pattern}; got:\n${this.output.slice(from)}`));
      };
      const done = () => {
        clearTimeout(timer);
        this.process.stdout!.off("data", check);
        this.process.stderr!.off("data", check);
        this.process.off("exit", onExit);
      };
      this.process.stdout!.on("data", check);
      this.process.stderr!.on("data", check);
      this.process.on("exit", onExit);
      check();
    });
  }

  /** The first `ready` after startup: generated/ has been brought up to date with what was on disk. */
  async started(): Promise<void> {
    await this.waitFor(/^ready$/m, 0);
  }

  /** Every process of the watcher's group gone (SIGKILL to what is left is the caller's cleanup, not a pass). */
  async stop(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) this.signal("SIGTERM");
    await this.exited;
    for (const pid of processesInGroup(this.pgid)) process.kill(pid, "SIGKILL");
  }

  signal(signal: NodeJS.Signals, group = true): void {
    try {
      process.kill(group ? -this.pgid : this.pgid, signal);
    } catch {
      // already gone
    }
  }
}

/** Pids of live processes in a process group (Linux /proc). */
export function processesInGroup(pgid: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so split after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] !== "Z" && Number(fields[2]) === pgid) pids.push(Number(name));
  }
  return pids;
}

export function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Waits, line by line, for the `ready` after a pass that used the spec as it
 * is on disk now (the package's manifest records the hash of the spec each
 * regeneration read). Event-driven: nothing is checked between the watcher's lines.
 */
export async function caughtUpWith(watcher: Watcher, project: string, provider: string, from: number): Promise<void> {
  let at = from;
  for (;;) {
    at = (await watcher.waitFor(/^ready$/m, at)).end;
    const spec = await readFile(join(project, "specs", `${provider}.yaml`));
    const manifest = await readFile(join(project, "generated", provider, "apigen-manifest.json"), "utf8").catch(
      () => "{}",
    );
    const inputs = (JSON.parse(manifest) as { inputs?: Record<string, string> }).inputs ?? {};
    if (inputs[`../../specs/${provider}.yaml`] === sha256(spec)) return;
  }
}

/**
 * generated/ must be byte for byte what `apigen generate --force` writes over
 * a copy of it: had the watcher missed a save, the copy would get the newer
 * spec's client, docs and version, and the two would differ.
 */
export async function expectSameAsGenerate(project: string): Promise<void> {
  const expected = join(project, "expected");
  await rm(expected, { recursive: true, force: true });
  await cp(join(project, "generated"), expected, { recursive: true });
  const result = await run(
    process.execPath,
    [join(project, "bin", "apigen.mjs"), "generate", "--force", "--quiet", "--generated", expected],
    { cwd: project },
  );
  expect(result.code, result.stderr).toBe(0);
  const watched = await hashTree(join(project, "generated"), { folders: true });
  const generated = await hashTree(expected, { folders: true });
  expect(Object.keys(watched ?? {}).length).toBeGreaterThan(5);
  expect(watched).toEqual(generated);
}

export async function listGenerated(project: string): Promise<string[]> {
  return (await readdir(join(project, "generated")).catch(() => [])).sort();
}
