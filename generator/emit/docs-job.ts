/**
 * Docs pages for a big API are made on a worker thread, at the same time as
 * its types (openapi-typescript, on the main thread): on GitHub's spec that
 * takes about 2 s off a 9 s run on two cores. Small APIs stay in-process,
 * where a worker's start (about 0.1 s) would cost more than it saves.
 * The pages are the same bytes either way: the same code makes them.
 * On a thread of the provider pool (parallel/pool.ts) they are made in that
 * thread: the pool already has a thread per core, and one more per big API
 * would only contend with them (and clone the IR across).
 */
import { isMainThread, Worker } from "node:worker_threads";
import type { ApiIR } from "../ir/types.ts";
import { DOCS_WORKER } from "../paths.ts";
import { threadsAllowed } from "../shared/threads.ts";
import { emitDocs, withLlmsFull } from "./docs.ts";

export { withLlmsFull };
import type { Templates } from "./templates.ts";

/** Operations plus models above which a worker pays for itself. */
const WORKER_THRESHOLD = 200;

export interface DocsJob {
  pages: Promise<Map<string, string>>;
  /** Stops the worker when the run fails elsewhere, so the process can exit. */
  cancel(): void;
}

/**
 * Whether an API of `size` operations plus models is worth a worker thread (for its docs, or its
 * validators: validators-job.ts). `APIGEN_DOCS_WORKER=always|never` overrides the size rule for
 * both (tests use it to compare the two). Never under `--jobs 1` (shared/threads.ts).
 */
export function worthAThread(size: number): boolean {
  if (!threadsAllowed()) return false;
  const mode = process.env.APIGEN_DOCS_WORKER;
  return mode === "always" || (mode !== "never" && size >= WORKER_THRESHOLD);
}

/**
 * Without a bundled worker script (generator/ run from source by tsx or vitest)
 * the docs are always made in-process.
 */
export function startDocs(ir: ApiIR, templates: Templates): DocsJob {
  if (DOCS_WORKER === undefined || !isMainThread || !worthAThread(ir.operations.length + ir.models.length)) {
    return { pages: Promise.resolve().then(() => emitDocs(ir, templates)), cancel() {} };
  }
  const worker = new Worker(DOCS_WORKER, {
    workerData: { job: "docs", ir, templateSources: templates.sources, precompiled: templates.precompiled },
  });
  const pages = new Promise<Map<string, string>>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the docs worker exited with code ${code} before it answered`)));
  });
  // Awaited later, after the types: a failure meanwhile must not count as unhandled.
  pages.catch(() => {});
  return { pages, cancel: () => void worker.terminate() };
}
