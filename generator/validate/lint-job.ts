/**
 * redocly's lint of a big spec, on a worker thread: about 2 s of GitHub's, during which the main
 * thread makes the package from the document every other check has passed (validate.ts,
 * validateSpeculatively). The worker is sent the spec's text and parses it itself (the same code
 * makes the same document from the same text), so the main thread pays neither a structured clone
 * of the document nor redocly's import. The problems come back as plain data, exactly what an
 * in-process lint returns.
 */
import { availableParallelism } from "node:os";
import { isMainThread, Worker, type MessagePort } from "node:worker_threads";
import { DOCS_WORKER } from "../paths.ts";
import { threadsAllowed } from "../shared/threads.ts";
import { parseSpecText, type LoadedSpec } from "../load/load.ts";
import type { LintProblem } from "./redocly.ts";

/** Smaller specs are linted in-process: a thread and redocly's import on it would cost more than it saves. */
const MIN_SPEC_CHARS = 1_000_000;
/**
 * With fewer cores the lint thread has none of its own: a big API's docs and validators threads already
 * fill the second core while the main thread works, so the lint only moves, and its thread adds redocly's
 * import and a parse (measured on GitHub's spec with 2 cores: the same wall time, 0.3 s more CPU).
 */
const MIN_CORES = 3;

export interface LintWorkerData {
  job: "lint";
  file: string;
  text: string;
}

export interface LintThread {
  /** The findings, or a rejection when the thread failed (validate in-process then). */
  problems: Promise<LintProblem[]>;
  cancel(): void;
}

/**
 * A lint of `loaded` on a thread of its own, or undefined when it is to be linted in-process: a small
 * spec, fewer than MIN_CORES cores, no worker script (run from source), not the main thread (a provider
 * pool's thread), `--jobs 1` or `APIGEN_DOCS_WORKER=never` (`always` sends every spec whatever the cores,
 * as for the docs: tests use it).
 */
export function lintOnThread(loaded: LoadedSpec): LintThread | undefined {
  const mode = process.env.APIGEN_DOCS_WORKER;
  if (DOCS_WORKER === undefined || !isMainThread || !threadsAllowed() || mode === "never") return undefined;
  if (mode !== "always" && (loaded.text.length < MIN_SPEC_CHARS || availableParallelism() < MIN_CORES))
    return undefined;
  let worker: Worker;
  try {
    worker = new Worker(DOCS_WORKER, {
      workerData: { job: "lint", file: loaded.file, text: loaded.text } satisfies LintWorkerData,
    });
  } catch {
    return undefined;
  }
  // What APIGEN_DEBUG shows: which run went where (the result is the same either way).
  if (process.env.APIGEN_DEBUG) process.stderr.write(`apigen: linting ${loaded.file} on a worker thread\n`);
  const problems = new Promise<LintProblem[]>((resolve, reject) => {
    worker.once("message", (answer: LintProblem[] | { error: string }) => {
      if (Array.isArray(answer)) resolve(answer);
      else reject(new Error(answer.error));
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the lint worker exited with code ${code} before it answered`)));
  });
  // Awaited by the pipeline once the package is made: a failure meanwhile must not count as unhandled.
  problems.catch(() => {});
  return { problems, cancel: () => void worker.terminate() };
}

/** The worker's side: parse the text, lint the document as validate.ts would, send the findings. */
export async function lintWorker(data: LintWorkerData, port: MessagePort): Promise<void> {
  try {
    const [{ lintedDocument }, { startRedocly, lintWith }, { defaultRefPolicy }, { readinessConfig }] =
      await Promise.all([
        import("./validate.ts"),
        import("./redocly.ts"),
        import("./ref-policy.ts"),
        import("./rules/config.ts"),
      ]);
    const loaded = parseSpecText(data.file, data.text);
    const { parsed } = lintedDocument(loaded);
    const run = await startRedocly(loaded, parsed, defaultRefPolicy(loaded.file), await readinessConfig());
    port.postMessage(await lintWith(run, loaded));
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
