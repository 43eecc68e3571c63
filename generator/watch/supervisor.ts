import { spawn, type ChildProcess } from "node:child_process";
import { GENERATOR_DIR } from "../paths.ts";
import { isGeneratorSource } from "./source-hash.ts";
import { watchTree } from "./tree-watcher.ts";

/** Set in the watcher process the supervisor starts. */
export const WORKER_ENV = "APIGEN_WATCH_WORKER";
/** The watcher's exit code for "generator/ changed: start me again on the new build". */
export const RESTART_EXIT_CODE = 75;
/** What the watcher sends the supervisor once it runs: a build that got this far is not a broken one. */
export const STARTED_MESSAGE = "apigen-watcher-started";
/** Bad usage (the CLI's exit code 2) is never the generator edit's fault. */
const USAGE_EXIT_CODE = 2;

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
/** How often the supervisor looks whether its parent is gone. */
const ORPHAN_CHECK_MS = 500;

/**
 * `apigen watch` is two processes: this small supervisor, which never changes
 * while it runs, and the watcher it starts (the same command with WORKER_ENV
 * set). When generator/ is edited the watcher exits with RESTART_EXIT_CODE and
 * the supervisor starts it again through bin/apigen.mjs, which rebuilds the
 * bundle: the new watcher runs the new generator. Node has no exec(), so this
 * is the restart.
 *
 * If the new build does not start (an edit esbuild cannot compile, a module that
 * throws as it loads), the session goes on: the supervisor says so and starts the
 * watcher again at the next save under generator/, as an author fixing the edit expects.
 *
 * SIGINT, SIGTERM and SIGHUP are passed on to the watcher and the supervisor
 * exits once it has: nothing is left behind. So does the death of its parent
 * (npm), which not every shell passes on. The watcher also exits if the
 * supervisor disappears without a signal (its IPC channel closes).
 */
export function supervise(): Promise<number> {
  return new Promise((resolve) => {
    let child: ChildProcess | undefined;
    let stopping = false;
    /** Saves under generator/ seen so far: a build that failed on a save since superseded is tried again at once. */
    let edits = 0;
    /** Set while no watcher runs because the last build failed: the next save under generator/ starts one. */
    let waiting = false;
    let debounce: NodeJS.Timeout | undefined;
    const startSoon = () => {
      // The steps of one save arrive as one batch.
      clearTimeout(debounce);
      debounce = setTimeout(() => {
        waiting = false;
        if (!stopping) start(true);
      }, 50);
    };
    const generator = watchTree(GENERATOR_DIR, (path) => {
      // null ("the folder came back", also polled while it cannot be watched) is not a save.
      if (path === null || !isGeneratorSource(path)) return;
      edits++;
      if (waiting) startSoon();
    });
    const end = (code: number) => {
      for (const signal of SIGNALS) process.off(signal, forward);
      clearInterval(orphanCheck);
      clearTimeout(debounce);
      generator.close();
      resolve(code);
    };
    const forward = (signal: NodeJS.Signals) => {
      stopping = true;
      if (waiting) end(0);
      else child?.kill(signal);
    };
    /** `rebuilt`: started on an edited generator/, so a failure to start is the edit's. */
    const start = (rebuilt = false) => {
      const editsAtStart = edits;
      let running = false;
      child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
        stdio: ["inherit", "inherit", "inherit", "ipc"],
        env: { ...process.env, [WORKER_ENV]: "1" },
      });
      child.on("message", (message) => {
        if (message === STARTED_MESSAGE) running = true;
      });
      child.on("exit", (code) => {
        if (!stopping && code === RESTART_EXIT_CODE) return start(true);
        // Only a watcher that never got going on a rebuilt generator waits for the next save; one that
        // ran and then died ends the session with its code, as it always has.
        if (!stopping && rebuilt && !running && code !== 0 && code !== USAGE_EXIT_CODE) {
          waiting = true;
          // The build may have read a save half-written, or one saved again since: that one is tried now.
          if (edits !== editsAtStart) return startSoon();
          process.stderr.write(
            `the watcher did not start on the edited generator (exit ${code ?? "by signal"}): fix generator/ and save, it starts again then (Ctrl-C to stop)\n`,
          );
          return;
        }
        // Stopped by the user: a normal end for a watcher, not a failure.
        end(stopping ? 0 : (code ?? 1));
      });
    };
    for (const signal of SIGNALS) process.on(signal, forward);
    // `npm run watch` runs this under `sh -c`; on SIGTERM npm kills the shell, which dies without
    // passing the signal on. Orphaned, this process is re-parented: take that as the SIGTERM.
    const parent = process.ppid;
    const orphanCheck = setInterval(() => {
      if (!stopping && process.ppid !== parent) forward("SIGTERM");
    }, ORPHAN_CHECK_MS);
    orphanCheck.unref();
    start();
  });
}
