/**
 * Worker-thread entry, for five jobs. `lint`: redocly's lint of a big spec (validate/lint-job.ts).
 * `types`: the types of each small API the main thread regenerates (types-job.ts). `docs`: an API's docs pages (untidied: the pipeline tidies every file)
 * from its IR (plain data, cloned in) and the run's templates (sources, and their precompiled form); see
 * docs-job.ts. `docs-session`: the same for a watcher, one render per message, pages kept between them
 * (DocsSession). `validators`: its compiled validators; see testing/validators-job.ts.
 * bin/apigen.mjs bundles it beside the CLI.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ApiIR } from "../ir/types.ts";
import type { ValidatorsWorkerData } from "./testing/validators-job.ts";
import type { SessionAnswer, SessionRequest } from "./docs-job.ts";
import type { TypesWorkerData } from "./types-job.ts";
import type { LintWorkerData } from "../validate/lint-job.ts";

type DocsWorkerData = {
  job: "docs" | "docs-session";
  /** None for a session: its IR comes with each message. */
  ir: ApiIR;
  templateSources: Map<string, string>;
  precompiled?: Map<string, string>;
};

const data = workerData as DocsWorkerData | ValidatorsWorkerData | TypesWorkerData | LintWorkerData;
if (data.job === "lint") {
  // A big spec's lint, while the main thread makes the package (validate/lint-job.ts).
  const { lintWorker } = await import("../validate/lint-job.ts");
  await lintWorker(data, parentPort!);
} else if (data.job === "types") {
  // typescript is 9 MB of JavaScript: the thread compiles it through the code cache the main thread uses.
  const [{ installCodeCache }, { CODE_CACHE_DIR }] = await Promise.all([
    import("../../bin/code-cache.mjs"),
    import("../paths.ts"),
  ]);
  const flush = CODE_CACHE_DIR === undefined ? () => {} : installCodeCache(CODE_CACHE_DIR, data.v8Flags);
  const { typesWorker } = await import("./types-job.ts");
  await typesWorker(parentPort!, flush);
} else if (data.job === "validators") {
  const { validatorsWorker } = await import("./testing/validators-job.ts");
  await validatorsWorker(data, parentPort!);
} else if (data.job === "docs-session") {
  // A watcher's: one render per message, under a memo kept between them (docs-job.ts, DocsSession).
  const [{ changedPages, renderKept }, { compileTemplates }, { StageMemo }] = await Promise.all([
    import("./docs-job.ts"),
    import("./templates.ts"),
    import("../shared/memo.ts"),
  ]);
  const templates = compileTemplates(data.templateSources, undefined, data.precompiled);
  const memo = new StageMemo();
  let answered = new Map<string, string>();
  parentPort!.on("message", ({ id, ir }: SessionRequest) => {
    let answer: SessionAnswer;
    try {
      const pages = renderKept(memo, ir, templates);
      answer = { id, paths: [...pages.keys()], changed: changedPages(answered, pages) };
      answered = pages;
    } catch (error) {
      answer = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    parentPort!.postMessage(answer);
  });
} else {
  const [{ emitDocs }, { compileTemplates }] = await Promise.all([import("./docs.ts"), import("./templates.ts")]);
  const { ir, templateSources, precompiled } = data;
  parentPort!.postMessage(emitDocs(ir, compileTemplates(templateSources, undefined, precompiled)));
}
