import { execFile } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and returns its exit code and output (never throws on a non-zero exit). */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd ?? ROOT,
        env: { ...process.env, ...options.env },
        timeout: options.timeoutMs ?? 600_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The generator's CLI launcher, which `npm run generate|check|watch` run with node. */
export const CLI = join(ROOT, "bin", "apigen.mjs");

/** The generator's CLI, as `npm run generate`/`check` run it. */
export function apigen(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return run(process.execPath, [CLI, ...args], options);
}

/** `tsc --noEmit` with the repo's TypeScript; extra flags override the project's. */
export function tsc(args: string[], options: { cwd?: string } = {}): Promise<RunResult> {
  return run(
    process.execPath,
    [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "--pretty", "false", ...args],
    options,
  );
}
