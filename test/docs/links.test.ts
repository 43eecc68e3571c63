/**
 * Every relative link in the generated docs reaches a file, and every `#anchor`
 * (on the same page or another) names a heading of the target page, computed
 * the way GitHub does. Anchors are computed here independently of the
 * generator's own slugger, from what markdown-it renders.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type Token from "markdown-it/lib/token.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { type DocFile, docFiles, markdown } from "./support.ts";

/** GitHub: lower-case; keep letters, marks, numbers, `_`, `-`, spaces; spaces become `-`; repeats get `-1`, `-2`... */
function anchorsOf(text: string): Set<string> {
  const tokens = markdown.parse(text, {});
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== "heading_open") continue;
    const rendered = plainText(tokens[i + 1]!.children ?? []);
    const base = rendered
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    let slug = base;
    while (anchors.has(slug)) {
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      slug = `${base}-${n}`;
    }
    anchors.add(slug);
  }
  return anchors;
}

function plainText(children: Token[]): string {
  return children
    .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : c.children ? plainText(c.children) : ""))
    .join("");
}

function linksOf(text: string): { href: string; line: number }[] {
  const out: { href: string; line: number }[] = [];
  const walk = (tokens: Token[], line: number) => {
    for (const t of tokens) {
      const at = t.map ? t.map[0] + 1 : line;
      if (t.type === "link_open") out.push({ href: t.attrGet("href") ?? "", line: at });
      if (t.type === "image") out.push({ href: t.attrGet("src") ?? "", line: at });
      if (t.children) walk(t.children, at);
    }
  };
  walk(markdown.parse(text, {}), 1);
  return out;
}

let docs: DocFile[];
const anchorCache = new Map<string, Set<string>>();

beforeAll(async () => {
  docs = await docFiles();
});

function anchorsAt(path: string): Set<string> {
  let anchors = anchorCache.get(path);
  if (!anchors) {
    const doc = docs.find((d) => d.path === path);
    anchors = doc ? anchorsOf(doc.text) : new Set();
    anchorCache.set(path, anchors);
  }
  return anchors;
}

describe("links in the generated docs", () => {
  it("relative links reach a file inside the package's docs, and anchors name a heading", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const doc of docs) {
      for (const { href, line } of linksOf(doc.text)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) continue; // absolute URLs from the spec
        checked++;
        const [rawPath = "", fragment] = href.split("#", 2);
        const path = decodeURIComponent(rawPath);
        const target = path === "" ? doc.path : resolve(dirname(doc.path), path);
        const where = `${doc.name}:${line}: ${href}`;
        if (!existsSync(target) || !statSync(target).isFile()) {
          broken.push(`${where}: no such file`);
          continue;
        }
        const docsRoot = doc.path.slice(0, doc.path.lastIndexOf("/docs/") + "/docs/".length);
        if (!target.startsWith(docsRoot)) broken.push(`${where}: leaves the package's docs`);
        if (fragment !== undefined && !anchorsAt(target).has(decodeURIComponent(fragment)))
          broken.push(`${where}: no heading with anchor #${fragment}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(broken.join("\n")).toBe("");
  });

  it("every page is linked from another page of its package", () => {
    const linked = new Set<string>();
    for (const doc of docs) {
      for (const { href } of linksOf(doc.text)) {
        const path = href.split("#", 1)[0] ?? "";
        if (path !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(path)) {
          const target = resolve(dirname(doc.path), decodeURIComponent(path));
          if (target !== doc.path) linked.add(target);
        }
      }
    }
    const orphans = docs.filter((d) => !d.path.endsWith("/docs/README.md") && !linked.has(d.path)).map((d) => d.name);
    expect(orphans).toEqual([]);
  });

  it("the anchor rules match GitHub's on the cases that matter", () => {
    const anchors = anchorsOf(
      "# Session\n\n## listSessions\n\n### Parameters\n\n### Parameters\n\n## `code` & Co. (v2)\n\n## site\\_slug\n",
    );
    expect([...anchors]).toEqual(["session", "listsessions", "parameters", "parameters-1", "code--co-v2", "site_slug"]);
  });
});
