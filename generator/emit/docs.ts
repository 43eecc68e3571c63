import type { ApiIR, OperationIR } from "../ir/types.ts";
import { codeCell, codeSpan, link, prose, proseCell, text } from "./markdown.ts";
import { resolveAnchors } from "./docs/anchors.ts";
import { Examples } from "./docs/examples.ts";
import { modelView, usage } from "./docs/model.ts";
import { type CodeSamples, type ShownSamples, codeSamples, operationKey, operationView } from "./docs/operation.ts";
import { codeSamplesOverlay, llmsFullTxt, llmsTxt } from "./docs/agents.ts";
import { readmeView } from "./docs/readme.ts";
import { Schemas } from "./docs/schema.ts";
import { table } from "./docs/tables.ts";
import type { Templates } from "./templates.ts";

/**
 * Markdown pages under `docs/`: an index (`docs/README.md`), one page per tag
 * (`docs/tags/<slug>.md`) and one per model (`docs/models/<slug>.md`), plus
 * `docs/llms.txt` and `openapi.overlay.json` (see docs/agents.ts; `withLlmsFull` adds the last one).
 * Every value a template prints is computed and escaped here and in docs/*.ts;
 * templates only lay it out.
 */
export function emitDocs(ir: ApiIR, templates: Templates): Map<string, string> {
  const schemas = new Schemas(ir);
  const examples = new Examples(ir, schemas, templates);
  const byId = new Map(ir.operations.map((op) => [op.id, op]));
  const pages = new Map<string, string>();

  pages.set("docs/README.md", templates.render("docs/README.md.hbs", readmeView(ir, schemas, examples)));

  pages.set("docs/llms.txt", llmsTxt(ir));

  const samples = new Map<OperationIR, CodeSamples>();
  for (const tag of ir.tags) {
    const operations = tag.operationIds.map((id) => byId.get(id)!);
    for (const op of operations) samples.set(op, codeSamples(ir, op, tag, examples));
    const where = { schemas, modelsHref: "../models/" };
    const shown: ShownSamples = new Map();
    pages.set(
      `docs/tags/${tag.slug}.md`,
      templates.render("docs/tag.md.hbs", {
        name: text(tag.name),
        description: prose(tag.description),
        property: `api.${tag.propertyName}`,
        server: codeSpan(defaultServerUrl(ir)),
        index: table(operations, [
          { title: "Operation", cell: (op) => link(text(op.methodName), `#⟪${operationKey(ir, op)}⟫`) },
          { title: "HTTP request", cell: (op) => codeCell(`${op.method.toUpperCase()} ${op.path}`) },
          { title: "Summary", cell: (op) => proseCell(op.summary) },
        ]),
        operations: operations.map((op) => operationView(ir, op, tag, where, examples, samples.get(op)!, shown)),
      }),
    );
  }

  const used = usage(ir, schemas);
  for (const model of ir.models) {
    pages.set(
      `docs/models/${model.slug}.md`,
      templates.render("docs/model.md.hbs", modelView(ir, model, schemas, examples, used)),
    );
  }
  const resolved = resolveAnchors(pages);
  resolved.set("openapi.overlay.json", codeSamplesOverlay(ir, samples));
  return resolved;
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
