import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import json from "highlight.js/lib/languages/json";
import plaintext from "highlight.js/lib/languages/plaintext";
import typescript from "highlight.js/lib/languages/typescript";
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { Slugger } from "../emit/docs/anchors.ts";

/**
 * Markdown to HTML for the docs site: markdown-it (CommonMark + GFM tables,
 * raw HTML off), highlight.js for code, GitHub-style heading ids so every
 * `#anchor` the docs link to exists, and `.md` links turned into `.html`.
 */
hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("bash", bash);
hljs.registerLanguage("json", json);
hljs.registerLanguage("plaintext", plaintext);
hljs.registerAliases(["ts"], { languageName: "typescript" });
hljs.registerAliases(["sh", "shell", "console"], { languageName: "bash" });
hljs.registerAliases(["text", "txt"], { languageName: "plaintext" });

export interface Heading {
  level: number;
  text: string;
  id: string;
}

export interface RenderedPage {
  html: string;
  title: string;
  headings: Heading[];
  /** Text of the first paragraph, for summaries on index pages. */
  lead: string;
}

const md: MarkdownIt = new MarkdownIt({
  html: false,
  linkify: false,
  typographer: false,
  highlight(code, lang) {
    const language = hljs.getLanguage(lang) ? lang : "plaintext";
    const body = hljs.highlight(code, { language, ignoreIllegals: true }).value;
    return `<pre class="hljs"><code class="language-${md.utils.escapeHtml(language)}">${body}</code></pre>`;
  },
});

md.core.ruler.push("heading_ids", (state) => {
  const slugger = new Slugger();
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== "heading_open") continue;
    token.attrSet("id", slugger.slug(inlineText(tokens[i + 1]?.children ?? [])));
  }
});

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = token.attrGet("href") ?? "";
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) {
    token.attrSet("rel", "noopener noreferrer");
    token.attrJoin("class", "external");
  } else {
    token.attrSet("href", htmlHref(href));
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// Tables can be wider than the page: give them their own horizontal scroll.
md.renderer.rules.table_open = () => '<div class="table-wrap"><table>\n';
md.renderer.rules.table_close = () => "</table></div>\n";

/** `../README.md#x` -> `../index.html#x`; `models/a.md` -> `models/a.html`. */
export function htmlHref(href: string): string {
  const [path = "", fragment] = href.split("#", 2);
  const page = path.replace(/(^|\/)README\.md$/, "$1index.html").replace(/\.md$/, ".html");
  return fragment === undefined ? page : `${page}#${fragment}`;
}

function inlineText(children: Token[]): string {
  return children
    .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : c.type === "softbreak" || c.type === "hardbreak" ? " " : c.children ? inlineText(c.children) : ""))
    .join("");
}

export function renderMarkdown(source: string): RenderedPage {
  const env = {};
  const tokens = md.parse(source, env);
  const headings: Heading[] = [];
  let lead = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "heading_open") {
      headings.push({ level: Number(token.tag.slice(1)), text: inlineText(tokens[i + 1]?.children ?? []), id: token.attrGet("id") ?? "" });
    }
    if (lead === "" && token.type === "paragraph_open" && tokens[i - 1]?.type !== "list_item_open" && headings.length <= 1) {
      lead = inlineText(tokens[i + 1]?.children ?? []);
    }
  }
  return { html: md.renderer.render(tokens, md.options, env), title: headings[0]?.text ?? "", headings, lead };
}

export function escapeHtml(text: string): string {
  return md.utils.escapeHtml(text);
}
