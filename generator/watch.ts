import { stat } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { DocsSession } from "./emit/docs-job.ts";
import { describe } from "./errors.ts";
import { generatorFingerprint } from "./fingerprint.ts";
import { GENERATOR_DIR, TEMPLATES_DIR } from "./paths.ts";
import { generatePackage, Superseded, type RunContext, type Target } from "./pipeline.ts";
import { StageMemo } from "./shared/memo.ts";
import { changeReport } from "./report.ts";
import { isSpecFile, listTargets, SPEC_EXTENSIONS } from "./targets.ts";
import { generatorSourceHash, isEditorLitter, isGeneratorSource } from "./watch/source-hash.ts";
import { RESTART_EXIT_CODE, STARTED_MESSAGE, WORKER_ENV, supervise } from "./watch/supervisor.ts";
import { defaultSkip, watchTree } from "./watch/tree-watcher.ts";
import { recoverInterrupted } from "./write/write.ts";
import { WrittenPackage } from "./write/written.ts";

/**
 * How long the files must stay quiet before a regeneration starts: a
 * millisecond, enough for the steps of one save (write a temp file, rename
 * the old one away, rename the new one in, delete the old; or truncate, then
 * write), which mostly come within microseconds of each other, to arrive as
 * one batch. The wait is part of every save's latency, so it is kept short.
 * A step that comes later is a save like any other: if it comes while a
 * regeneration runs, that regeneration writes nothing (it may have read the
 * save half done: RunContext.savedDuring) and the next one reads the newer
 * file; the two rules below catch a save slower than that.
 */
const SETTLE_MS = 1;
/**
 * A saved spec that is missing or empty once the events settle is most likely
 * mid-save (deleted before the new file is renamed in, truncated before it is
 * written, the editor waiting on a slow disk in between): it gets this long
 * since the last event to come back before the regeneration reads it (and
 * reports it removed, or empty). Likewise a regeneration that fails within
 * this long of the last event may have read a save half-written (truncated,
 * then written in steps): its error is held back, and the package regenerated
 * again once the files have been quiet this long. Only an error that is still
 * there then is printed; a save completed meanwhile regenerates as any other.
 */
const MID_SAVE_MS = 400;

export interface WatchOptions {
  specsDir: string;
  generatedDir: string;
  /** Only these providers (all when empty). */
  providers: string[];
  /** `watch --spec <file> --out <dir>`: this one spec instead of the specs folder. */
  single?: Target;
}

/** `apigen watch`: the supervisor, or (in the process it starts) the watcher itself. */
export function watch(options: WatchOptions, ctx: RunContext): Promise<number> {
  return process.env[WORKER_ENV] === "1" ? runWatcher(options, ctx) : supervise();
}

/** What the saves since the last regeneration touched. */
export interface Pending {
  providers: Set<string>;
  /** A file a spec may `$ref`, a folder, or "anything": every provider is brought up to date. */
  all: boolean;
  /** Those files a spec may `$ref`, by absolute path. */
  shared: Set<string>;
  /** A folder, or an event that names no file: which files changed is not known. */
  unnamed: boolean;
  templates: boolean;
  generator: boolean;
}

/**
 * What the saves since a pass began mean for one provider's regeneration in it (RunContext.savedDuring):
 * "shared" for a template, a folder or an unnamed event, a file its spec refers to (`dependencies`), or an
 * event still being looked at (`statting`: is its path a folder?); "spec" for its own spec.
 */
export function savedFor(
  pending: Pending,
  statting: number,
  provider: string,
  dependencies: readonly string[],
): "spec" | "shared" | undefined {
  const shared = dependencies.some((file) => pending.shared.has(file));
  if (pending.templates || pending.unnamed || statting > 0 || shared) return "shared";
  return pending.providers.has(provider) ? "spec" : undefined;
}

export const nothingPending = (): Pending => ({
  providers: new Set(),
  all: false,
  shared: new Set(),
  unnamed: false,
  templates: false,
  generator: false,
});

/** Whether one of the spec files saved is missing or empty: an editor's save in progress, or a deletion. */
async function midSave(files: Iterable<string>): Promise<boolean> {
  for (const file of files) {
    const st = await stat(file).catch(() => undefined);
    if (!st?.isFile() || st.size === 0) return true;
  }
  return false;
}

