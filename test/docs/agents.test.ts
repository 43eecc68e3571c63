/**
 * The agent-ready files of each generated package: `docs/llms.txt` (the
 * llmstxt.org shape: an H1, a blockquote summary, H2 sections of links that
 * all resolve, every operation listed), `docs/llms-full.txt` (every docs page,
 * verbatim) and `openapi.overlay.json` (OpenAPI Overlay 1.0 whose every
 * action targets an operation of the package's openapi.json and adds
 * TypeScript and curl `x-codeSamples`), applied as a docs tool would: targets
 * resolved with an RFC 9535 JSONPath engine, updates merged the Overlay way,
 * the result still valid OpenAPI, and each operation's samples the very
 * blocks its docs section shows.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { type JsonValue, query } from "jsonpath-rfc9535";
import { beforeAll, describe, expect, it } from "vitest";
import { HTTP_METHODS as METHODS } from "../../generator/shared/http.ts";
import { loadSpec } from "./spec.ts";
import { type DocFile, GENERATED, codeBlocks, docFiles, markdown } from "./support.ts";

let docs: DocFile[];
let providers: string[];

beforeAll(async () => {
  docs = await docFiles();
  providers = [...new Set(docs.map((d) => d.provider))];
});

describe("llms.txt", () => {
  it("has a title, a summary and sections of links that resolve, one per operation", async () => {
    for (const provider of providers) {
      const text = await readFile(join(GENERATED, provider, "docs", "llms.txt"), "utf8");
      expect(text, provider).toMatch(/^# .+\n\n> .+\n/);
      const tokens = markdown.parse(text, {});
      const h2 = tokens.filter((t, i) => t.type === "inline" && tokens[i - 1]?.tag === "h2").map((t) => t.content);
      expect(h2).toEqual(expect.arrayContaining(["Docs", "Operations"]));
      const hrefs = tokens
        .flatMap((t) => t.children ?? [])
        .filter((c) => c.type === "link_open")
        .map((c) => c.attrGet("href")!);
      for (const href of hrefs) {
        const [file = "", anchor] = href.split("#");
        const target = join(GENERATED, provider, "docs", file);
        expect(existsSync(target), `${provider} llms.txt links ${href}`).toBe(true);
        if (anchor) expect((await anchors(target)).has(anchor), `${provider} llms.txt links ${href}`).toBe(true);
      }
      const spec = await loadSpec(provider);
      expect(hrefs.filter((h) => h.startsWith("tags/") && h.includes("#")).length).toBe(spec.operations.length);
    }
  });

  it("llms-full.txt holds every docs page of the package, verbatim", async () => {
    for (const provider of providers) {
      const full = await readFile(join(GENERATED, provider, "docs", "llms-full.txt"), "utf8");
      for (const doc of docs.filter((d) => d.provider === provider))
        expect(full.includes(doc.text.trimEnd()), doc.name).toBe(true);
    }
  });
});

/** GitHub-style anchors of a markdown file's headings, as the links test reads them. */
async function anchors(file: string): Promise<Set<string>> {
  const { slug } = await import("github-slugger");
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const tokens = markdown.parse(await readFile(file, "utf8"), {});
  tokens.forEach((t, i) => {
    if (t.type !== "heading_open") return;
    const text = (tokens[i + 1]?.children ?? [])
      .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : ""))
      .join("");
    const base = slug(text);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  });
  return out;
}

