/**
 * load/reparse.ts: a watcher applies an edit inside one string value to its last parse instead of
 * parsing the whole spec again. Whatever the edit, the document must be the one a full parse of the
 * new text gives: the same values, the same node kinds, sources and ranges (error positions come from
 * them), the same line starts. Edits of every kind are chained on one parse, as a watcher's saves are.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument, visit, type Document } from "yaml";
import { parseSpecText } from "../../generator/load/load.ts";
import { YamlParses } from "../../generator/load/reparse.ts";
import { seededRandom as random } from "../support/random.ts";

const OPTIONS = { merge: true, uniqueKeys: false, prettyErrors: true, strict: true } as const;
const SPECS = join(import.meta.dirname, "..", "..", "specs");

/** Every node's kind, range, value and source, in document order: what positions and values are read from. */
function nodes(doc: Document): unknown[] {
  const seen: unknown[] = [];
  visit(doc, {
    Node(key, node) {
      const n = node as { type?: string; value?: unknown; source?: string; range?: unknown };
      const value = typeof n.value === "object" ? undefined : n.value;
      seen.push([String(key), n.type, n.range, value, n.source]);
    },
  });
  return [doc.range, seen];
}

function expectSameAsFullParse(parses: YamlParses, text: string): boolean {
  const got = parses.parse(text, OPTIONS);
  const lineCounter = new LineCounter();
  const full = parseDocument(text, { ...OPTIONS, lineCounter });
  expect(got.doc.errors.length).toBe(full.errors.length);
  if (full.errors.length === 0) {
    expect(got.doc.toJS()).toEqual(full.toJS());
    expect(nodes(got.doc)).toEqual(nodes(full));
    expect(got.lineCounter.lineStarts).toEqual(lineCounter.lineStarts);
  }
  return full.errors.length === 0;
}

const PIECES = [
  " edit",
  "x",
  "",
  ": colon",
  " # comment",
  "#hash",
  '"',
  "'",
  "''",
  '\\"',
  "\\n",
  "\n",
  "\n  more",
  "123",
  " ",
  "  ",
  "&anchor ",
  "*alias",
  "!tag ",
  "[",
  "{a: b}",
  ", ",
  "- item",
  "é☃😀",
  "\t",
  "|",
  ">",
  "%",
  "@",
  "`",
];

describe("a YAML edit applied to the last parse", () => {
  const specs = readdirSync(SPECS).filter((name) => name.endsWith(".yaml"));

  it.each(specs)("gives what a full parse gives, edit after edit (%s)", (name) => {
    let text = readFileSync(join(SPECS, name), "utf8");
    const parses = new YamlParses();
    expectSameAsFullParse(parses, text);
    const next = random(name.length * 7919);
    let reused = 0;
    for (let i = 0; i < 120; i++) {
      // Mostly inside values (after a "key: " on some line), sometimes anywhere.
      const lines = [...text.matchAll(/^[ -]*[\w$.-]+: ?(.+)$/gm)];
      const line = lines[Math.floor(next() * lines.length)]!;
      const valueStart = line.index + line[0].length - line[1]!.length;
      const at =
        next() < 0.85 ? valueStart + 1 + Math.floor(next() * line[1]!.length) : Math.floor(next() * text.length);
      const cut = next() < 0.3 ? Math.floor(next() * 4) : 0;
      const piece = next() < 0.6 ? " edit" + String(i) : PIECES[Math.floor(next() * PIECES.length)]!;
      const edited = text.slice(0, at) + piece + text.slice(Math.min(text.length, at + cut));
      const lastDoc = parses.parse(text, OPTIONS).doc;
      if (!expectSameAsFullParse(parses, edited)) continue;
      if (parses.parse(edited, OPTIONS).doc === lastDoc) reused++;
      text = edited;
    }
    // Most edits are the kind a watcher applies in place: the test must have exercised that path.
    expect(reused).toBeGreaterThan(20);
  });

  it("an edited summary is applied in place, and the spec loaded from it is the one a full parse loads", () => {
    const text = readFileSync(join(SPECS, "openziti-edge-management.yaml"), "utf8");
    const parses = new YamlParses();
    const first = parseSpecText("spec.yaml", text, parses);
    const editedText = text.replace(/summary: (.*)/, (_, s: string) => `summary: ${s} (edited)`);
    const doc = parses.parse(text, OPTIONS).doc;
    const edited = parseSpecText("spec.yaml", editedText, parses);
    expect(parses.parse(editedText, OPTIONS).doc).toBe(doc);
    const fresh = parseSpecText("spec.yaml", editedText);
    expect(edited.document).toEqual(fresh.document);
    expect(edited.document).not.toEqual(first.document);
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      paths.push(path);
      if (value && typeof value === "object")
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, [...path, k]);
    };
    walk(fresh.document, []);
    for (const path of paths) expect(edited.locate(path)).toEqual(fresh.locate(path));
  });

  it("a spec with two equal keys fails again after a summary edit applied in place", () => {
    const text = readFileSync(join(SPECS, "openziti-edge-management.yaml"), "utf8").replace(
      /^( +)summary: (.*)$/m,
      (line, indent: string) => `${line}\n${indent}summary: twice`,
    );
    const parses = new YamlParses();
    expect(() => parseSpecText("spec.yaml", text, parses)).toThrow(/Map keys must be unique/);
    const editedText = text.replace("summary: twice", "summary: twice (edited)");
    const doc = parses.parse(text, OPTIONS).doc;
    expect(() => parseSpecText("spec.yaml", editedText, parses)).toThrow(/Map keys must be unique/);
    // The edit was applied to the last parse, so the check ran on a document it had seen before.
    expect(parses.parse(editedText, OPTIONS).doc).toBe(doc);
  });
});
