import { type Heading, escapeHtml } from "./render.ts";

/**
 * The HTML around each page of the docs site: a top bar (menu button on
 * phones, search, light/dark toggle), a sidebar with the navigation of the
 * current provider (its version, downloads, overview sections, tags with
 * their operations and method badges, models) and the list of all
 * providers, then the page itself. Every URL is relative, so the site works
 * from any folder or `file://`; the search index is a script, not a fetch.
 */

export interface ProviderNav {
  slug: string;
  title: string;
  packageName: string;
  /** The package's version (package.json) and the API's (info.version). */
  version: string;
  apiVersion: string;
  lead: string;
  /** The overview's sections (h2 of docs/README.md). */
  sections: Heading[];
  tags: { title: string; file: string; operations: Heading[] }[];
  models: { title: string; file: string }[];
  hasChangelog: boolean;
}

export interface PageShell {
  /** Path of the page from the site root, e.g. `latitudesh/tags/vpn-sessions.html`. */
  path: string;
  title: string;
  body: string;
  providers: ProviderNav[];
  current: ProviderNav | undefined;
}

/** `1 tag`, `2 tags`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Before the first paint: sets the theme (the saved choice, else the system's)
 * and the code sample language (the saved choice, else TypeScript), so neither
 * flickers while the page script loads.
 */
const THEME_BOOT = `(function(){var d=document.documentElement;try{var t=localStorage.getItem("apigen-theme");if(t!=="light"&&t!=="dark")t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";d.dataset.theme=t;var l=localStorage.getItem("apigen-code-lang");d.dataset.codeLang=l==="curl"?l:"typescript"}catch(e){}})();`;

export function page(shell: PageShell): string {
  const root = "../".repeat(shell.path.split("/").length - 1);
  const providerRoot = shell.current ? `${root}${shell.current.slug}/` : root;
  const crumbs = [`<a href="${root}index.html">API reference</a>`];
  if (shell.current) crumbs.push(`<a href="${providerRoot}index.html">${escapeHtml(shell.current.title)}</a>`);
  const title =
    shell.current && shell.title !== shell.current.title ? `${shell.title} · ${shell.current.title}` : shell.title;
  const twin = shell.path.replace(/\.html$/, ".md");
  return `<!doctype html>
<html lang="en" data-theme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<script>${THEME_BOOT}</script>
<link rel="stylesheet" href="${root}assets/style.css">
<link rel="stylesheet" href="${root}assets/highlight.css">
<link rel="alternate" type="text/markdown" href="${escapeHtml(twin.slice(twin.lastIndexOf("/") + 1))}">
<script defer src="${root}assets/minisearch.js"></script>
<script defer src="${root}assets/search-index.js"></script>
<script defer src="${root}assets/site.js"></script>
</head>
<body data-root="${root}">
<a class="skip" href="#content">Skip to content</a>
<header class="topbar">
<button type="button" class="menu-toggle" aria-expanded="false" aria-controls="sidebar">Menu</button>
<nav aria-label="Breadcrumb" class="crumbs">${crumbs.join(' <span aria-hidden="true">/</span> ')}</nav>
<div class="search" role="search">
<label for="search-input" class="visually-hidden">Search all APIs</label>
<input id="search-input" type="search" placeholder="Search operations, models…" autocomplete="off" aria-controls="search-results" aria-describedby="search-status">
<p id="search-status" class="visually-hidden" aria-live="polite"></p>
<ul id="search-results" class="search-results" hidden></ul>
</div>
<button type="button" class="theme-toggle" aria-pressed="false">Dark theme</button>
</header>
<div class="layout">
<nav class="sidebar" id="sidebar" aria-label="Site">
${shell.current ? providerNav(shell.current, providerRoot, shell.path) : ""}
${providersNav(shell.providers, root, shell.current)}
</nav>
<main class="content" id="content">
${shell.body}
<p class="twin"><a href="${escapeHtml(twin.slice(twin.lastIndexOf("/") + 1))}">This page as markdown</a></p>
</main>
</div>
</body>
</html>
`;
}

function badge(method: string | undefined): string {
  return method ? `<span class="method method-${escapeHtml(method.toLowerCase())}">${escapeHtml(method)}</span> ` : "";
}

function providerNav(p: ProviderNav, base: string, current: string): string {
  const here = (file: string) => (`${p.slug}/${file}` === current ? ' aria-current="page"' : "");
  const list = (items: string[]) => (items.length === 0 ? "" : `<ul>\n${items.join("\n")}\n</ul>`);
  const overview = list(
    p.sections.map((s) => `<li><a href="${base}index.html#${escapeHtml(s.id)}">${escapeHtml(s.text)}</a></li>`),
  );
  const tags = list(
    p.tags.map(
      (t) =>
        `<li><a href="${base}${t.file}"${here(t.file)}>${escapeHtml(t.title)}</a>${list(
          t.operations.map(
            (o) =>
              `<li><a href="${base}${t.file}#${escapeHtml(o.id)}">${badge(o.method)}${escapeHtml(o.text)}</a></li>`,
          ),
        )}</li>`,
    ),
  );
  const models = list(
    p.models.map((m) => `<li><a href="${base}${m.file}"${here(m.file)}>${escapeHtml(m.title)}</a></li>`),
  );
  const changelog = p.hasChangelog
    ? `<li><a href="${base}changelog.html"${here("changelog.html")}>Changelog</a></li>`
    : "";
  return `<section class="nav-provider">
<h2><a href="${base}index.html"${here("index.html")}>${escapeHtml(p.title)}</a></h2>
<p class="versions">Package <code>${escapeHtml(p.version)}</code> · API <code>${escapeHtml(p.apiVersion)}</code></p>
<ul class="downloads">
${changelog}
<li><a href="${base}openapi.json" download>openapi.json</a></li>
<li><a href="${base}llms.txt">llms.txt</a></li>
</ul>
<h3>Overview</h3>
${overview}
<h3>Tags</h3>
${tags}
<h3>Models</h3>
${models}
</section>`;
}

function providersNav(providers: ProviderNav[], root: string, current: ProviderNav | undefined): string {
  const items = providers.map(
    (p) =>
      `<li><a href="${root}${p.slug}/index.html"${p === current ? ' class="current"' : ""}>${escapeHtml(p.title)}</a></li>`,
  );
  return `<section class="nav-providers">
<h3>All APIs</h3>
<ul>
${items.join("\n")}
</ul>
</section>`;
}

/** The site's front page: one entry per provider. */
export function indexBody(providers: ProviderNav[]): string {
  const cards = providers.map(
    (p) => `<li class="card">
<h2><a href="${p.slug}/index.html">${escapeHtml(p.title)}</a></h2>
<p class="package"><code>${escapeHtml(p.packageName)}</code> <span class="version">v${escapeHtml(p.version)}</span></p>
<p>${escapeHtml(p.lead)}</p>
<p class="counts">${plural(
      p.tags.reduce((n, t) => n + t.operations.length, 0),
      "operation",
    )} · ${plural(p.tags.length, "tag")} · ${plural(p.models.length, "model")}</p>
</li>`,
  );
  return `<h1>API reference</h1>
<p>Typed fetch clients generated from OpenAPI descriptions, one npm package per API. Pick an API to see how to install and call it, every operation and every model. For AI tools: <a href="llms.txt">llms.txt</a> and <a href="llms-full.txt">llms-full.txt</a>.</p>
<ul class="cards">
${cards.join("\n")}
</ul>`;
}
