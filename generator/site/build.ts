/**
 * `npm run docs:site`: renders every generated package's markdown docs
 * (generated/<provider>/docs/) into one static HTML site in docs-site/, with
 * an index across providers, a sidebar per provider (overview, tags and their
 * operations, models), code highlighting and `.md` links rewritten to `.html`.
 * Everything the pages load is local: stylesheets are copied next to them.
 *
 *   tsx generator/site/build.ts [--generated <dir>] [--out <dir>]
 */
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { GENERATOR_DIR, ROOT } from "../paths.ts";
import { type ProviderNav, indexBody, page } from "./layout.ts";
import { type RenderedPage, renderMarkdown } from "./render.ts";


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
  rendered: RenderedPage;
}

export async function buildSite(options: SiteOptions = {}): Promise<SiteResult> {
  const generatedDir = resolve(options.generatedDir ?? join(ROOT, "generated"));
  const outDir = resolve(options.outDir ?? join(ROOT, "docs-site"));
  const providers: { nav: ProviderNav; pages: SourcePage[] }[] = [];
  for (const slug of (await readdir(generatedDir)).sort()) {
    const docs = join(generatedDir, slug, "docs");
    const files = await markdownFiles(docs);
    if (!files.includes("README.md")) continue;
    const pages: SourcePage[] = [];
    for (const file of files) pages.push({ file, rendered: renderMarkdown(await readFile(join(docs, file), "utf8")) });
    providers.push({ nav: navOf(slug, await packageName(join(generatedDir, slug)), pages), pages });
  }
  if (providers.length === 0) throw new Error(`no generated docs under ${generatedDir} (run npm run generate first)`);

  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, "assets"), { recursive: true });
  await writeFile(join(outDir, "assets", "style.css"), await readFile(join(GENERATOR_DIR, "site", "style.css"), "utf8"));
  await writeFile(join(outDir, "assets", "highlight.css"), await highlightCss());

  const all = providers.map((p) => p.nav);
  let count = 0;
  const write = async (path: string, html: string) => {
    await mkdir(dirname(join(outDir, path)), { recursive: true });
    await writeFile(join(outDir, path), html);
    count++;
  };
  await write("index.html", page({ path: "index.html", title: "API reference", body: indexBody(all), providers: all, current: undefined }));
  for (const { nav, pages } of providers) {
    for (const p of pages) {
      const path = `${nav.slug}/${p.file === "README.md" ? "index.html" : p.file.replace(/\.md$/, ".html")}`;
      await write(path, page({ path, title: p.rendered.title, body: p.rendered.html, providers: all, current: nav }));
    }
  }
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

async function packageName(dir: string): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as { name?: unknown };
    return typeof pkg.name === "string" ? pkg.name : "";
  } catch {
    return "";
  }
}

function navOf(slug: string, pkg: string, pages: SourcePage[]): ProviderNav {
  const readme = pages.find((p) => p.file === "README.md")!.rendered;
  const under = (folder: string) => pages.filter((p) => p.file.startsWith(`${folder}/`));
  return {
    slug,
    title: readme.title || slug,
    packageName: pkg,
    lead: readme.lead,
    sections: readme.headings.filter((h) => h.level === 2),
    tags: under("tags").map((p) => ({
      title: p.rendered.title,
      file: p.file.replace(/\.md$/, ".html"),
      operations: p.rendered.headings.filter((h) => h.level === 2),
    })),
    models: under("models")
      .map((p) => ({ title: p.rendered.title, file: p.file.replace(/\.md$/, ".html") }))
      .sort((a, b) => (a.title.toLowerCase() < b.title.toLowerCase() ? -1 : a.title.toLowerCase() > b.title.toLowerCase() ? 1 : 0)),
  };
}

/** highlight.js's GitHub themes from node_modules: light, and dark when the reader's system asks for it. */
async function highlightCss(): Promise<string> {
  const styles = join(dirname(createRequire(import.meta.url).resolve("highlight.js/package.json")), "styles");
  const [light, dark] = await Promise.all([readFile(join(styles, "github.css"), "utf8"), readFile(join(styles, "github-dark.css"), "utf8")]);
  return `${light}\n@media (prefers-color-scheme: dark) {\n${dark}\n}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { generated: { type: "string" }, out: { type: "string" } } });
  const result = await buildSite({ generatedDir: values.generated, outDir: values.out });
  process.stdout.write(`docs site: ${result.pages} pages for ${result.providers.join(", ")} in ${relative(process.cwd(), result.outDir) || "."}\n`);
}
