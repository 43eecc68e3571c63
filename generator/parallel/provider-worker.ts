/**
 * One thread of the provider pool (pool.ts): renders and writes whole
 * packages, one at a time, with the same code a sequential run uses, so the
 * bytes are the same. bin/apigen.mjs bundles this file beside the CLI.
 */
import { parentPort, workerData } from "node:worker_threads";
import { describe } from "../errors.ts";
import { checkPackage, generatePackage, lazyTemplates, type RunContext } from "../pipeline.ts";
import type { PoolJob, PoolReply } from "./pool.ts";

const ctx: RunContext = {
  templates: lazyTemplates(),
  fingerprint: (workerData as { fingerprint: string }).fingerprint,
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
  parentPort!.postMessage(reply);
});
