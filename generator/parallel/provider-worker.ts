/**
 * One thread of the provider pool (pool.ts): renders and writes whole
 * packages, one at a time, with the same code a sequential run uses, so the
 * bytes are the same. bin/apigen.mjs bundles this file beside the CLI.
 *
 * A thread has a module loader of its own: without the code cache the main
 * thread uses (bin/code-cache.mjs), every thread would compile typescript,
 * redocly and the rest from source again. So the cache goes in first and the
 * pipeline, which imports those libraries, is imported after it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { installCodeCache } from "../../bin/code-cache.mjs";
import { describe } from "../errors.ts";
import { CODE_CACHE_DIR } from "../paths.ts";
import type { RunContext } from "../pipeline.ts";
import type { PoolJob, PoolReply, ProviderWorkerData } from "./pool.ts";

const data = workerData as ProviderWorkerData;
const flushCodeCache = CODE_CACHE_DIR === undefined ? () => {} : installCodeCache(CODE_CACHE_DIR, data.v8Flags);
const { checkPackage, generatePackage, lazyTemplates } = await import("../pipeline.ts");

const ctx: RunContext = {
  templates: lazyTemplates(),
  fingerprint: data.fingerprint,
};

parentPort!.on("message", async (job: PoolJob) => {
  const started = performance.now();
  let reply: PoolReply;
  try {
    const result =
      job.kind === "generate"
        ? await generatePackage(job.target, ctx, job.force, job.dryRun)
        : await checkPackage(job.target, ctx);
    reply = { ok: true, result, ms: performance.now() - started };
  } catch (error) {
    reply = { ok: false, error: describe(error), ms: performance.now() - started };
  }
  // Written once a provider has run, so the entries hold the functions it called; later calls find nothing missing.
  flushCodeCache();
  parentPort!.postMessage(reply);
});
