/**
 * Worker-thread entry: an API's docs pages (untidied: the pipeline tidies every file) from its IR (plain data,
 * cloned in) and the run's templates (sources, and their precompiled form). bin/apigen.mjs bundles it beside the CLI; see docs-job.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ApiIR } from "../ir/types.ts";
import { emitDocs } from "./docs.ts";
import { compileTemplates } from "./templates.ts";

const { ir, templateSources, precompiled } = workerData as {
  ir: ApiIR;
  templateSources: Map<string, string>;
  precompiled?: Map<string, string>;
};
parentPort!.postMessage(emitDocs(ir, compileTemplates(templateSources, undefined, precompiled)));