describe("openapi.overlay.json", () => {
  it("is an Overlay 1.0 document adding TypeScript and curl samples to every operation", async () => {
    for (const provider of providers) {
      const overlay = JSON.parse(await readFile(join(GENERATED, provider, "openapi.overlay.json"), "utf8")) as {
        overlay: string;
        info: { title: string; version: string };
        extends: string;
        actions: { target: string; update: { "x-codeSamples": { lang: string; label: string; source: string }[] } }[];
      };
      expect(overlay.overlay).toMatch(/^1\.0\.\d+$/);
      expect(overlay.info.title.length).toBeGreaterThan(0);
      expect(existsSync(join(dirname(join(GENERATED, provider, "x")), overlay.extends))).toBe(true);
      const spec = await loadSpec(provider);
      const targets = overlay.actions.map((a) => a.target);
      expect(new Set(targets).size).toBe(targets.length);
      expect(targets.sort()).toEqual(
        spec.operations
          .map((o) => `$.paths['${o.path.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'].${o.method}`)
          .sort(),
      );
      for (const action of overlay.actions) {
        expect(action.update["x-codeSamples"].map((s) => s.lang)).toEqual(["TypeScript", "cURL"]);
        for (const sample of action.update["x-codeSamples"])
          expect(sample.source.length, action.target).toBeGreaterThan(20);
      }
    }
  });
});

type Json = Record<string, unknown>;

function isPlainObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Overlay 1.0 `update`: objects merge recursively, arrays are appended to, anything else replaces. */
function merge(target: Json, update: Json): void {
  for (const [key, value] of Object.entries(update)) {
    const current = target[key];
    if (Array.isArray(current) && Array.isArray(value)) current.push(...(value as unknown[]));
    else if (isPlainObject(current) && isPlainObject(value)) merge(current, value);
    else target[key] = structuredClone(value);
  }
}

/** Each operation's TypeScript and curl blocks on its tag page, by `METHOD /path` (its Request line). */
function docSamples(provider: string): Map<string, { ts: string[]; sh: string[] }> {
  const out = new Map<string, { ts: string[]; sh: string[] }>();
  for (const doc of docs.filter((d) => d.provider === provider && d.name.includes("/docs/tags/"))) {
    for (const section of doc.text.split(/^(?=## )/m).slice(1)) {
      const request = /^- Request: `([A-Z]+) ([^`]+)`/m.exec(section);
      if (!request) continue;
      const blocks = codeBlocks({ ...doc, text: section.split(/^### Parameters$/m)[0]! });
      out.set(`${request[1]!.toLowerCase()} ${request[2]}`, {
        ts: blocks.filter((b) => b.lang === "ts").map((b) => b.code),
        sh: blocks.filter((b) => b.lang === "sh").map((b) => b.code),
      });
    }
  }
  return out;
}

describe("openapi.overlay.json applied to openapi.json", () => {
  it("targets one operation per action (RFC 9535 JSONPath), stays valid OpenAPI, and adds the samples the docs show", async () => {
    for (const provider of providers) {
      const overlay = JSON.parse(await readFile(join(GENERATED, provider, "openapi.overlay.json"), "utf8")) as {
        actions: { target: string; update: Json }[];
      };
      const document = JSON.parse(await readFile(join(GENERATED, provider, "openapi.json"), "utf8")) as Json;
      const spec = await loadSpec(provider);
      for (const action of overlay.actions) {
        const nodes = query(document as JsonValue, action.target);
        expect(nodes.length, `${provider} ${action.target}`).toBe(1);
        const operation = nodes[0] as Json;
        expect(
          spec.operations.map((o) => o.operation),
          action.target,
        ).toContainEqual(operation);
        expect(operation["x-codeSamples"], `${action.target} has no samples of its own to append to`).toBeUndefined();
        merge(operation, action.update);
      }
      const validator = new Validator();
      const result = await validator.validate(document);
      expect(result.errors ?? [], provider).toEqual([]);

      const shown = docSamples(provider);
      let checked = 0;
      for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
        for (const method of METHODS.filter((m) => isPlainObject(item[m]))) {
          const samples = (item[method] as Json)["x-codeSamples"] as { lang: string; source: string }[];
          const blocks = shown.get(`${method} ${path}`);
          expect(blocks, `${provider} ${method} ${path} has a docs section`).toBeDefined();
          expect(
            samples.map((x) => [x.lang, `${x.source}\n`]),
            `${provider} ${method} ${path}`,
          ).toEqual([...blocks!.ts.map((code) => ["TypeScript", code]), ...blocks!.sh.map((code) => ["cURL", code])]);
          checked++;
        }
      }
      expect(checked).toBe(spec.operations.length);
    }
  }, 60_000);
});
