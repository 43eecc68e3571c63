/**
 * The docs site as a reader uses it: built into a temp folder, served on
 * 127.0.0.1, opened in headless Debian chromium through playwright-core. From
 * the site index to a provider, on to an operation on its tag page, and on to
 * the model its call returns, checking what is on screen at each step and
 * that nothing is fetched from anywhere but the local server.
 *
 * Skipped (with a message) only when /usr/bin/chromium is missing outside CI;
 * in CI (`CI` set) a missing browser fails the test.
 */
import { existsSync } from "node:fs";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { type Server, createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../site/build.ts";
import { GENERATED, docFiles } from "./support.ts";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) {
  console.warn(`site.test.ts: skipped, ${CHROMIUM} is not installed (apt-get install -y chromium); CI runs it.`);
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8" };

/** An operation whose Returns line links a model, found in the markdown: what the reader should reach. */
interface Route {
  provider: string;
  providerTitle: string;
  operation: string;
  model: string;
}

async function pickRoute(): Promise<Route> {
  const docs = await docFiles();
  for (const readme of docs.filter((d) => d.name.endsWith("docs/README.md"))) {
    const providerTitle = /^# (.*)$/m.exec(readme.text)![1]!;
    for (const tag of docs.filter((d) => d.provider === readme.provider && d.name.includes("/docs/tags/"))) {
      for (const section of tag.text.split(/^## /m).slice(1)) {
        const returns = /^- Returns: .*?\[([^\]]+)\]\(\.\.\/models\//m.exec(section);
        if (returns) return { provider: readme.provider, providerTitle, operation: section.split("\n")[0]!.trim(), model: returns[1]!.replace(/\\/g, "") };
      }
    }
  }
  throw new Error("no operation in the generated docs returns a named model");
}

let siteDir: string;
let server: Server;
let base: string;
let browser: Browser;
let page: Page;
let route: Route;
const requests: string[] = [];

describe.skipIf(!available && !process.env.CI)("docs site in a browser", () => {
  beforeAll(async () => {
    route = await pickRoute();
    siteDir = await mkdtemp(join(tmpdir(), "apigen-docs-site-"));
    await buildSite({ generatedDir: GENERATED, outDir: siteDir });
    server = createServer(async (req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^[/\\]+/, "");
      const file = join(siteDir, path === "" ? "index.html" : path);
      if (!file.startsWith(siteDir + sep)) return void res.writeHead(403).end();
      try {
        const body = await readFile(file);
        res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
      } catch {
        res.writeHead(404).end("not found");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("request", (r) => requests.push(r.url()));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (siteDir) await rm(siteDir, { recursive: true, force: true });
  });

  async function inViewport(selector: string): Promise<boolean> {
    const box = await page.locator(selector).boundingBox();
    return box !== null && box.y >= 0 && box.y < 900;
  }

  it("walks from the index to an operation and on to the model it returns", async () => {
    // The index lists every provider.
    await page.goto(`${base}/index.html`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("API reference");
    const cards = page.locator("main .card h2 a");
    expect(await cards.count()).toBe(new Set((await docFiles()).map((d) => d.provider)).size);

    // Into one provider's overview.
    await page.locator("main .card h2 a", { hasText: route.providerTitle }).first().click();
    await page.waitForURL(`**/${route.provider}/index.html`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(route.providerTitle);
    expect(await page.getByRole("heading", { name: "Install", level: 2 }).isVisible()).toBe(true);

    // From the operations table to the operation on its tag page.
    await page.locator("main table a", { hasText: new RegExp(`^${route.operation}$`) }).first().click();
    await page.waitForURL(new RegExp(`/${route.provider}/tags/[^/]+\\.html#${route.operation.toLowerCase()}$`));
    const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const heading = page.locator(`h2[id="${anchor}"]`);
    expect(await heading.textContent()).toBe(route.operation);
    expect(await inViewport(`h2[id="${anchor}"]`)).toBe(true);

    // The section shows the call, a highlighted example and its tables.
    const section = page.locator(`h2[id="${anchor}"] ~ *`);
    const text = (await section.allInnerTexts()).join("\n");
    expect(text).toContain(`.${route.operation}(`);
    expect(await page.locator("pre.hljs code.language-ts .hljs-keyword").count()).toBeGreaterThan(0);
    expect(text).toMatch(/Status/);

    // On to the returned model, through the link in the Returns line.
    const returns = page.locator(`h2[id="${anchor}"] ~ ul li`, { hasText: /^Returns:/ }).first();
    await returns.getByRole("link", { name: route.model, exact: true }).click();
    await page.waitForURL(`**/${route.provider}/models/*.html`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(route.model);
    expect(await page.getByRole("heading", { name: "TypeScript", level: 2 }).isVisible()).toBe(true);
    expect(await page.locator("main").innerText()).toMatch(/Type:/);

    // The sidebar leads back to the provider's tags, models and to every other provider.
    const sidebar = page.locator("nav.sidebar");
    expect(await sidebar.getByRole("link", { name: route.providerTitle, exact: true }).first().isVisible()).toBe(true);
    expect(await sidebar.locator(`a[aria-current="page"]`).textContent()).toBe(route.model);
    expect(await sidebar.getByRole("link", { name: route.operation, exact: true }).count()).toBeGreaterThan(0);
  });

  it("loads nothing from outside the local server", () => {
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);
  });
});