/**
 * Keeps generated/ equal to what `apigen generate` would write. Each settled
 * batch of saves regenerates the providers whose spec changed (all of them for
 * a template or a shared file), prints what that means for the package's users
 * as --dry-run does, and ends with a `ready` line. A broken spec prints its
 * located error and keeps the last good package; the next good save recovers.
 * A spec added while watching is generated; a spec removed is reported and its
 * package left in place (as `generate` leaves it: deleting a package is the
 * author's call, not a side effect of a rename). An edit to generator/ restarts
 * the watcher onto the new build (supervisor.ts).
 */
async function runWatcher(options: WatchOptions, initial: RunContext): Promise<number> {
  // What each package's last regeneration computed, so the next redoes only what a save touched.
  // One memo per package, each holding one run's entries: bounded however long the watcher runs.
  const memos = new Map<string, StageMemo>();
  const memo = (target: Target) => {
    let m = memos.get(target.outDir);
    if (!m) memos.set(target.outDir, (m = new StageMemo()));
    return m;
  };
  // And what it wrote into each package, so the next write reads back, hashes and writes only what changed.
  const records = new Map<string, WrittenPackage>();
  const written = (target: Target) => {
    let w = records.get(target.outDir);
    if (!w) records.set(target.outDir, (w = new WrittenPackage()));
    return w;
  };
  // And its docs pages, on a thread kept for the whole watch when the API is big (loaded here, not by the supervisor).
  const { DocsSession } = await import("./emit/docs-job.ts");
  const sessions = new Map<string, DocsSession>();
  const docs = (target: Target): DocsSession => {
    let d = sessions.get(target.outDir);
    if (!d) sessions.set(target.outDir, (d = new DocsSession()));
    return d;
  };
  // And what is left to do once a package is in place: done after its line is printed, before the next pass.
  const afterwards: Promise<void>[] = [];
  const later = (work: Promise<void>) => void afterwards.push(work);
  const specsDir = options.single ? dirname(options.single.specFile) : options.specsDir;
  const startedFrom = await generatorSourceHash();
  let pending: Pending = { ...nothingPending(), all: true };
  let known: Target[] | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopping = false;
  /** Spec and template files saved since the last pass, and when the last event came. */
  let saved = new Set<string>();
  let lastEvent = Number.NEGATIVE_INFINITY;
  /** The last pass held a failure back (MID_SAVE_MS). */
  let heldBack = false;
  /** Events whose path is being stat-ed (onSpecChange). */
  let statting = 0;
  // What was saved while a package was being made, for that package (RunContext.savedDuring). The events
  // already delivered are taken in first: the loop polls between two check phases (one setImmediate
  // reached from an I/O callback runs before the next poll).
  const savedDuring = async (target: Target, dependencies: readonly string[]) => {
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    return savedFor(pending, statting, target.provider, dependencies);
  };
  let ctx: RunContext = { ...initial, memo, written, docs, later, savedDuring };
  // A folder outside the working directory (apigen's own templates, for an installed apigen) is named whole.
  const shown = (path: string) => {
    const rel = relative(process.cwd(), path);
    return rel.startsWith("..") || isAbsolute(rel) ? path : rel || ".";
  };
  // What the watcher writes may sit in the folder it watches (`--spec api.yaml --out sdk`): its own
  // writes are not saves, or every pass would start another. Only folders strictly inside the
  // watched one count (`--generated .` holds specs/ itself), with the folders that lead to them
  // (made by the first write of `--out build/sdk`).
  const watched = resolve(specsDir);
  const outputs = () =>
    [options.single?.outDir ?? options.generatedDir, ...(known ?? []).map((t) => t.outDir)]
      .map((dir) => resolve(dir))
      .filter((dir) => dir.startsWith(watched + sep));
  const isOutput = (path: string) => outputs().some((out) => path === out || path.startsWith(out + sep));
  const leadsToOutput = (path: string) => outputs().some((out) => out.startsWith(path + sep));

  const schedule = (delay = SETTLE_MS) => {
    if (stopping) return;
    clearTimeout(timer);
    timer = setTimeout(() => void runPass(), delay);
  };

  const runPass = async (): Promise<void> => {
    if (running) return; // the pass in progress schedules another when it ends
    const quiet = performance.now() - lastEvent;
    if (quiet < MID_SAVE_MS && (await midSave(saved))) return schedule(MID_SAVE_MS - quiet);
    // Another timer may have started a pass while this one looked at the files.
    if (running) return;
    const eventBefore = lastEvent;
    saved = new Set();
    heldBack = false;
    const work = pending;
    pending = nothingPending();
    running = regenerate(work, quiet < MID_SAVE_MS).catch(
      (error: unknown) => void process.stderr.write(`${describe(error)}\n`),
    );
    await running;
    running = undefined;
    if (stopping) return;
    if (pending.all || pending.templates || pending.generator || pending.providers.size > 0) {
      // A regeneration held back (see MID_SAVE_MS) runs again once the files have been quiet that long,
      // unless a save came meanwhile: that one is regenerated as any save is.
      const stillQuiet = heldBack && lastEvent === eventBefore;
      schedule(stillQuiet ? Math.max(SETTLE_MS, MID_SAVE_MS + 1 - (performance.now() - lastEvent)) : SETTLE_MS);
    }
  };

  /** `young`: the last save is recent enough that it may still be in progress (MID_SAVE_MS). */
  const regenerate = async (asked: Pending, young: boolean): Promise<void> => {
    let work = asked;
    if (work.generator && (await generatorSourceHash()) !== startedFrom) {
      process.stdout.write(`generator/ changed: restarting the watcher on the new build\n`);
      return stop(RESTART_EXIT_CODE);
    }
    if (work.templates) {
      try {
        const { loadTemplates } = await import("./emit/templates.ts");
        const templates = await loadTemplates();
        ctx = { ...ctx, templates: () => Promise.resolve(templates), fingerprint: await generatorFingerprint() };
      } catch (error) {
        // A template read half-saved fails as a spec does: tried again once the files are quiet.
        if (young) {
          if (process.env.APIGEN_DEBUG)
            process.stderr.write(
              `apigen: templates: held back (the save may be half-written): ${firstLine(describe(error))}\n`,
            );
          pending.templates = true;
          heldBack = true;
          return;
        }
        // Specs saved meanwhile are still regenerated, with the last good templates.
        process.stderr.write(`${describe(error)}\ntemplates: kept the last good output\n`);
        work = { ...work, templates: false };
      }
    }
    const targets = options.single
      ? [options.single]
      : (await listTargets(options.specsDir, options.generatedDir)).filter(
          (t) => options.providers.length === 0 || options.providers.includes(t.provider),
        );
    const previous = known;
    known = targets;
    // What a generator (a watcher too) killed mid-write left beside the packages, as `generate` clears it.
    if (previous === undefined)
      for (const parent of new Set(targets.map((t) => resolve(t.outDir, "..")))) await recoverInterrupted(parent);
    const added = previous ? targets.filter((t) => !previous.some((p) => p.provider === t.provider)) : [];
    for (const gone of (previous ?? []).filter((p) => !targets.some((t) => t.provider === p.provider))) {
      memos.delete(gone.outDir);
      records.delete(gone.outDir);
      sessions.get(gone.outDir)?.close();
      sessions.delete(gone.outDir);
      process.stdout.write(
        `${gone.provider}: ${shown(gone.specFile)} was removed; ${shown(gone.outDir)} is left as it was (delete it if the provider is gone)\n`,
      );
    }
    const everything = work.all || work.templates;
    let held = false;
    for (const target of targets) {
      if (stopping) return;
      // A template saved meanwhile: every provider is made again by the next pass, this one is done.
      if (pending.templates) {
        held = true;
        break;
      }
      const isNew = added.includes(target);
      if (!everything && !isNew && !work.providers.has(target.provider)) continue;
      if (isNew) process.stdout.write(`${target.provider}: ${shown(target.specFile)} was added\n`);
      if (!(await regenerateOne(target, !everything || isNew, young))) {
        // Perhaps read mid-save: tried again once the files are quiet (runPass), and reported then.
        pending.providers.add(target.provider);
        held = true;
      }
    }
    heldBack = held;
    // Not ready while a regeneration is held back: the one that decides prints it.
    if (!held) process.stdout.write("ready\n");
  };

  /**
   * `saved`: the author touched this spec, so say something even when nothing changed. `young`: a
   * failure may be a save read half-written, so it is not reported: false is returned instead.
   */
  const regenerateOne = async (target: Target, saved: boolean, young: boolean): Promise<boolean> => {
    const started = performance.now();
    try {
      const result = await generatePackage(target, ctx);
      const ms = Math.round(performance.now() - started);
      for (const warning of result.warnings) process.stderr.write(`${warning}\n`);
      if (result.status === "up-to-date") {
        if (saved) process.stdout.write(`${target.provider}: up to date (the saved spec did not change)\n`);
      } else if (result.status === "unchanged" || !result.release) {
        process.stdout.write(`${target.provider}: regenerated, no file changed in ${ms} ms\n`);
      } else {
        const header = `${target.provider}: regenerated, ${result.changed.length} file(s) changed in ${ms} ms`;
        process.stdout.write(await changeReport(header, result.release, result.changed, "wrote"));
      }
    } catch (error) {
      if (error instanceof Superseded) {
        if (process.env.APIGEN_DEBUG) process.stderr.write(`apigen: ${error.message}\n`);
        return false;
      }
      if (young) {
        // What APIGEN_DEBUG shows: the error is not printed now, and may never be.
        if (process.env.APIGEN_DEBUG)
          process.stderr.write(
            `apigen: ${target.provider}: held back (the save may be half-written): ${firstLine(describe(error))}\n`,
          );
        return false;
      }
      process.stderr.write(`${describe(error)}\n${target.provider}: kept the last good output\n`);
    } finally {
      // What is left of a write (a temporary folder to remove) may fail: the next run clears what it leaves.
      await Promise.allSettled(afterwards.splice(0));
    }
    return true;
  };

  const onSpecChange = async (path: string | null) => {
    if (path !== null && (isOutput(join(watched, path)) || leadsToOutput(join(watched, path)))) return;
    if (path === null) {
      pending.all = true;
      pending.unnamed = true;
    } else if (isEditorLitter(path)) return;
    else if (options.single && path === basename(options.single.specFile)) {
      pending.providers.add(options.single.provider);
      saved.add(options.single.specFile);
    } else if (!path.includes(sep) && isSpecFile(path)) {
      pending.providers.add(basename(path, extname(path)));
      saved.add(`${specsDir}${sep}${path}`);
    }
    // A file a spec may $ref, or a folder of them.
    else if (SPEC_EXTENSIONS.includes(extname(path))) {
      pending.all = true;
      pending.shared.add(resolve(specsDir, path));
    } else {
      statting++;
      const folder = await stat(`${specsDir}${sep}${path}`)
        .then((st) => st.isDirectory())
        .catch(() => false)
        .finally(() => statting--);
      if (!folder) return;
      pending.all = true;
      pending.unnamed = true;
    }
    lastEvent = performance.now();
    schedule();
  };

  const watchers = [
    watchTree(
      specsDir,
      (path) => void onSpecChange(path),
      (name, path) => defaultSkip(name) || isOutput(resolve(path)),
    ),
    watchTree(TEMPLATES_DIR, (path) => {
      if (path !== null && isEditorLitter(path)) return;
      pending.templates = true;
      // A template caught empty (truncated, not yet written) waits as a spec does (midSave).
      if (path !== null && path.endsWith(".hbs")) saved.add(join(TEMPLATES_DIR, path));
      lastEvent = performance.now();
      schedule();
    }),
    watchTree(GENERATOR_DIR, (path) => {
      if (path !== null && !isGeneratorSource(path)) return;
      pending.generator = true;
      schedule();
    }),
  ];

  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (finish = resolve));
  /** Stops watching; lets a regeneration in progress finish writing (its files are replaced whole, never half). */
  async function stop(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    clearTimeout(timer);
    for (const w of watchers) w.close();
    if (running && code !== RESTART_EXIT_CODE) await running;
    finish(code);
  }
  // Ctrl-C reaches this process twice (from the terminal and from the supervisor): both mean "stop".
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(0));
  // The supervisor went away without a signal (killed): do not outlive it.
  process.on("disconnect", () => void stop(0));

  process.stdout.write(
    `watching ${shown(options.single?.specFile ?? specsDir)}, ${shown(TEMPLATES_DIR)} and ${shown(GENERATOR_DIR)} for saves (Ctrl-C to stop)\n`,
  );
  // This build loaded and runs: from here a failure is not the supervisor's to wait out (supervisor.ts).
  process.send?.(STARTED_MESSAGE);
  // First bring generated/ up to date with what is on disk now.
  await runPass();
  const code = await done;
  // Nothing else may keep the process alive (the docs worker, the IPC channel): the watcher is done.
  process.exit(code);
}

/** A debug line stays one line (a template error carries its source excerpt and stack). */
function firstLine(text: string): string {
  return text.split("\n", 1)[0] ?? text;
}
