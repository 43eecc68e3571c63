import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import json from "highlight.js/lib/languages/json";
import plaintext from "highlight.js/lib/languages/plaintext";
import typescript from "highlight.js/lib/languages/typescript";
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import GithubSlugger from "github-slugger";

/**
 * Markdown to HTML for the docs site: markdown-it (CommonMark + GFM tables,
 * raw HTML off), highlight.js for code, GitHub-style heading ids (github-slugger,
 * the algorithm GitHub and the generator's links use) so every `#anchor` the
 * docs link to exists, a permalink on each heading, method badges on
 * `GET /path` code, and `.md` links turned into `.html`.
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
  /** For an operation's heading: the HTTP method of the first `METHOD /path` code under it. */
  method?: string;
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
    // tabindex: a long line makes the block scroll sideways, and keyboard users
    // can only scroll what they can focus (axe: scrollable-region-focusable).
    return `<pre class="hljs" tabindex="0"><code class="language-${md.utils.escapeHtml(language)}">${body}</code></pre>`;
  },
});

md.core.ruler.push("heading_ids", (state) => {
  const slugger = new GithubSlugger();
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== "heading_open") continue;
    token.attrSet("id", slugger.slug(inlineText(tokens[i + 1]?.children ?? [])));
  }
});

/** Code sample languages shown as tabs, by fence language: the tab's key (remembered by the page script) and label. */
const SAMPLE_LANGUAGES: Record<string, { key: string; label: string }> = {
  ts: { key: "typescript", label: "TypeScript" },
  sh: { key: "curl", label: "curl" },
};

interface TabKind {
  /** `data-tabs` of the group: the page script syncs and remembers `language` groups. */
  name: string;
  /** The tab list's accessible name. */
  label: string;
  /**
   * The tab for a heading level and text followed by a fence of a language (or, `lang` undefined,
   * by a one-paragraph sentence), if that section is one.
   */
  tab(level: string, heading: string, lang: string | undefined): { key: string; label: string } | undefined;
}

/**
 * Sections shown as tabs on the site: an operation's samples (`### Example`
 * with a ts fence, `### curl` with an sh fence) and its response samples
 * (`#### Response 200`, `#### Response 404`, each a json fence).
 */
const TAB_KINDS: TabKind[] = [
  {
    name: "language",
    label: "Code sample language",
    tab: (level, _h, lang) => (level === "h3" && lang !== undefined ? SAMPLE_LANGUAGES[lang] : undefined),
  },
  {
    name: "response",
    label: "Response status",
    tab: (level, heading, lang) => {
      // A long sample is not repeated: one sentence links to where it is (the model page, or the same JSON
      // shown earlier on the page). It is that status's tab all the same.
      const status =
        level === "h4" && (lang === "json" || lang === undefined) ? /^Response (\S+)$/.exec(heading)?.[1] : undefined;
      return status === undefined ? undefined : { key: status, label: status };
    },
  },
];

/**
 * Two or more such sections in a row (each exactly a heading and a fence, or
 * a heading and one paragraph) are wrapped in a `.code-tabs` group with a `.code-tab` per section. Without
 * JavaScript that is just the headings and blocks, as in the markdown; the
 * page script turns each group into ARIA tabs.
 */
md.core.ruler.push("code_tabs", (state) => {
  const tokens = state.tokens;
  /** The tab a section starting at token `i` makes, with its length in tokens (heading 3, then fence 1 or paragraph 3). */
  const section = (kind: TabKind, i: number) => {
    const body = tokens[i + 3];
    if (tokens[i]?.type !== "heading_open" || body === undefined) return undefined;
    const fence = body.type === "fence";
    if (!fence && !(body.type === "paragraph_open" && tokens[i + 5]?.type === "paragraph_close")) return undefined;
    const tab = kind.tab(tokens[i]!.tag, tokens[i + 1]!.content, fence ? body.info.trim() : undefined);
    return tab && { ...tab, size: fence ? 4 : 6 };
  };
  const block = (type: string, nesting: 1 | -1, attrs: [string, string][] = []) => {
    const token = new state.Token(type, "div", nesting);
    token.block = true;
    for (const [name, value] of attrs) token.attrSet(name, value);
    return token;
  };
  const out: Token[] = [];
  for (let i = 0; i < tokens.length;) {
    let kind: TabKind | undefined;
    let run: { key: string; label: string; size: number }[] = [];
    for (kind of TAB_KINDS) {
      run = [];
      for (let j = i, t = section(kind, j); t && !run.some((r) => r.key === t!.key); j += t.size, t = section(kind, j))
        run.push(t);
      if (run.length >= 2) break;
    }
    if (run.length < 2) {
      out.push(tokens[i++]!);
      continue;
    }
    out.push(
      block("code_tabs_open", 1, [
        ["class", "code-tabs"],
        ["data-tabs", kind!.name],
        ["data-tabs-label", kind!.label],
      ]),
    );
    for (const tab of run) {
      const attrs: [string, string][] = [
        ["class", "code-tab"],
        ["data-key", tab.key],
        ["data-label", tab.label],
      ];
      out.push(block("code_tab_open", 1, attrs), ...tokens.slice(i, i + tab.size), block("code_tab_close", -1));
      i += tab.size;
    }
    out.push(block("code_tabs_close", -1));
  }
  state.tokens = out;
});

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
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

