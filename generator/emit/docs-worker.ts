/**
 * Worker-thread entry: an API's docs pages, tidied, from its IR (plain data,
 * cloned in). bin/apigen.mjs bundles it beside the CLI; see docs-job.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { formatFiles } from "../format/format.ts";
import type { ApiIR } from "../ir/types.ts";
import { emitDocs } from "./docs.ts";
import { loadTemplates } from "./templates.ts";

const { ir } = workerData as { ir: ApiIR };
parentPort!.postMessage(await formatFiles(emitDocs(ir, await loadTemplates())));
