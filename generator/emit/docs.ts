import type { ApiIR, OperationIR } from "../ir/types.ts";
import { block, code, inline } from "./markdown.ts";
import type { Templates } from "./templates.ts";

/** Markdown pages under `docs/`: an index, one page per tag, one per model. */
export function emitDocs(ir: ApiIR, templates: Templates): Map<string, string> {
  const files = new Map<string, string>();
  const byId = new Map(ir.operations.map((op) => [op.id, op]));
  files.set(
    "docs/README.md",
    templates.render("docs/README.md.hbs", {
      title: inline(ir.title),
      description: block(ir.description),
      packageName: ir.packageName,
      tags: ir.tags.map((tag) => ({
        name: inline(tag.name),
        slug: tag.slug,
        operations: tag.operationIds.map((id) => operationRow(byId.get(id)!, `tags/${tag.slug}.md`)),
      })),
      models: ir.models.map((m) => ({ name: inline(m.name), slug: m.slug })),
    }),
  );
  for (const tag of ir.tags) {
    files.set(
      `docs/tags/${tag.slug}.md`,
      templates.render("docs/tag.md.hbs", {
        name: inline(tag.name),
        description: block(tag.description),
        operations: tag.operationIds.map((id) => {
          const op = byId.get(id)!;
          return { ...operationRow(op, ""), description: block(op.description) };
        }),
      }),
    );
  }
  for (const model of ir.models) {
    files.set(
      `docs/models/${model.slug}.md`,
      templates.render("docs/model.md.hbs", {
        name: inline(model.name),
        description: block(model.description),
        schema: JSON.stringify(model.schema, null, 2).replace(/```/g, "`\u200b``"),
      }),
    );
  }
  return files;
}

function operationRow(op: OperationIR, page: string) {
  return {
    heading: op.methodName,
    anchor: op.methodName.toLowerCase(),
    link: `${page}#${op.methodName.toLowerCase()}`,
    method: op.method.toUpperCase(),
    path: code(op.path),
    summary: inline(op.summary ?? ""),
  };
}
