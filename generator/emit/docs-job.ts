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
import { StageMemo } from "../shared/memo.ts";
import { threadsAllowed } from "../shared/threads.ts";
import { emitDocs, withLlmsFull } from "./docs.ts";

export { withLlmsFull };
import type { Templates } from "./templates.ts";

/** Operations plus models above which a worker pays for itself. */
const WORKER_THRESHOLD = 200;

export interface DocsJob {
  pages: Promise<Map<string, string>>;
  /**
   * The pages through `format` (the pipeline's formatting: emitters do not format). A session formats
   * only the pages whose text changed since its last render.
   */
  formatted(format: (pages: Map<string, string>) => Map<string, string>): Promise<Map<string, string>>;
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
    return job(
      Promise.resolve().then(() => emitDocs(ir, templates)),
      () => {},
    );
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
  return job(pages, () => void worker.terminate());
}

function job(pages: Promise<Map<string, string>>, cancel: () => void): DocsJob {
  return { pages, formatted: async (format) => format(await pages), cancel };
}

/** What the pipeline hands a session's thread for each render, and what it answers. */
export type SessionRequest = { id: number; ir: ApiIR };
/**
 * Every page's path, in order, and the text of those that changed since the thread's last answer (the
 * session keeps the others): GitHub's docs are 27 MB, and one save changes a few pages of them.
 */
export type SessionAnswer =
  { id: number; paths: string[]; changed: Map<string, string> } | { id: number; error: string };

/**
 * A watcher's docs for one package: the pages of the last render kept in a memo (emit/docs.ts), so a
 * save re-renders only the pages it touched. A big API's are made on one thread kept for the whole
 * watch, which holds the memo (a thread per save would start empty, and load and compile everything
 * again); a small API's in-process, as {@link startDocs} does. New templates start a new memo.
 */
export class DocsSession {
  #memo = new StageMemo();
  #templates: Templates | undefined;
  #worker: Worker | undefined;
  #next = 0;
  /** The thread's last answer, whole: what its next answer's unchanged pages are. */
  #answered = new Map<string, string>();
  /** Each page as last formatted, and the text it was formatted from. */
  #formatted = new Map<string, { from: string; text: string }>();
  /** Renders asked for and not answered yet, by id, with the thread asked. */
  readonly #waiting = new Map<
    number,
    { worker: Worker; resolve: (pages: Map<string, string>) => void; reject: (e: Error) => void }
  >();

  start(ir: ApiIR, templates: Templates): DocsJob {
    if (templates !== this.#templates) {
      this.close();
      this.#memo = new StageMemo();
      this.#templates = templates;
    }
    if (DOCS_WORKER === undefined || !isMainThread || !worthAThread(ir.operations.length + ir.models.length)) {
      const memo = this.#memo;
      return this.#job(Promise.resolve().then(() => renderKept(memo, ir, templates)));
    }
    const worker = (this.#worker ??= this.#spawn(DOCS_WORKER, templates));
    const id = this.#next++;
    const pages = new Promise<Map<string, string>>((resolve, reject) =>
      this.#waiting.set(id, { worker, resolve, reject }),
    );
    // Awaited later, after the types: a failure meanwhile must not count as unhandled.
    pages.catch(() => {});
    worker.ref();
    worker.postMessage({ id, ir } satisfies SessionRequest);
    return this.#job(pages);
  }

  /** Not cancelled when the run fails elsewhere: the render still fills the memo for the next save. */
  #job(pages: Promise<Map<string, string>>): DocsJob {
    return { pages, formatted: async (format) => this.#format(await pages, format), cancel() {} };
  }

  #format(pages: Map<string, string>, format: (pages: Map<string, string>) => Map<string, string>) {
    const stale = new Map([...pages].filter(([path, text]) => this.#formatted.get(path)?.from !== text));
    const fresh = format(stale);
    const out = new Map<string, string>();
    const kept = new Map<string, { from: string; text: string }>();
    for (const [path, from] of pages) {
      const text = fresh.get(path) ?? this.#formatted.get(path)!.text;
      out.set(path, text);
      kept.set(path, { from, text });
    }
    this.#formatted = kept;
    return out;
  }

  /** Ends the thread (the package's target is gone, or its templates changed). */
  close(): void {
    void this.#worker?.terminate();
    this.#worker = undefined;
  }

  #spawn(script: URL | string, templates: Templates): Worker {
    const worker = new Worker(script, {
      workerData: { job: "docs-session", templateSources: templates.sources, precompiled: templates.precompiled },
    });
    // A new thread answers every page.
    this.#answered = new Map();
    const settle = (id: number) => {
      const waiting = this.#waiting.get(id);
      this.#waiting.delete(id);
      // Idle, the thread must not keep the process alive.
      if (![...this.#waiting.values()].some((w) => w.worker === worker)) worker.unref();
      return waiting;
    };
    worker.on("message", (answer: SessionAnswer) => {
      if ("error" in answer) return settle(answer.id)?.reject(new Error(answer.error));
      // Taken in here, whether or not the run still waits for it: the thread counts it as answered.
      // (A thread that is not the session's any more answered for a run long gone: nothing to take in.)
      if (worker !== this.#worker) return settle(answer.id)?.reject(new Error("the docs thread was replaced"));
      const pages = new Map(answer.paths.map((path) => [path, answer.changed.get(path) ?? this.#answered.get(path)!]));
      this.#answered = pages;
      settle(answer.id)?.resolve(pages);
    });
    const fail = (error: Error) => {
      if (this.#worker === worker) this.#worker = undefined;
      // Only this thread's renders: after new templates, the old thread ends while the new one works.
      for (const [id, w] of [...this.#waiting]) if (w.worker === worker) settle(id)?.reject(error);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the docs worker exited with code ${code} before it answered`)));
    return worker;
  }
}

/** The pages of `pages` whose text is not the one `last` had. */
export function changedPages(last: Map<string, string>, pages: Map<string, string>): Map<string, string> {
  return new Map([...pages].filter(([path, text]) => last.get(path) !== text));
}

/** One render under a session's memo: what it used is kept for the next, or (it failed) the last good run's. */
export function renderKept(memo: StageMemo, ir: ApiIR, templates: Templates): Map<string, string> {
  try {
    const pages = emitDocs(ir, templates, memo);
    memo.commit();
    return pages;
  } catch (error) {
    memo.abandon();
    throw error;
  }
}
