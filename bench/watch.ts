/**
 * Section `watch`: an edit saved while `apigen watch` runs, against the cold
 * `generate` a user would run instead (issue 18, item 3).
 *
 * - seed: an operation summary edited in the largest spec of specs/; the
 *   watcher over a copy of specs/ against `generate <provider>` over another;
 * - github: a description edited in GitHub's spec; `watch --spec --out`
 *   against `generate --spec --out`.
 *
 * Each round saves the same new text in both copies: the cold run is one
 * process (GNU time: wall and CPU); the watcher's figure is the time from the
 * save to its line saying the package was written (the 1 ms it waits for the
 * save to settle included), and its CPU is what its process used meanwhile
 * (/proc/<pid>/stat, docs worker thread included). The two copies are laid
 * out alike, so after every round the two packages must be byte for byte the
 * same; the bench stops if they are not. The watcher's own first pass and a
 * warm-up round are not counted; rounds are interleaved so both kinds see the
 * same machine load.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { copyFile, cp, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { ensureGithubSpec } from "../test/support/octokit.ts";
import {
  log,
  machineLoad,
  measure,
  summarizeSamples,
  WORK,
  ROOT,
  type ProcessSample,
  type ProcessSummary,
} from "./proc.ts";

export interface WatchCase {
  /** What each round edits. */
  edit: string;
  rounds: number;
  cold: ProcessSummary;
  watch: ProcessSummary;
  /** Watcher's figure / cold's, by wall time. */
  ratio: number;
  cpuRatio: number;
  /** Peak RSS of the watcher process when the case ended. */
  watcherMaxRssKb: number;
}

export interface WatchResult {
  seed: WatchCase & { provider: string };
  github: WatchCase;
  watchEditOverCold: number;
  githubWatchEditOverCold: number;
}

const SPEC_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);
/** Longest any one wait on the watcher may take (a loaded machine, GitHub's spec). */
const PATIENCE_MS = 15 * 60_000;

export async function benchWatch(seedRounds: number, githubRounds: number, cli: string): Promise<WatchResult> {
  const seed = await benchSeed(seedRounds, cli);
  const github = await benchGithubEdit(githubRounds, cli);
  return { seed, github, watchEditOverCold: seed.ratio, githubWatchEditOverCold: github.ratio };
}

export async function benchSeed(rounds: number, cli: string): Promise<WatchResult["seed"]> {
  const work = join(WORK, "watch-seed");
  await rm(work, { recursive: true, force: true });
  const sides = { cold: join(work, "cold"), watch: join(work, "watch") };
  for (const side of Object.values(sides)) await cp(join(ROOT, "specs"), join(side, "specs"), { recursive: true });
  const files = (await readdir(join(sides.cold, "specs"))).filter((f) => SPEC_EXTENSIONS.has(extname(f))).sort();
  const sizes = await Promise.all(files.map(async (f) => (await stat(join(sides.cold, "specs", f))).size));
  const file = files[sizes.indexOf(Math.max(...sizes))]!;
  const provider = basename(file, extname(file));
  const original = await readFile(join(sides.cold, "specs", file), "utf8");
  const spec = (side: string) => join(side, "specs", file);
  const flags = (side: string) => ["--specs", join(side, "specs"), "--generated", join(side, "generated")];
  // The cold side starts generated, as a user's project would be: each round's edit makes it regenerate one package.
  await measure(process.execPath, [cli, "generate", ...flags(sides.cold), "--quiet"]);
  const result = await compare({
    rounds,
    label: `watch seed (${provider})`,
    edit: `an operation summary in specs/${file}`,
    watcherArgs: [cli, "watch", provider, ...flags(sides.watch)],
    cwd: sides.watch,
    provider,
    save: async (side, round) => writeFile(spec(sides[side]), editSummary(original, round)),
    cold: () => measure(process.execPath, [cli, "generate", provider, ...flags(sides.cold), "--quiet"]),
    outputs: { cold: join(sides.cold, "generated", provider), watch: join(sides.watch, "generated", provider) },
  });
  return { ...result, provider };
}

