/**
 * Worker-thread entry, for two jobs. `docs`: an API's docs pages (untidied: the pipeline tidies every file)
 * from its IR (plain data, cloned in) and the run's templates (sources, and their precompiled form); see
 * docs-job.ts. `validators`: its compiled validators; see testing/validators-job.ts.
 * bin/apigen.mjs bundles it beside the CLI.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ApiIR } from "../ir/types.ts";
import type { ValidatorsWorkerData } from "./testing/validators-job.ts";

type DocsWorkerData = {
  job: "docs";
  ir: ApiIR;
  templateSources: Map<string, string>;
  precompiled?: Map<string, string>;
};

const data = workerData as DocsWorkerData | ValidatorsWorkerData;
if (data.job === "validators") {
  const { validatorsWorker } = await import("./testing/validators-job.ts");
  await validatorsWorker(data, parentPort!);
} else {
  const [{ emitDocs }, { compileTemplates }] = await Promise.all([import("./docs.ts"), import("./templates.ts")]);
  const { ir, templateSources, precompiled } = data;
  parentPort!.postMessage(emitDocs(ir, compileTemplates(templateSources, undefined, precompiled)));
}
