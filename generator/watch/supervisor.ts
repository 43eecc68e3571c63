import { spawn, type ChildProcess } from "node:child_process";

/** Set in the watcher process the supervisor starts. */
export const WORKER_ENV = "APIGEN_WATCH_WORKER";
/** The watcher's exit code for "generator/ changed: start me again on the new build". */
export const RESTART_EXIT_CODE = 75;

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
 * SIGINT, SIGTERM and SIGHUP are passed on to the watcher and the supervisor
 * exits once it has: nothing is left behind. So does the death of its parent
 * (npm), which not every shell passes on. The watcher also exits if the
 * supervisor disappears without a signal (its IPC channel closes).
 */
export function supervise(): Promise<number> {
  return new Promise((resolve) => {
    let child: ChildProcess;
    let stopping = false;
    const forward = (signal: NodeJS.Signals) => {
      stopping = true;
      child.kill(signal);
    };
    const start = () => {
      child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
        stdio: ["inherit", "inherit", "inherit", "ipc"],
        env: { ...process.env, [WORKER_ENV]: "1" },
      });
      child.on("exit", (code) => {
        if (!stopping && code === RESTART_EXIT_CODE) return start();
        for (const signal of SIGNALS) process.off(signal, forward);
        clearInterval(orphanCheck);
        // Stopped by the user: a normal end for a watcher, not a failure.
        resolve(stopping ? 0 : (code ?? 1));
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