export async function benchGithubEdit(rounds: number, cli: string): Promise<WatchCase> {
  const work = join(WORK, "watch-github");
  await rm(work, { recursive: true, force: true });
  const source = await ensureGithubSpec();
  const original = await readFile(source, "utf8");
  const sides = { cold: join(work, "cold"), watch: join(work, "watch") };
  const name = basename(source);
  for (const side of Object.values(sides)) {
    await mkdir(side, { recursive: true });
    await copyFile(source, join(side, name));
  }
  const flags = (side: string) => ["--spec", join(side, name), "--out", join(side, "out")];
  // Both sides start from a package of the unedited spec (the watcher's first pass makes its own), so
  // their release histories, and so their CHANGELOG.md, match.
  await measure(process.execPath, [cli, "generate", ...flags(sides.cold), "--quiet"]);
  return compare({
    rounds,
    label: "watch github",
    edit: "the first description in api.github.com.json",
    watcherArgs: [cli, "watch", ...flags(sides.watch)],
    cwd: sides.watch,
    provider: "out",
    save: async (side, round) => writeFile(join(sides[side], name), editDescription(original, round)),
    cold: () => measure(process.execPath, [cli, "generate", ...flags(sides.cold), "--quiet"]),
    outputs: { cold: join(sides.cold, "out"), watch: join(sides.watch, "out") },
  });
}

interface CompareOptions {
  rounds: number;
  label: string;
  edit: string;
  watcherArgs: string[];
  cwd: string;
  provider: string;
  save: (side: "cold" | "watch", round: number) => Promise<void>;
  cold: () => Promise<ProcessSample>;
  outputs: { cold: string; watch: string };
}

async function compare(o: CompareOptions): Promise<WatchCase> {
  const watcher = new WatchProcess(o.watcherArgs, o.cwd);
  try {
    await watcher.waitFor(/^ready$/m, 0);
    const cold: ProcessSample[] = [];
    const watch: ProcessSample[] = [];
    for (let round = 0; round <= o.rounds; round++) {
      await o.save("cold", round);
      const c = await o.cold();
      const w = await watcher.timeEdit(o.provider, () => o.save("watch", round));
      const differing = await differences(o.outputs.cold, o.outputs.watch);
      if (differing.length > 0)
        throw new Error(`${o.label}: the watcher's package differs from generate's in ${differing.join(", ")}`);
      log(
        `${o.label} ${round === 0 ? "warm-up" : `round ${round}/${o.rounds}`}: cold ${s(c)}, watch ${s(w)} (load ${machineLoad().loadavg1})`,
      );
      if (round === 0) continue;
      cold.push(c);
      watch.push(w);
    }
    const summary = { cold: summarizeSamples(cold), watch: summarizeSamples(watch) };
    return {
      edit: o.edit,
      rounds: o.rounds,
      ...summary,
      ratio: summary.watch.ms.median / summary.cold.ms.median,
      cpuRatio: summary.watch.cpuS.median / summary.cold.cpuS.median,
      watcherMaxRssKb: watcher.maxRssKb(),
    };
  } finally {
    await watcher.stop();
  }
}

/** The watcher itself, without its supervisor: one process whose CPU time /proc tells. */
class WatchProcess {
  output = "";
  readonly child: ChildProcess;
  readonly exited: Promise<void>;

  constructor(args: string[], cwd: string) {
    this.child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, APIGEN_WATCH_WORKER: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const append = (chunk: Buffer) => (this.output += chunk.toString());
    this.child.stdout!.on("data", append);
    this.child.stderr!.on("data", append);
    this.exited = new Promise((resolve) => this.child.on("exit", () => resolve()));
  }

