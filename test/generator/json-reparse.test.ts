/**
 * load/json-reparse.ts: a watcher applies an edit inside one string value of a JSON spec to its last
 * parse instead of parsing the whole text again. Whatever the edit, the document must be the one a
 * full parse of the new text gives (same values, same key order), or the edit must be parsed whole;
 * a broken save must fail as a full parse fails; the last document must be left as it was.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseSpecText } from "../../generator/load/load.ts";
import { editedDocument } from "../../generator/load/json-reparse.ts";
import { YamlParses } from "../../generator/load/reparse.ts";
import { seededRandom as random } from "../support/random.ts";

const SPECS = join(import.meta.dirname, "..", "..", "specs");

const PIECES = [
  " edit",
  "x",
  "",
  '"',
  '\\"',
  "\\",
  "\\n",
  "\\u00e9",
  "é",
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  '": "',
  '", "k": "',
  "1",
  "null",
  "\n",
  " ",
];

/** JSON.stringify keeps key order: equal text means equal values in the same order. */
const same = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

describe("JSON reparse", () => {
  it("gives what a full parse gives, for edits anywhere, chained as a watcher's saves are", () => {
    const next = random(7);
    // The repository's specs as JSON, as a watcher of a JSON spec reads them.
    const specs = readdirSync(SPECS)
      .filter((f) => f.endsWith(".yaml"))
      .sort()
      .slice(0, 2);
    const base = JSON.stringify(
      {
        openapi: "3.1.0",
        info: { title: "T", version: "1", description: 'say "hi" \\ there' },
        paths: { "/a": { get: { summary: "S", __proto__: "p", responses: { "200": { description: "ok" } } } } },
        components: { schemas: { A: { enum: ["x", "y"], description: "d\u00e9" } } },
        list: ["one", "two", { k: "three" }],
      },
      null,
      2,
    );
    const texts = [base, ...specs.map((f) => JSON.stringify(parse(readFileSync(join(SPECS, f), "utf8")), null, 2))];
    let reused = 0;
    for (const original of texts) {
      const parses = new YamlParses();
      let text = original;
      parseSpecText("spec.json", text, parses);
      for (let round = 0; round < 300; round++) {
        // Mostly inside a string (after a quote), sometimes anywhere.
        let at = Math.floor(next() * text.length);
        if (next() < 0.8) {
          const quote = text.indexOf('"', at);
          if (quote >= 0) at = quote + 1 + Math.floor(next() * 4);
        }
        at = Math.min(at, text.length);
        const cut = next() < 0.3 ? Math.floor(next() * 3) : 0;
        const edited = text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)]! + text.slice(at + cut);
        let full: unknown;
        let fullError: string | undefined;
        try {
          full = parseSpecText("spec.json", edited).document;
        } catch (error) {
          fullError = String(error);
        }
        const before = JSON.stringify(parseSpecText("spec.json", text, parses).document);
        const lastDocument = parseSpecText("spec.json", text, parses).document;
        if (editedDocument(text, lastDocument, edited) !== undefined) reused++;
        let got: unknown;
        let gotError: string | undefined;
        try {
          got = parseSpecText("spec.json", edited, parses).document;
        } catch (error) {
          gotError = String(error);
        }
        expect(gotError).toBe(fullError);
        if (fullError === undefined) {
          same(got, full);
          text = edited;
        }
        // The last document is not written into.
        expect(JSON.stringify(lastDocument)).toBe(before);
      }
    }
    // Many edits land inside a string value and stay one string: those are applied, not parsed whole.
    expect(reused).toBeGreaterThan(50);
  });

  it("parses whole an edit of a key, outside strings, or that spans two strings", () => {
    const old = '{"a": "one", "b": ["two", "three"], "c": 1}';
    const doc = JSON.parse(old) as Record<string, unknown>;
    expect(editedDocument(old, doc, '{"ax": "one", "b": ["two", "three"], "c": 1}')).toBeUndefined();
    expect(editedDocument(old, doc, '{"a": "one", "b": ["two", "three"], "c": 12}')).toBeUndefined();
    expect(editedDocument(old, doc, '{"a": "o", "b": ["two", "three"], "c": 1}')).toEqual({ ...doc, a: "o" });
    expect(editedDocument(old, doc, '{"a": "one", "b": ["two", "thr"], "c": 1}')).toEqual({
      ...doc,
      b: ["two", "thr"],
    });
    expect(editedDocument(old, doc, '{"a": "one", "b": ["tree"], "c": 1}')).toBeUndefined();
    expect(editedDocument(old, doc, '{"a": "one", "b": ["two", "three", "four"], "c": 1}')).toBeUndefined();
    // The new text holds an unescaped quote: not one string any more.
    expect(editedDocument(old, doc, '{"a": "o"ne", "b": ["two", "three"], "c": 1}')).toBeUndefined();
    // Shared: what the edit did not touch is the same object.
    const edited = editedDocument(old, doc, '{"a": "1", "b": ["two", "three"], "c": 1}')!;
    expect(edited.b).toBe(doc.b);
    expect(doc.a).toBe("one");
  });
});
