/**
 * The types of a small API (`src/schema.d.ts`) are made on a worker thread when
 * the main thread regenerates it: loading typescript and openapi-typescript is
 * most of the types' cost there (about a sixth of a run that regenerates one
 * small spec), and the worker does it while the main thread loads, parses and
 * validates the spec, then transforms the document it is sent while the main
 * thread makes the client, the docs and the rest. The main thread then never
 * loads typescript at all when dist needs no new declarations.
 *
 * The worker is started before the spec is read (the decision goes by the
 * spec's size on disk), kept for the rest of the process (a run over many
 * small specs on the main thread, `--jobs 1`, loads the libraries once) and
 * does not hold the process open. The text is the same bytes either way: the
 * same function makes it, from a structured clone of the same document. A
 * worker that fails or cannot start is no error: the types are then made
 * in-process, as they always are for a big API (whose document would be long
 * to clone, and whose main thread has work enough to compete with the worker),
 * on a thread of the provider pool (one thread per core already) and under a
 * watcher's memo (which keeps the types per path item).
 * While the worker is used, V8's optimizing compiler is limited (shared/optimizer.ts): the two threads
 * fill both cores.
 */
import { stat } from "node:fs/promises";
import { isMainThread, Worker } from "node:worker_threads";
import { DOCS_WORKER } from "../paths.ts";
import { limitOptimizer, unlimitOptimizer } from "../shared/optimizer.ts";
import { threadsAllowed } from "../shared/threads.ts";

/** Specs larger than this (bytes on disk) keep their types on the main thread. */
const MAX_SPEC_BYTES = 1_000_000;

/** What the worker is started with; then one `TypesRequest` per document. */
export interface TypesWorkerData {
  job: "types";
  /** V8 flags set at run time when it started (its code cache keys by them). */
  v8Flags: string;
}
export interface TypesRequest {
  id: number;
  document: Record<string, unknown>;
  banner: string;
}
export type TypesReply = { id: number; text: string } | { id: number; error: string };

export interface TypesJob {
  /** `emitTypes(document, banner)`'s text, made on the worker (in-process should the worker fail). */
  emit(document: Record<string, unknown>, banner: string): Promise<string>;
}

let shared: RemoteTypes | undefined;

/**
 * A job on the process's types worker for the spec in `specFile`, or undefined when its types are
 * to be made in-process (see above). `APIGEN_DOCS_WORKER=never|always` decides as for the docs; never
 * under `--jobs 1` (shared/threads.ts).
 */
export async function startTypes(specFile: string, inProcessOnly: boolean): Promise<TypesJob | undefined> {
  const mode = process.env.APIGEN_DOCS_WORKER;
  if (DOCS_WORKER === undefined || !isMainThread || inProcessOnly || mode === "never" || !threadsAllowed())
    return undefined;
  if (mode !== "always") {
    const size = await stat(specFile).then(
      (s) => s.size,
      () => Number.POSITIVE_INFINITY,
    );
    if (size > MAX_SPEC_BYTES) {
      unlimitOptimizer();
      return undefined;
    }
  }
  if (shared?.broken) shared = undefined;
  // The two threads fill both cores: V8's optimizing compiler would only compete with them (shared/optimizer.ts).
  const flags = limitOptimizer();
  try {
    shared ??= new RemoteTypes(DOCS_WORKER, flags);
  } catch {
    // No worker: one thread after all, which may as well have the optimizer.
    unlimitOptimizer();
    return undefined;
  }
  return shared;
}

class RemoteTypes implements TypesJob {
  broken = false;
  #worker: Worker;
  #next = 0;
  #waiting = new Map<number, { resolve: (text: string) => void; reject: (error: unknown) => void }>();

  constructor(script: string, v8Flags: string) {
    this.#worker = new Worker(script, { workerData: { job: "types", v8Flags } satisfies TypesWorkerData });
    this.#worker.on("message", (reply: TypesReply) => {
      const waiting = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      if (this.#waiting.size === 0) this.#worker.unref();
      if ("text" in reply) waiting?.resolve(reply.text);
      else waiting?.reject(new Error(reply.error));
    });
    const fail = (error: unknown) => {
      this.broken = true;
      for (const w of this.#waiting.values()) w.reject(error);
      this.#waiting.clear();
    };
    this.#worker.once("error", fail);
    this.#worker.once("exit", (code) => fail(new Error(`the types worker exited with code ${code}`)));
    // Idle, the worker does not hold the process open; a request in flight does (see emit). Unref'd after
    // the listeners: adding a "message" listener refs the worker's port again.
    this.#worker.unref();
  }

  emit(document: Record<string, unknown>, banner: string): Promise<string> {
    const remote = this.broken
      ? Promise.reject(new Error("the types worker is gone"))
      : new Promise<string>((resolve, reject) => {
          const id = this.#next++;
          this.#waiting.set(id, { resolve, reject });
          // Held open while an answer is awaited: the process must not end with the types half made.
          this.#worker.ref();
          try {
            this.#worker.postMessage({ id, document, banner } satisfies TypesRequest);
          } catch (error) {
            this.#waiting.delete(id);
            reject(error);
          }
        });
    // Any failure on the worker: the same function in-process, which gives the text or the real error.
    return remote.catch(async () => (await import("./types.ts")).emitTypes(document, banner));
  }
}

/** The worker's side: load the libraries at once, then make the types of each document sent. */
export async function typesWorker(
  port: import("node:worker_threads").MessagePort,
  afterFirst: () => void,
): Promise<void> {
  const { emitTypes, typesOptions } = await import("./types.ts");
  // The libraries load while the main thread reads and validates the spec.
  await typesOptions();
  port.on("message", async ({ id, document, banner }: TypesRequest) => {
    let reply: TypesReply;
    try {
      reply = { id, text: await emitTypes(document, banner) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
    afterFirst();
  });
}