  /** Wall time from `save` to the line saying the package was written, and the CPU the watcher spent. */
  async timeEdit(provider: string, save: () => Promise<void>): Promise<ProcessSample> {
    const from = this.output.length;
    const cpuBefore = this.cpuS();
    const started = performance.now();
    await save();
    const line = await this.waitFor(
      new RegExp(`^${provider}: (regenerated.*|up to date.*|kept the last good output)$`, "m"),
      from,
    );
    const ms = performance.now() - started;
    if (!line.startsWith(`${provider}: regenerated`)) throw new Error(`watch: the edit did not regenerate: ${line}`);
    await this.waitFor(/^ready$/m, from);
    return { ms, cpuS: this.cpuS() - cpuBefore, maxRssKb: this.maxRssKb(), exitCode: 0 };
  }

  waitFor(pattern: RegExp, from: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(this.output.slice(from));
        if (!match) return;
        done();
        resolve(match[0]);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`watch: no ${pattern} within ${PATIENCE_MS} ms:\n${this.output.slice(from, from + 4000)}`));
      }, PATIENCE_MS);
      const exit = () => {
        done();
        reject(new Error(`watch: the watcher exited:\n${this.output.slice(-4000)}`));
      };
      const done = () => {
        clearTimeout(timer);
        this.child.stdout!.off("data", check);
        this.child.stderr!.off("data", check);
        this.child.off("exit", exit);
      };
      this.child.stdout!.on("data", check);
      this.child.stderr!.on("data", check);
      this.child.on("exit", exit);
      check();
    });
  }

  /** User + system seconds of the process, all threads (Linux /proc; clock ticks of 1/100 s). */
  cpuS(): number {
    const stat = readProc(`/proc/${this.child.pid}/stat`);
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  }

  maxRssKb(): number {
    return Number(/^VmHWM:\s+(\d+)/m.exec(readProc(`/proc/${this.child.pid}/status`))?.[1] ?? 0);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGTERM");
    await this.exited;
  }
}

function readProc(path: string): string {
  // Synchronous on purpose: the figure is taken at one instant.
  return readFileSync(path, "utf8");
}

/** Files that differ between two package folders (or exist in one only). */
async function differences(a: string, b: string): Promise<string[]> {
  const list = async (dir: string) =>
    (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
      .sort();
  const [left, right] = await Promise.all([list(a), list(b)]);
  const names = [...new Set([...left, ...right])].sort();
  const differing: string[] = [];
  for (const name of names) {
    const [x, y] = await Promise.all([
      readFile(join(a, name)).catch(() => null),
      readFile(join(b, name)).catch(() => null),
    ]);
    if (x === null || y === null || !x.equals(y)) differing.push(name);
  }
  return differing;
}

/** Appends a marker to the first operation summary: a patch-level change to one operation. */
function editSummary(text: string, round: number): string {
  let done = false;
  const edited = text.replace(/^(\s+summary:\s*)(.+)$/m, (_, key: string, value: string) => {
    done = true;
    const quoted = /^["']/.test(value);
    return quoted
      ? `${key}${value.slice(0, -1)} (watch edit ${round})${value.slice(-1)}`
      : `${key}${value} (watch edit ${round})`;
  });
  if (!done) throw new Error("watch: no `summary:` line to edit in the largest spec");
  return edited;
}

/** Appends a marker to the first operation's description (a JSON string: the marker needs no escaping). */
function editDescription(text: string, round: number): string {
  const at = text.indexOf('"description": "', text.indexOf('"paths"'));
  if (at < 0) throw new Error("watch: no description under paths in GitHub's spec");
  const start = at + '"description": "'.length;
  return `${text.slice(0, start)}Watch edit ${round}. ${text.slice(start)}`;
}

function s(sample: ProcessSample): string {
  return `${(sample.ms / 1000).toFixed(2)} s (${sample.cpuS.toFixed(2)} s CPU)`;
}
