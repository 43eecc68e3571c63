/**
 * The READMEs state the runtime's defaults (time budget, redirects, retries, body limit, Node.js
 * version). They once said "no time limit" after the runtime gained one: the numbers now come from
 * the runtime's constants, and the templates may not spell one themselves.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MIN_NODE_VERSION, runtimeFacts } from "../../generator/emit/runtime-facts.ts";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../../generator/runtime/limits.ts";
import { DEFAULT_RETRY } from "../../generator/runtime/retry.ts";
import { DEFAULT_TIMEOUT_MS } from "../../generator/runtime/state.ts";
import { MAX_REDIRECTS } from "../../generator/runtime/transport.ts";
import { ROOT } from "../support/run.ts";
import { GENERATED } from "./support.ts";

const PROVIDERS = readdirSync(GENERATED, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

const read = (...parts: string[]) => readFileSync(join(GENERATED, ...parts), "utf8");

describe("what the READMEs say about the runtime", () => {
  it("the facts are the runtime's constants, in words", () => {
    const facts = runtimeFacts();
    expect(facts.timeoutMs).toBe(String(DEFAULT_TIMEOUT_MS));
    expect(facts.timeout).toBe(`${DEFAULT_TIMEOUT_MS / 1000} s`);
    expect(facts.maxRedirects).toBe(String(MAX_REDIRECTS));
    expect(facts.maxResponseBytes).toBe(`${DEFAULT_MAX_RESPONSE_BYTES / 2 ** 20} MiB`);
    expect(facts.retry.statuses.split(/, | or /).map(Number)).toEqual([...DEFAULT_RETRY.statuses]);
  });

  it.each(PROVIDERS)("%s: both READMEs quote the defaults the client applies", (provider) => {
    const facts = runtimeFacts();
    const docs = read(provider, "docs", "README.md");
    const readme = read(provider, "README.md");
    expect(docs).not.toMatch(/no time limit|Default: no limit/);
    expect(docs).toContain(`Default: ${facts.timeoutMs} (${facts.timeout})`);
    expect(docs).toContain(`A call gives up after ${facts.timeout} unless you set \`timeoutMs\``);
    expect(docs).toContain(`Redirects are followed up to ${facts.maxRedirects} times`);
    expect(docs).toContain(`Default: ${facts.maxResponseBytes}.`);
    expect(readme).toContain(`answers with status ${facts.retry.statuses} are retried`);
    expect(readme).toContain(`${facts.timeout} unless you set it`);
    const engines = (JSON.parse(read(provider, "package.json")) as { engines: { node: string } }).engines.node;
    expect(engines).toBe(`>=${MIN_NODE_VERSION}`);
    for (const text of [docs, readme]) expect(text).toContain(`Node.js ${MIN_NODE_VERSION} or later`);
  });

  it("no template spells a runtime default itself", () => {
    const dir = join(ROOT, "templates");
    const templates = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.name.endsWith(".hbs"));
    expect(templates.length).toBeGreaterThan(5);
    const spelled = [
      /\b\d+(\.\d+)? ?(ms|s|seconds?|MiB|KiB|MB|times)\b/, // durations, sizes, redirect counts
      /\b(429|50[0-4])\b/, // retried statuses
      /Node(\.js)? \d/, // the oldest Node.js
    ];
    for (const entry of templates) {
      const text = readFileSync(join(entry.parentPath, entry.name), "utf8");
      // Only prose: code in templates (testing.ts.hbs mock status logic) is logic, not a claim.
      if (!entry.name.endsWith(".md.hbs")) continue;
      for (const pattern of spelled) expect(text, `${entry.name} ${pattern}`).not.toMatch(pattern);
    }
  });
});
