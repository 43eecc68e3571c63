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
import { extname, join, normalize, relative, sep } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../site/build.ts";
import { GENERATED, docFiles } from "./support.ts";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) {
  console.warn(`site.test.ts: skipped, ${CHROMIUM} is not installed (apt-get install -y chromium); CI runs it.`);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
};
const AXE = join(import.meta.dirname, "..", "..", "node_modules", "axe-core", "axe.min.js");

/** An operation whose Returns line links a model, found in the markdown: what the reader should reach. */
interface Route {
  provider: string;
  providerTitle: string;
  operation: string;
  model: string;
  /** A word of the operation's summary that a reader might search for. */
  word: string;
}

async function pickRoute(): Promise<Route> {
  const docs = await docFiles();
  for (const readme of docs.filter((d) => d.name.endsWith("docs/README.md"))) {
    const providerTitle = /^# (.*)$/m.exec(readme.text)![1]!;
    for (const tag of docs.filter((d) => d.provider === readme.provider && d.name.includes("/docs/tags/"))) {
      for (const section of tag.text.split(/^## /m).slice(1)) {
        const returns = /^- Returns: .*?\[([^\]]+)\]\(\.\.\/models\//m.exec(section);
        const summary =
          section
            .split("\n")
            .slice(1)
            .find((l) => l.trim() !== "" && !l.startsWith("**")) ?? "";
        const word = summary
          .split(/\W+/)
          .filter((w) => w.length >= 4)
          .sort((a, b) => b.length - a.length)[0];
        if (returns && word)
          return {
            provider: readme.provider,
            providerTitle,
            operation: section.split("\n")[0]!.trim(),
            model: returns[1]!.replace(/\\/g, ""),
            word,
          };
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
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      permissions: ["clipboard-read", "clipboard-write"],
    });
    page = await context.newPage();
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
    await page
      .locator("main table a", { hasText: new RegExp(`^${route.operation}$`) })
      .first()
      .click();
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
    // Operation links carry their method badge: "GET getThing".
    expect(
      await sidebar.getByRole("link", { name: new RegExp(`^[A-Z]+ ${route.operation}$`) }).count(),
    ).toBeGreaterThan(0);
  });

  it("loads nothing from outside the local server", async () => {
    // Every page kind loaded here, whichever tests ran before (the run shuffles their order); then
    // everything any test of this file loaded so far.
    const before = requests.length;
    for (const path of await pageKinds()) await page.goto(`${base}/${path}`, { waitUntil: "networkidle" });
    expect(requests.length - before).toBeGreaterThan(5);
    expect(requests.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);
  });

  /** `<generated>/<provider>/docs/tags/x.md` -> `<provider>/tags/x.html` (wherever the checkout is, even a folder named docs). */
  function sitePath(file: string): string {
    const [provider, , ...rest] = relative(GENERATED, file).split(sep);
    return `${provider}/${rest.join("/").replace(/\.md$/, ".html")}`;
  }

  /** A page of each kind: the site index, a provider overview, a tag page, a model page, a changelog. */
  async function pageKinds(): Promise<string[]> {
    const docs = await docFiles(GENERATED);
    const tag = docs.find((d) => d.provider === route.provider && d.name.includes("/docs/tags/"))!;
    const model = docs.find((d) => d.provider === route.provider && d.name.includes("/docs/models/"))!;
    const html = (d: { path: string }) => sitePath(d.path).slice(route.provider.length + 1);
    return [
      "index.html",
      `${route.provider}/index.html`,
      `${route.provider}/${html(tag)}`,
      `${route.provider}/${html(model)}`,
      `${route.provider}/changelog.html`,
    ];
  }

  it("search finds an operation by a word of its summary and opens it, offline", async () => {
    await page.goto(`${base}/index.html`);
    await page.getByRole("searchbox", { name: "Search all APIs" }).fill(route.word.toLowerCase());
    const hit = page.locator("#search-results a", { hasText: route.operation }).first();
    await hit.waitFor();
    await hit.click();
    await page.waitForURL(new RegExp(`/${route.provider}/tags/[^/]+\\.html#`));
    const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`h2[id="${anchor}"]`).textContent()).toBe(route.operation);
  });

  it("search shows a model with its own first sentence, not the breadcrumb above it", async () => {
    const dir = join(GENERATED, "latitudesh", "docs", "models");
    const page0 = await readFile(join(dir, "region-resource-data.md"), "utf8");
    const [title, breadcrumb, lead] = page0.split("\n\n");
    expect(breadcrumb).toMatch(/^\[API overview\]/);
    await page.goto(`${base}/index.html`);
    await page.getByRole("searchbox", { name: "Search all APIs" }).fill(title!.replace(/^# /, ""));
    const hit = page.locator("#search-results li", { hasText: title!.replace(/^# /, "") }).first();
    await hit.waitFor();
    const text = await hit.textContent();
    expect(text).toContain(lead!.trim());
    expect(text).not.toContain("API overview");
  });

  it("at 390 px nothing overflows, the text starts near the top and the menu opens", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const path of await pageKinds()) {
        await page.goto(`${base}/${path}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(390);
        const h1 = await page.locator("main h1").boundingBox();
        expect(h1!.y, path).toBeLessThan(250);
        const menu = page.getByRole("button", { name: "Menu" });
        if (path === "index.html") continue;
        expect(await page.locator("nav.sidebar").isVisible()).toBe(false);
        await menu.click();
        expect(await menu.getAttribute("aria-expanded")).toBe("true");
        expect(
          await page
            .locator("nav.sidebar")
            .getByRole("link", { name: route.providerTitle, exact: true })
            .first()
            .isVisible(),
        ).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("the light/dark toggle switches the theme and remembers it", async () => {
    await page.goto(`${base}/${route.provider}/index.html`);
    await page.evaluate(() => localStorage.removeItem("apigen-theme"));
    await page.reload();
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const before = await theme();
    const colour = await background();
    await page.getByRole("button", { name: "Dark theme" }).click();
    const after = await theme();
    expect(after).not.toBe(before);
    expect(await background()).not.toBe(colour);
    await page.goto(`${base}/index.html`);
    expect(await theme()).toBe(after);
    await page.evaluate(() => localStorage.removeItem("apigen-theme"));
  });

  it("copy buttons put the code on the clipboard", async () => {
    const [, , tagPage] = await pageKinds();
    await page.goto(`${base}/${tagPage}`);
    await page.evaluate(() => localStorage.removeItem("apigen-code-lang"));
    await page.reload();
    const block = page.locator(".code-block:visible").first();
    const code = await block.locator("pre code").textContent();
    await block.getByRole("button", { name: "Copy code" }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    expect(code).toContain("import");
  });

  /** The tag pages of the route's provider, as site paths. */
  async function tagPages(): Promise<string[]> {
    return (await docFiles(GENERATED))
      .filter((d) => d.provider === route.provider && d.name.includes("/docs/tags/"))
      .map((d) => sitePath(d.path));
  }

  /** What each operation's sample tabs show: the selected tab's name and the visible sample's first word, per group. */
  async function samplesShown(): Promise<{ selected: string; code: string }[]> {
    return page.locator('.code-tabs[data-tabs="language"]').evaluateAll((groups) =>
      groups.map((g) => {
        const visible = [...g.querySelectorAll<HTMLElement>(".code-tab")].filter(
          (p) => !p.hidden && p.offsetHeight > 0,
        );
        return {
          selected: g.querySelector('[role="tab"][aria-selected="true"]')?.textContent ?? "",
          code: visible.map((p) => (p.querySelector("pre code")?.textContent ?? "").split(/\s/)[0]).join(","),
        };
      }),
    );
  }

  it("shows each operation's samples as TypeScript / curl tabs, one choice for the page, remembered across pages", async () => {
    const [first, second] = await tagPages();
    await page.goto(`${base}/${first}`);
    await page.evaluate(() => localStorage.removeItem("apigen-code-lang"));
    try {
      await page.reload();
      const operations = (await readFile(join(siteDir, first!.replace(/\.html$/, ".md")), "utf8")).match(/^## /gm)!;
      const tablist = page.getByRole("tablist", { name: "Code sample language" }).first();
      expect(await tablist.getByRole("tab").allTextContents()).toEqual(["TypeScript", "curl"]);
      expect(await samplesShown()).toEqual(operations.map(() => ({ selected: "TypeScript", code: "import" })));

      // Clicking curl in one operation shows curl in all of them.
      await page.getByRole("tab", { name: "curl" }).last().click();
      expect(await samplesShown()).toEqual(operations.map(() => ({ selected: "curl", code: "curl" })));

      // Its copy button copies the curl command the reader sees.
      const panel = page.getByRole("tabpanel").filter({ visible: true }).first();
      const command = await panel.locator("pre code").textContent();
      await panel.getByRole("button", { name: "Copy code" }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(command);
      expect(command).toMatch(/^curl --request [A-Z]+ /);

      // The choice survives a reload and holds on another page.
      await page.reload();
      expect((await samplesShown()).every((s) => s.selected === "curl" && s.code === "curl")).toBe(true);
      await page.goto(`${base}/${second ?? first}`);
      const other = await samplesShown();
      expect(other.length).toBeGreaterThan(0);
      expect(other.every((s) => s.selected === "curl" && s.code === "curl")).toBe(true);
    } finally {
      await page.evaluate(() => localStorage.removeItem("apigen-code-lang"));
    }
  });

  it("sample tabs follow the ARIA tabs pattern and work from the keyboard", async () => {
    const [first] = await tagPages();
    await page.goto(`${base}/${first}`);
    await page.evaluate(() => localStorage.removeItem("apigen-code-lang"));
    try {
      await page.reload();
      const tabs = page.getByRole("tablist", { name: "Code sample language" }).first().getByRole("tab");
      const [ts, curl] = [tabs.nth(0), tabs.nth(1)];
      expect(await ts.getAttribute("aria-selected")).toBe("true");
      expect(await ts.getAttribute("tabindex")).toBe("0");
      expect(await curl.getAttribute("tabindex")).toBe("-1");
      const controlled = page.locator(`[id="${await curl.getAttribute("aria-controls")}"]`);
      expect(await controlled.getAttribute("role")).toBe("tabpanel");
      expect(await controlled.getAttribute("aria-labelledby")).toBe(await curl.getAttribute("id"));
      expect(await controlled.isVisible()).toBe(false);

      await ts.focus();
      await page.keyboard.press("ArrowRight");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("curl");
      expect(await curl.getAttribute("aria-selected")).toBe("true");
      expect(await controlled.isVisible()).toBe(true);
      await page.keyboard.press("ArrowRight");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("TypeScript");
      await page.keyboard.press("End");
      expect(await curl.getAttribute("aria-selected")).toBe("true");
      await page.keyboard.press("ArrowLeft");
      expect(await ts.getAttribute("aria-selected")).toBe("true");
      expect(await controlled.isVisible()).toBe(false);
    } finally {
      await page.evaluate(() => localStorage.removeItem("apigen-code-lang"));
    }
  });

  it("without JavaScript, every sample is shown under its heading", async () => {
    const [first] = await tagPages();
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      const plain = await context.newPage();
      await plain.goto(`${base}/${first}`);
      expect(await plain.getByRole("tab").count()).toBe(0);
      const groups = plain.locator('.code-tabs[data-tabs="language"]');
      expect(await groups.count()).toBeGreaterThan(0);
      for (const name of ["Example", "curl"])
        expect(await plain.getByRole("heading", { name, level: 3 }).first().isVisible()).toBe(true);
      expect(
        await groups
          .first()
          .locator("pre")
          .evaluateAll((p) => p.map((e) => (e as HTMLElement).offsetHeight > 0)),
      ).toEqual([true, true]);
    } finally {
      await context.close();
    }
  });

  it("shows an operation's response samples as one tab per status, each operation on its own", async () => {
    // An operation whose responses are all JSON samples, at least two of them.
    const responses = (section: string) => ({
      statuses: [...section.matchAll(/^#### Response (\S+)$/gm)].map((m) => m[1]!),
      bodies: [...section.matchAll(/^#### Response \S+\n\n```json\n([\s\S]*?)```$/gm)].map((m) => m[1]!),
    });
    const tags = (await docFiles(GENERATED)).filter((d) => d.name.includes("/docs/tags/"));
    const picked = tags
      .flatMap((doc) => doc.text.split(/^## /m).map((section) => ({ doc, section, ...responses(section) })))
      .find((x) => x.bodies.length >= 2 && x.bodies.length === x.statuses.length)!;
    const { doc, section, statuses, bodies } = picked;
    await page.goto(`${base}/${sitePath(doc.path)}`);
    await page.evaluate(() => localStorage.removeItem("apigen-code-lang"));
    await page.reload();
    const groups = page.getByRole("tablist", { name: "Response status" });
    const operation = page.locator("main h2", { hasText: new RegExp(`^${section.split("\n")[0]!.trim()}$`) });
    const group = operation.locator("xpath=following-sibling::div[@data-tabs='response'][1]");
    expect(await group.getByRole("tab").allTextContents()).toEqual(statuses);
    const visibleCode = () =>
      group.getByRole("tabpanel").filter({ visible: true }).locator("pre code").allTextContents();
    expect(await visibleCode()).toEqual([bodies[0]]);
    const others = async () =>
      await groups.evaluateAll((lists) => lists.map((l) => l.querySelector('[aria-selected="true"]')!.textContent));
    const before = await others();
    await group.getByRole("tab", { name: statuses[1], exact: true }).click();
    expect(await visibleCode()).toEqual([bodies[1]]);
    // Only this operation's responses switched; the language choice was not touched.
    const after = await others();
    expect(after.filter((x, i) => x !== before[i])).toEqual([statuses[1]]);
    expect(await page.evaluate(() => localStorage.getItem("apigen-code-lang"))).toBeNull();
    await page.addScriptTag({ path: AXE });
    const serious = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } })
        .axe;
      return (await axe.run()).violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => v.id);
    });
    expect(serious).toEqual([]);
  });

  it("keeps a response that refers to JSON shown elsewhere as its status's tab", async () => {
    // An operation with two responses or more, one written as a sentence ("The same JSON as the `400` response.").
    const tags = (await docFiles(GENERATED)).filter((d) => d.name.includes("/docs/tags/"));
    const picked = tags
      .flatMap((doc) => doc.text.split(/^## /m).map((section) => ({ doc, section })))
      .map((x) => ({ ...x, m: /^#### Response (\S+)\n\n(The same JSON as .*)$/m.exec(x.section) }))
      .find((x) => x.m !== null && x.section.split("\n#### Response ").length > 2)!;
    const [, status, sentence] = picked.m!;
    await page.goto(`${base}/${sitePath(picked.doc.path)}`);
    const operation = page.locator("main h2", { hasText: new RegExp(`^${picked.section.split("\n")[0]!.trim()}$`) });
    const group = operation.locator("xpath=following-sibling::div[@data-tabs='response'][1]");
    expect(await group.getByRole("tab").allTextContents()).toContain(status);
    await group.getByRole("tab", { name: status, exact: true }).click();
    const shown = group.getByRole("tabpanel").filter({ visible: true });
    expect((await shown.locator("p").textContent())?.replace(/\s+/g, " ")).toBe(
      sentence!.replace(/`/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1"),
    );
  });

  it("printed, a page shows every sample under its heading, tabs or not", async () => {
    const [first] = await tagPages();
    await page.goto(`${base}/${first}`);
    try {
      await page.emulateMedia({ media: "print" });
      expect(await page.getByRole("tablist").first().isVisible()).toBe(false);
      const group = page.locator('.code-tabs[data-tabs="language"]').first();
      expect(await group.locator("pre").evaluateAll((p) => p.map((e) => (e as HTMLElement).offsetHeight > 0))).toEqual([
        true,
        true,
      ]);
      const headings = group.locator("h3");
      expect(await headings.evaluateAll((h) => h.map((e) => (e as HTMLElement).offsetWidth > 1))).toEqual([true, true]);
    } finally {
      await page.emulateMedia({ media: null });
    }
  });

  it("a link to a sample's heading shows that sample", async () => {
    const [first] = await tagPages();
    await page.goto(`${base}/${first}`);
    await page.evaluate(() => localStorage.removeItem("apigen-code-lang"));
    await page.goto(`${base}/${first}#curl`);
    expect(await page.locator('[id="curl"]').evaluate((h) => h.closest<HTMLElement>(".code-tab")!.hidden)).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem("apigen-code-lang"))).toBeNull();
  });

  it("headings have permalinks, operations method badges, and each provider its version, changelog and openapi.json", async () => {
    const [, overview, tagPage] = await pageKinds();
    await page.goto(`${base}/${tagPage}`);
    const h2 = page.locator("main h2").first();
    const id = await h2.getAttribute("id");
    expect(await h2.locator("a.permalink").getAttribute("href")).toBe(`#${id}`);
    expect(await page.locator("main .method").count()).toBeGreaterThan(0);
    await page.goto(`${base}/${overview}`);
    const pkg = JSON.parse(await readFile(join(GENERATED, route.provider, "package.json"), "utf8")) as {
      version: string;
    };
    expect(await page.locator("nav.sidebar .versions").innerText()).toContain(pkg.version);
    const download = await fetch(
      `${base}/${route.provider}/${await page.getByRole("link", { name: "openapi.json" }).getAttribute("href")}`,
    );
    expect(((await download.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    await page.getByRole("link", { name: "Changelog" }).click();
    await page.waitForURL(`**/${route.provider}/changelog.html`);
    expect(await page.locator("main").innerText()).toContain(pkg.version);
  });

  it("says 1 tag, 2 models: counts agree with their nouns", async () => {
    await page.goto(`${base}/index.html`);
    for (const counts of await page.locator(".card .counts").allInnerTexts()) {
      for (const m of counts.matchAll(/(\d+) (\w+)/g)) expect(m[2]!.endsWith("s"), counts).toBe(m[1] !== "1");
    }
  });

  it("serves a markdown twin beside each page and llms.txt for the site and each provider", async () => {
    const [, overview, tagPage] = await pageKinds();
    const twin = await fetch(`${base}/${tagPage!.replace(/\.html$/, ".md")}`);
    expect(twin.status).toBe(200);
    expect(await twin.text()).toMatch(/^# /);
    expect((await fetch(`${base}/${overview!.replace(/\.html$/, ".md")}`)).status).toBe(200);
    const llms = await (await fetch(`${base}/llms.txt`)).text();
    expect(llms).toContain(`(${route.provider}/llms.txt)`);
    const full = await (await fetch(`${base}/llms-full.txt`)).text();
    const providerFull = await (await fetch(`${base}/${route.provider}/llms-full.txt`)).text();
    expect(providerFull).toContain("\n# ");
    expect(full).toContain(providerFull);
    const providerLlms = await (await fetch(`${base}/${route.provider}/llms.txt`)).text();
    for (const [, href] of providerLlms.matchAll(/\]\(([^)#]+)/g))
      expect((await fetch(`${base}/${route.provider}/${href}`)).status, href).toBe(200);
  });

  it("axe-core finds no serious or critical accessibility violation on any page kind, in either theme", async () => {
    const found: string[] = [];
    const kinds = await pageKinds();
    // Every kind in the light theme; in the dark one, the index and a tag page (code, tables, badges) cover every colour.
    for (const [theme, paths] of [
      ["light", kinds],
      ["dark", [kinds[0]!, kinds[2]!]],
    ] as const) {
      for (const path of paths) {
        await page.goto(`${base}/${path}`);
        await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
        // In the dark theme, the sample tabs are checked with curl selected.
        if (theme === "dark" && path === kinds[2]) await page.getByRole("tab", { name: "curl" }).first().click();
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
            }
          ).axe;
          return (await axe.run()).violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
          }));
        });
        for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical"))
          found.push(`${theme} ${path}: ${v.id} (${v.impact}) at ${v.targets.join(", ")}`);
      }
    }
    await page.evaluate(() => localStorage.removeItem("apigen-code-lang"));
    expect(found).toEqual([]);
  }, 120_000);
});
