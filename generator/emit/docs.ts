import type { ApiIR, OperationIR, TagIR } from "../ir/types.ts";
import { codeCell, codeSpan, link, prose, proseCell, text } from "./markdown.ts";
import { AnchorCache, resolveAnchors } from "./docs/anchors.ts";
import { Examples } from "./docs/examples.ts";
import { modelView, usage, type Usage } from "./docs/model.ts";
import { type CodeSamples, type ShownSamples, codeSamples, operationKey, operationView } from "./docs/operation.ts";
import { codeSamplesOverlay, llmsFullTxt, llmsTxt } from "./docs/agents.ts";
import { readmeView } from "./docs/readme.ts";
import { Schemas } from "./docs/schema.ts";
import { table } from "./docs/tables.ts";
import { PageKeys } from "./docs/page-keys.ts";
import type { StageMemo } from "../shared/memo.ts";
import type { Templates } from "./templates.ts";

/**
 * Markdown pages under `docs/`: an index (`docs/README.md`), one page per tag
 * (`docs/tags/<slug>.md`) and one per model (`docs/models/<slug>.md`), plus
 * `docs/llms.txt` and `openapi.overlay.json` (see docs/agents.ts; `withLlmsFull` adds the last one).
 * Every value a template prints is computed and escaped here and in docs/*.ts;
 * templates only lay it out.
 *
 * With a watcher's `memo`, a tag or model page whose inputs (docs/page-keys.ts) are those of the last
 * run is not rendered again: a description edit re-renders the page showing it, not GitHub's 1,000.
 * The README and llms.txt show every operation, so they are always made, and so are the anchors.
 */
export function emitDocs(ir: ApiIR, templates: Templates, memo?: StageMemo): Map<string, string> {
  const schemas = new Schemas(ir);
  const examples = new Examples(ir, schemas, templates);
  const byId = new Map(ir.operations.map((op) => [op.id, op]));
  const pages = new Map<string, string>();
  const keys = memo && new PageKeys(ir, templates);
  const kept = <T>(stage: string, key: () => string, make: () => T): T =>
    memo && keys ? memo.use(stage, key, make) : make();

  pages.set("docs/README.md", templates.render("docs/README.md.hbs", readmeView(ir, schemas, examples)));

  pages.set("docs/llms.txt", llmsTxt(ir));

  const samples = new Map<OperationIR, CodeSamples>();
  for (const tag of ir.tags) {
    const operations = tag.operationIds.map((id) => byId.get(id)!);
    const page = kept(
      "docs-tag",
      () => keys!.tagPage(tag, operations),
      () => tagPage(ir, tag, operations, schemas, examples, templates),
    );
    operations.forEach((op, i) => samples.set(op, page.samples[i]!));
    pages.set(`docs/tags/${tag.slug}.md`, page.text);
  }

  const used = usage(ir, schemas);
  for (const model of ir.models) {
    pages.set(
      `docs/models/${model.slug}.md`,
      kept(
        "docs-model",
        () => keys!.modelPage(model, usedByKey(ir, used, model.name)),
        () => templates.render("docs/model.md.hbs", modelView(ir, model, schemas, examples, used)),
      ),
    );
  }
  // The memo keeps one cache (the same object every run): it holds the last run's pages, keyed inside.
  const resolved = resolveAnchors(
    pages,
    memo?.use(
      "docs-anchors",
      () => "",
      () => new AnchorCache(),
    ),
  );
  resolved.set("openapi.overlay.json", codeSamplesOverlay(ir, samples));
  return resolved;
}

/** One tag's page, and the code samples of its operations (in its order), which the overlay shows too. */
function tagPage(
  ir: ApiIR,
  tag: TagIR,
  operations: OperationIR[],
  schemas: Schemas,
  examples: Examples,
  templates: Templates,
): { text: string; samples: CodeSamples[] } {
  const samples = operations.map((op) => codeSamples(ir, op, tag, examples));
  const where = { schemas, modelsHref: "../models/" };
  const shown: ShownSamples = new Map();
  const page = templates.render("docs/tag.md.hbs", {
    name: text(tag.name),
    description: prose(tag.description),
    property: `api.${tag.propertyName}`,
    server: codeSpan(defaultServerUrl(ir)),
    index: table(operations, [
      { title: "Operation", cell: (op) => link(text(op.methodName), `#⟪${operationKey(ir, op)}⟫`) },
      { title: "HTTP request", cell: (op) => codeCell(`${op.method.toUpperCase()} ${op.path}`) },
      { title: "Summary", cell: (op) => proseCell(op.summary) },
    ]),
    operations: operations.map((op, i) => operationView(ir, op, tag, where, examples, samples[i]!, shown)),
  });
  return { text: page, samples };
}

/** What a model page's "used by" lists are made from (modelView): part of its memo key. */
function usedByKey(ir: ApiIR, used: Usage, name: string): unknown {
  return [
    used.operations.get(name)?.map((u) => [ir.operations.indexOf(u.op), u.op.methodName, u.tagSlug, u.where]),
    used.models.get(name)?.map((m) => [m.name, m.slug]),
  ];
}

/**
 * `docs/llms-full.txt`, every page in one file, added once the pages are
 * tidied: joined from tidy pages it is tidy too, and on GitHub's spec it is
 * 25 MB that tidying again would only cost time.
 */
export function withLlmsFull(files: Map<string, string>): Map<string, string> {
  files.set("docs/llms-full.txt", llmsFullTxt(files));
  return files;
}

/** The first server's URL with its variables at their defaults: where a client sends requests unless told otherwise. */
function defaultServerUrl(ir: ApiIR): string {
  const server = ir.servers[0];
  if (!server) return "/";
  return server.url.replace(
    /\{([^}]+)\}/g,
    (whole, name: string) => server.variables.find((v) => v.name === name)?.default ?? whole,
  );
}
