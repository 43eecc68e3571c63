/**
 * `npm run docs:site`: renders every generated package's markdown docs
 * (generated/<provider>/docs/) into one static HTML site in docs-site/, with
 * an index across providers, a sidebar per provider (version, changelog,
 * openapi.json, overview, tags and their operations, models), code
 * highlighting, `.md` links rewritten to `.html`, and offline full-text
 * search (a MiniSearch index built here, loaded as a script). Beside each
 * HTML page sits its markdown twin (`x.html` and `x.md`), and the site and
 * each provider have `llms.txt` and `llms-full.txt`. Everything the pages
 * load is local.
 *
 * A tool of its own: it reads generated packages and shapes none of them.
 *
 *   tsx site/build.ts [--generated <dir>] [--out <dir>]
 */
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import MiniSearch from "minisearch";
import { type ProviderNav, indexBody, page, plural } from "./layout.ts";
import { type RenderedPage, renderMarkdown } from "./render.ts";

const SITE_DIR = import.meta.dirname;
const ROOT = join(SITE_DIR, "..");

export interface SiteOptions {
  generatedDir?: string;
  outDir?: string;
}

export interface SiteResult {
  outDir: string;
  providers: string[];
  pages: number;
}

interface SourcePage {
  /** Path under the provider's docs folder, e.g. `tags/session.md`. */
  file: string;
  markdown: string;
  rendered: RenderedPage;
}

interface Provider {
  nav: ProviderNav;
  pages: SourcePage[];
  dir: string;
  changelog: string | undefined;
}

export async function buildSite(options: SiteOptions = {}): Promise<SiteResult> {
  const generatedDir = resolve(options.generatedDir ?? join(ROOT, "generated"));
  const outDir = resolve(options.outDir ?? join(ROOT, "docs-site"));
  const providers: Provider[] = [];
  for (const slug of (await readdir(generatedDir)).sort()) {
    const dir = join(generatedDir, slug);
    const docs = join(dir, "docs");
    const files = await markdownFiles(docs);
    if (!files.includes("README.md")) continue;
    const pages: SourcePage[] = [];
    for (const file of files) {
      const markdown = await readFile(join(docs, file), "utf8");
      pages.push({ file, markdown, rendered: renderMarkdown(markdown) });
    }
    const changelog = await readFile(join(dir, "CHANGELOG.md"), "utf8").catch(() => undefined);
    providers.push({ nav: navOf(slug, await packageInfo(dir), pages, changelog !== undefined), pages, dir, changelog });
  }
  if (providers.length === 0) throw new Error(`no generated docs under ${generatedDir} (run npm run generate first)`);

  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, "assets"), { recursive: true });
  const require = createRequire(import.meta.url);
  await writeFile(join(outDir, "assets", "style.css"), await readFile(join(SITE_DIR, "style.css"), "utf8"));
  await writeFile(join(outDir, "assets", "site.js"), await readFile(join(SITE_DIR, "client.js"), "utf8"));
  await writeFile(
    join(outDir, "assets", "minisearch.js"),
    await readFile(join(dirname(require.resolve("minisearch")), "..", "umd", "index.js"), "utf8"),
  );
  await writeFile(join(outDir, "assets", "highlight.css"), await highlightCss());
  await writeFile(join(outDir, "assets", "search-index.js"), searchIndex(providers));

  const all = providers.map((p) => p.nav);
  let count = 0;
  const write = async (path: string, html: string) => {
    await mkdir(dirname(join(outDir, path)), { recursive: true });
    await writeFile(join(outDir, path), html);
    count++;
  };
  const copy = async (path: string, text: string) => {
    await mkdir(dirname(join(outDir, path)), { recursive: true });
    await writeFile(join(outDir, path), text);
  };
  await write(
    "index.html",
    page({ path: "index.html", title: "API reference", body: indexBody(all), providers: all, current: undefined }),
  );
  await copy("index.md", indexMarkdown(all));
  await copy("llms.txt", siteLlms(all));
  const full: string[] = [];
  for (const { nav, pages, dir, changelog } of providers) {
    for (const p of pages) {
      const file = p.file === "README.md" ? "index.md" : p.file;
      const path = `${nav.slug}/${file.replace(/\.md$/, ".html")}`;
      await write(path, page({ path, title: p.rendered.title, body: p.rendered.html, providers: all, current: nav }));
      // The twin: the same markdown, beside the HTML. Its links name .md files, which are all here too.
      await copy(`${nav.slug}/${file}`, p.markdown);
      if (p.file === "README.md") await copy(`${nav.slug}/README.md`, p.markdown);
    }
    if (changelog !== undefined) {
      const rendered = renderMarkdown(changelog);
      await write(
        `${nav.slug}/changelog.html`,
        page({
          path: `${nav.slug}/changelog.html`,
          title: rendered.title || "Changelog",
          body: rendered.html,
          providers: all,
          current: nav,
        }),
      );
      await copy(`${nav.slug}/changelog.md`, changelog);
    }
    await copy(`${nav.slug}/openapi.json`, await readFile(join(dir, "openapi.json"), "utf8"));
    for (const name of ["llms.txt", "llms-full.txt"]) {
      const text = await readFile(join(dir, "docs", name), "utf8").catch(() => undefined);
      if (text !== undefined) await copy(`${nav.slug}/${name}`, text);
      if (text !== undefined && name === "llms-full.txt") full.push(text);
    }
  }
  await copy("llms-full.txt", full.join("\n"));
  return { outDir, providers: all.map((p) => p.slug), pages: count };
}

