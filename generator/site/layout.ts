import { type Heading, escapeHtml } from "./render.ts";

/**
 * The HTML around each page of the docs site: a top bar, a sidebar with the
 * navigation of the current provider (overview sections, tags with their
 * operations, models) and the list of all providers, then the page itself.
 * Every URL is relative, so the site works from any folder or `file://`.
 */

export interface ProviderNav {
  slug: string;
  title: string;
  packageName: string;
  lead: string;
  /** The overview's sections (h2 of docs/README.md). */
  sections: Heading[];
  tags: { title: string; file: string; operations: Heading[] }[];
  models: { title: string; file: string }[];
}

export interface PageShell {
  /** Path of the page from the site root, e.g. `latitudesh/tags/vpn-sessions.html`. */
  path: string;
  title: string;
  body: string;
  providers: ProviderNav[];
  current: ProviderNav | undefined;
}

export function page(shell: PageShell): string {
  const root = "../".repeat(shell.path.split("/").length - 1);
  const providerRoot = shell.current ? `${root}${shell.current.slug}/` : root;
  const crumbs = [`<a href="${root}index.html">API reference</a>`];
  if (shell.current) crumbs.push(`<a href="${providerRoot}index.html">${escapeHtml(shell.current.title)}</a>`);
  const title = shell.current && shell.title !== shell.current.title ? `${shell.title} · ${shell.current.title}` : shell.title;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${root}assets/style.css">
<link rel="stylesheet" href="${root}assets/highlight.css">
</head>
<body>
<header class="topbar"><nav aria-label="Breadcrumb">${crumbs.join(' <span aria-hidden="true">/</span> ')}</nav></header>
<div class="layout">
<nav class="sidebar" aria-label="Site">
${shell.current ? providerNav(shell.current, providerRoot, shell.path) : ""}
${providersNav(shell.providers, root, shell.current)}
</nav>
<main class="content">
${shell.body}
</main>
</div>
</body>
</html>
`;
}

function providerNav(p: ProviderNav, base: string, current: string): string {
  const here = (file: string) => (`${p.slug}/${file}` === current ? ' aria-current="page"' : "");
  const list = (items: string[]) => (items.length === 0 ? "" : `<ul>\n${items.join("\n")}\n</ul>`);
  const overview = list(p.sections.map((s) => `<li><a href="${base}index.html#${escapeHtml(s.id)}">${escapeHtml(s.text)}</a></li>`));
  const tags = list(
    p.tags.map(
      (t) =>
        `<li><a href="${base}${t.file}"${here(t.file)}>${escapeHtml(t.title)}</a>${list(
          t.operations.map((o) => `<li><a href="${base}${t.file}#${escapeHtml(o.id)}">${escapeHtml(o.text)}</a></li>`),
        )}</li>`,
    ),
  );
  const models = list(p.models.map((m) => `<li><a href="${base}${m.file}"${here(m.file)}>${escapeHtml(m.title)}</a></li>`));
  return `<section class="nav-provider">
<h2><a href="${base}index.html"${here("index.html")}>${escapeHtml(p.title)}</a></h2>
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
    (p) => `<li><a href="${root}${p.slug}/index.html"${p === current ? ' class="current"' : ""}>${escapeHtml(p.title)}</a></li>`,
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
<p class="package"><code>${escapeHtml(p.packageName)}</code></p>
<p>${escapeHtml(p.lead)}</p>
<p class="counts">${p.tags.reduce((n, t) => n + t.operations.length, 0)} operations · ${p.tags.length} tags · ${p.models.length} models</p>
</li>`,
  );
  return `<h1>API reference</h1>
<p>Typed fetch clients generated from OpenAPI descriptions, one npm package per API. Pick an API to see how to install and call it, every operation and every model.</p>
<ul class="cards">
${cards.join("\n")}
</ul>`;
}
