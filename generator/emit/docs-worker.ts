/**
 * Worker-thread entry: an API's docs pages, tidied, from its IR (plain data,
 * cloned in) and the run's template sources. bin/apigen.mjs bundles it beside the CLI; see docs-job.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { formatFiles } from "../format/format.ts";
import type { ApiIR } from "../ir/types.ts";
import { emitDocs, withLlmsFull } from "./docs.ts";
import { compileTemplates } from "./templates.ts";

const { ir, templateSources } = workerData as { ir: ApiIR; templateSources: Map<string, string> };
parentPort!.postMessage(withLlmsFull(formatFiles(emitDocs(ir, compileTemplates(templateSources)))));