async function markdownFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && e.name.endsWith(".md"))
      .map((e) => relative(dir, join(e.parentPath, e.name)).split("\\").join("/"))
      .sort();
  } catch {
    return [];
  }
}

interface PackageInfo {
  name: string;
  version: string;
  apiVersion: string;
}

async function packageInfo(dir: string): Promise<PackageInfo> {
  const read = async (file: string): Promise<Record<string, unknown>> => {
    try {
      return JSON.parse(await readFile(join(dir, file), "utf8")) as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  const [pkg, spec] = await Promise.all([read("package.json"), read("openapi.json")]);
  const info = (spec.info ?? {}) as Record<string, unknown>;
  return { name: String(pkg.name ?? ""), version: String(pkg.version ?? ""), apiVersion: String(info.version ?? "") };
}

function navOf(slug: string, pkg: PackageInfo, pages: SourcePage[], hasChangelog: boolean): ProviderNav {
  const readme = pages.find((p) => p.file === "README.md")!.rendered;
  const under = (folder: string) => pages.filter((p) => p.file.startsWith(`${folder}/`));
  return {
    slug,
    title: readme.title || slug,
    packageName: pkg.name,
    version: pkg.version,
    apiVersion: pkg.apiVersion,
    hasChangelog,
    lead: readme.lead,
    sections: readme.headings.filter((h) => h.level === 2),
    tags: under("tags").map((p) => ({
      title: p.rendered.title,
      file: p.file.replace(/\.md$/, ".html"),
      operations: p.rendered.headings.filter((h) => h.level === 2),
    })),
    models: under("models")
      .map((p) => ({ title: p.rendered.title, file: p.file.replace(/\.md$/, ".html") }))
      .sort((a, b) =>
        a.title.toLowerCase() < b.title.toLowerCase() ? -1 : a.title.toLowerCase() > b.title.toLowerCase() ? 1 : 0,
      ),
  };
}

/** highlight.js's GitHub themes from node_modules: light, and dark under `[data-theme="dark"]` (the toggle's choice). */
async function highlightCss(): Promise<string> {
  const styles = join(dirname(createRequire(import.meta.url).resolve("highlight.js/package.json")), "styles");
  const [light, dark] = await Promise.all([
    readFile(join(styles, "github.css"), "utf8"),
    readFile(join(styles, "github-dark.css"), "utf8"),
  ]);
  const scoped = dark.replace(/\/\*[\s\S]*?\*\//g, "").replace(
    /([^{}]+)\{/g,
    (_m, selectors: string) =>
      `${selectors
        .split(",")
        .map((s) => `[data-theme="dark"] ${s.trim()}`)
        .join(", ")} {`,
  );
  return `${light}\n${scoped}\n`;
}

const SEARCH_OPTIONS = {
  fields: ["title", "summary", "path", "text"],
  storeFields: ["title", "summary", "url", "provider", "kind", "method"],
};

interface SearchDoc {
  id: number;
  title: string;
  summary: string;
  path: string;
  text: string;
  url: string;
  provider: string;
  kind: string;
  method: string;
}

/**
 * The search index, built once here and shipped as a script (so it works
 * from `file://` too): operations (name, summary, `METHOD /path`, their
 * description), tags, models and overview sections of every provider.
 */
function searchIndex(providers: Provider[]): string {
  const docs: SearchDoc[] = [];
  const add = (d: Omit<SearchDoc, "id">) => docs.push({ id: docs.length, ...d });
  for (const { nav, pages } of providers) {
    for (const p of pages) {
      const url = `${nav.slug}/${p.file === "README.md" ? "index.html" : p.file.replace(/\.md$/, ".html")}`;
      const sections = p.markdown.split(/^## /m);
      if (p.file.startsWith("tags/")) {
        add({
          title: p.rendered.title,
          summary: plainText(p.rendered.lead),
          path: "",
          text: "",
          url,
          provider: nav.title,
          kind: "tag",
          method: "",
        });
        const operations = p.rendered.headings.filter((h) => h.level === 2);
        sections.slice(1).forEach((section, i) => {
          const heading = operations[i];
          if (!heading) return;
          const request = /^- Request: `([^`]+)`/m.exec(section)?.[1] ?? "";
          const summary =
            section
              .split("\n")
              .slice(1)
              .find((l) => l.trim() !== "" && !l.startsWith("**Deprecated")) ?? "";
          add({
            title: heading.text,
            summary: plainText(summary.startsWith("- ") ? "" : summary),
            path: request,
            text: plainText(proseOf(section)),
            url: `${url}#${heading.id}`,
            provider: nav.title,
            kind: "operation",
            method: heading.method ?? "",
          });
        });
      } else if (p.file.startsWith("models/")) {
        add({
          title: p.rendered.title,
          summary: plainText(p.rendered.lead),
          path: "",
          text: plainText(proseOf(sections[0] ?? "")),
          url,
          provider: nav.title,
          kind: "model",
          method: "",
        });
      } else {
        for (const h of p.rendered.headings.filter((x) => x.level === 2)) {
          add({
            title: h.text,
            summary: "",
            path: "",
            text: "",
            url: `${url}#${h.id}`,
            provider: nav.title,
            kind: "overview",
            method: "",
          });
        }
      }
    }
  }
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(docs);
  return `window.APIGEN_SEARCH = ${JSON.stringify({ index: JSON.stringify(index), options: SEARCH_OPTIONS })};\n`;
}