// A permalink at the end of each section heading; its text comes from CSS, so the heading's text stays the heading's.
md.renderer.rules.heading_close = (tokens, idx) => {
  const open = tokens[idx - 2];
  const id = open?.attrGet("id");
  const level = Number(tokens[idx]!.tag.slice(1));
  const link =
    id && level > 1
      ? `<a class="permalink" href="#${md.utils.escapeHtml(id)}" aria-label="Link to this section"></a>`
      : "";
  return `${link}</${tokens[idx]!.tag}>\n`;
};

const METHOD = /^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) (\/.*)$/;

// Indented code blocks scroll like fences, so they are focusable too.
md.renderer.rules.code_block = (tokens, idx) =>
  `<pre class="hljs" tabindex="0"><code>${md.utils.escapeHtml(tokens[idx]!.content)}</code></pre>\n`;

// `GET /path` (tables, the Request line) becomes a coloured method badge and the path as code.
md.renderer.rules.code_inline = (tokens, idx) => {
  const content = tokens[idx]!.content;
  const m = METHOD.exec(content);
  if (!m) return `<code>${md.utils.escapeHtml(content)}</code>`;
  return `<span class="method method-${m[1]!.toLowerCase()}">${m[1]}</span> <code>${md.utils.escapeHtml(m[2]!)}</code>`;
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
    .map((c) =>
      c.type === "text" || c.type === "code_inline"
        ? c.content
        : c.type === "softbreak" || c.type === "hardbreak"
          ? " "
          : c.children
            ? inlineText(c.children)
            : "",
    )
    .join("");
}

/**
 * A line of links and separators only (`[API overview](../README.md) · [Models](...)`, above a model's
 * text): where the page sits, not what it says, so never its lead.
 */
function isBreadcrumb(children: readonly Token[]): boolean {
  let depth = 0;
  let links = 0;
  for (const child of children) {
    if (child.type === "link_open") {
      depth++;
      links++;
    } else if (child.type === "link_close") depth--;
    else if (depth === 0 && child.type === "text" && child.content.replace(/[·|>/\s]/g, "") !== "") return false;
    else if (depth === 0 && child.type !== "text" && child.type !== "softbreak") return false;
  }
  return links > 0;
}

export function renderMarkdown(source: string): RenderedPage {
  const env = {};
  const tokens = md.parse(source, env);
  const headings: Heading[] = [];
  let lead = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "heading_open") {
      headings.push({
        level: Number(token.tag.slice(1)),
        text: inlineText(tokens[i + 1]?.children ?? []),
        id: token.attrGet("id") ?? "",
      });
    }
    const current = headings.at(-1);
    if (token.type === "inline" && current?.level === 2 && current.method === undefined && headings.length > 1) {
      const code = token.children?.find((c) => c.type === "code_inline" && METHOD.test(c.content));
      if (code) current.method = METHOD.exec(code.content)![1]!;
    }
    if (
      lead === "" &&
      token.type === "paragraph_open" &&
      tokens[i - 1]?.type !== "list_item_open" &&
      headings.length <= 1 &&
      !isBreadcrumb(tokens[i + 1]?.children ?? [])
    ) {
      lead = inlineText(tokens[i + 1]?.children ?? []);
    }
  }
  return { html: md.renderer.render(tokens, md.options, env), title: headings[0]?.text ?? "", headings, lead };
}

export function escapeHtml(text: string): string {
  return md.utils.escapeHtml(text);
}
