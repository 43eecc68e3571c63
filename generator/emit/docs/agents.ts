import type { ApiIR, OperationIR } from "../../ir/types.ts";
import { link, oneLine, text } from "../markdown.ts";
import { type CodeSamples, operationKey } from "./operation.ts";

/**
 * Output for the tools readers now use beside a browser: `llms.txt` (the
 * llmstxt.org index: a title, a summary and links to every page), and
 * `llms-full.txt` (every page in one file), plus an OpenAPI Overlay 1.0 that
 * adds `x-codeSamples` (the docs' own TypeScript and curl samples, which the
 * docs tests compile and run) to each operation, for Redocly, Scalar or ReadMe.
 */

/** `docs/llms.txt`, with anchor keys that docs/anchors.ts resolves with the pages. */
export function llmsTxt(ir: ApiIR): string {
  const tagOf = new Map(ir.tags.map((t) => [t.name, t]));
  const lines = [
    `# ${text(ir.title)}`,
    "",
    `> ${text(firstSentence(ir.description) || `The ${ir.title} API (version ${ir.apiVersion}), called through the ${ir.packageName} TypeScript client.`)}`,
    "",
  ];
  lines.push(
    `Package: \`${ir.packageName}\`; API version ${text(ir.apiVersion)}. Every operation page shows a TypeScript call, a curl command and JSON samples of its requests and responses.`,
    "",
  );
  lines.push(
    "## Docs",
    "",
    `- ${link("Overview", "README.md")}: installing the package, creating a client, authentication, errors, retries`,
  );
  for (const tag of ir.tags)
    lines.push(
      `- ${link(text(tag.name), `tags/${tag.slug}.md`)}${tag.description ? `: ${text(firstSentence(tag.description))}` : ""}`,
    );
  lines.push("", "## Operations", "");
  for (const op of ir.operations) {
    const tag = tagOf.get(op.tag)!;
    lines.push(
      `- ${link(text(`${op.method.toUpperCase()} ${op.path}`), `tags/${tag.slug}.md#⟪${operationKey(ir, op)}⟫`)}: ${text(op.summary ?? op.methodName)}`,
    );
  }
  if (ir.models.length > 0) {
    lines.push("", "## Optional", "");
    for (const m of ir.models)
      lines.push(
        `- ${link(text(m.name), `models/${m.slug}.md`)}${m.description ? `: ${text(firstSentence(m.description))}` : ""}`,
      );
  }
  return lines.join("\n") + "\n";
}

/** `docs/llms-full.txt`: the overview, then every tag page and model page, each under a comment naming its file. */
export function llmsFullTxt(pages: Map<string, string>): string {
  const order = [...pages.keys()]
    .filter((p) => p.startsWith("docs/") && p.endsWith(".md"))
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return order.map((p) => `<!-- ${p.replace(/^docs\//, "")} -->\n\n${pages.get(p)!.trimEnd()}\n`).join("\n");
}

function rank(path: string): number {
  return path === "docs/README.md" ? 0 : path.startsWith("docs/tags/") ? 1 : 2;
}

/** The first sentence of a description, on one line, without markdown links. */
export function firstSentence(value: string | undefined): string {
  const line = oneLine((value ?? "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[`*_]/g, ""));
  const m = /^(.*?[.!?])(\s|$)/.exec(line);
  return (m ? m[1]! : line).slice(0, 300);
}

/** `openapi.overlay.json`: Overlay 1.0 actions adding `x-codeSamples` to each operation of `openapi.json`. */
export function codeSamplesOverlay(ir: ApiIR, samples: Map<OperationIR, CodeSamples>): string {
  const actions = ir.operations.map((op) => {
    const s = samples.get(op)!;
    return {
      target: `$.paths[${jsonPathString(op.path)}].${op.method}`,
      update: {
        "x-codeSamples": [
          { lang: "TypeScript", label: ir.packageName, source: s.typescript },
          { lang: "cURL", label: "curl", source: s.curl },
        ],
      },
    };
  });
  const overlay = {
    overlay: "1.0.0",
    info: { title: `Code samples for ${ir.title}`, version: ir.apiVersion },
    extends: "openapi.json",
    actions,
  };
  return JSON.stringify(overlay, null, 2) + "\n";
}

/** A JSONPath (RFC 9535) single-quoted name selector. */
function jsonPathString(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