/** A section's prose: no code blocks, tables or list lines. */
function proseOf(markdown: string): string {
  return markdown
    .replace(/^(`{3,}|~{3,})[\s\S]*?^\1\s*$/gm, "")
    .split("\n")
    .filter((l) => !/^\s*(\||- |#)/.test(l))
    .join(" ")
    .slice(0, 2000);
}

function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_\\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The site index's markdown twin. */
function indexMarkdown(providers: ProviderNav[]): string {
  const lines = [
    "# API reference",
    "",
    "Typed fetch clients generated from OpenAPI descriptions, one npm package per API.",
    "",
  ];
  for (const p of providers) {
    const operations = p.tags.reduce((n, t) => n + t.operations.length, 0);
    lines.push(
      `- [${p.title.replace(/[[\]\\]/g, "\\$&")}](${p.slug}/index.md): \`${p.packageName}\` ${p.version}; ${plural(operations, "operation")}, ${plural(p.tags.length, "tag")}, ${plural(p.models.length, "model")}`,
    );
  }
  return lines.join("\n") + "\n";
}

/** The site's llms.txt: every provider, with links to its own llms.txt and pages. */
function siteLlms(providers: ProviderNav[]): string {
  const lines = [
    "# API reference",
    "",
    "> Typed TypeScript fetch clients and API references generated from OpenAPI descriptions, one npm package per API.",
    "",
  ];
  lines.push(
    "Each API has its own llms.txt (an index of its pages) and llms-full.txt (every page in one file); every HTML page has a markdown twin (`.md` beside `.html`).",
    "",
  );
  lines.push("## APIs", "");
  for (const p of providers)
    lines.push(
      `- [${p.title.replace(/[[\]\\]/g, "\\$&")}](${p.slug}/llms.txt): \`${p.packageName}\`, API version ${p.apiVersion}. ${p.lead.replace(/\s+/g, " ").slice(0, 200)}`,
    );
  lines.push("", "## Optional", "", "- [Everything in one file](llms-full.txt)");
  for (const p of providers)
    lines.push(`- [${p.title.replace(/[[\]\\]/g, "\\$&")}: openapi.json](${p.slug}/openapi.json)`);
  return lines.join("\n") + "\n";
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { generated: { type: "string" }, out: { type: "string" } } });
  const result = await buildSite({ generatedDir: values.generated, outDir: values.out });
  process.stdout.write(
    `docs site: ${result.pages} pages for ${result.providers.join(", ")} in ${relative(process.cwd(), result.outDir) || "."}\n`,
  );
}
