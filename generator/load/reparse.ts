import type { Document, DocumentOptions, LineCounter, ParseOptions, Scalar, SchemaOptions } from "yaml";
import * as yaml from "../shared/yaml.ts";
import { JsonParses } from "./json-reparse.ts";

const { LineCounter: Counter, parseDocument, isMap, isPair, isScalar, isSeq, visit } = yaml;

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** A YAML text as parsed, with its line starts: what the next parse of an edited text may start from. */
export interface ParsedYaml {
  text: string;
  doc: Document;
  lineCounter: LineCounter;
}

/**
 * A watcher's last good YAML parse of one spec (kept in its stage memo, shared/memo.ts): a save that
 * changes the text inside one single-line string value (an edited summary or description, the common
 * save) is applied to that parse instead of parsing the whole file again (12 ms of a 27 KB spec's
 * regeneration). The document it gives is the one a full parse gives: the same values, and every
 * node's range and every line start where a full parse puts them. Any other edit parses the whole text.
 */
export class YamlParses {
  #last: ParsedYaml | undefined;
  /** And the last good parse of a JSON spec, which a save inside one string value is applied to likewise. */
  readonly json = new JsonParses();

  /** `text` parsed with `options` (which must not vary between calls); errors are the caller's to read. */
  parse(text: string, options: Options): ParsedYaml {
    const last = this.#last;
    if (last?.text === text) return last;
    const reused = last && last.text !== text ? edited(last, text, options) : undefined;
    if (reused) {
      this.#last = reused;
      return reused;
    }
    const lineCounter = new Counter();
    const doc = parseDocument(text, { ...options, lineCounter });
    const parsed = { text, doc, lineCounter };
    // Only a clean parse is a base for the next: an edit to a broken text is parsed whole.
    this.#last = doc.errors.length === 0 && doc.warnings.length === 0 ? parsed : undefined;
    return parsed;
  }
}

/**
 * `last` with the edit that turns its text into `text` applied, when that edit lies inside one string
 * value that stays a string of the same kind on one line; undefined otherwise. `last` is used up: its
 * document becomes the new one (its previous user, the run before, is over).
 */
export function edited(last: ParsedYaml, text: string, options: Options): ParsedYaml | undefined {
  const old = last.text;
  // Directives (%YAML 1.1) change how a scalar reads: the value parsed alone below would not say.
  if (old.startsWith("%") || old.includes("\n%")) return undefined;
  const shorter = Math.min(old.length, text.length);
  let start = 0;
  while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail))
    tail++;
  const oldEnd = old.length - tail;
  const delta = text.length - old.length;
  if (/[\r\n]/.test(old.slice(start, oldEnd)) || /[\r\n]/.test(text.slice(start, oldEnd + delta))) return undefined;

  // The scalar whose text holds the edit: after its first character (which says what kind it is), up to its end.
  let found: { scalar: Scalar; parent: unknown } | undefined;
  visit(last.doc, {
    Scalar(key, node, path) {
      const [from, to] = node.range ?? [];
      if (from === undefined || to === undefined || !(from < start && oldEnd <= to)) return undefined;
      // A mapping's value (not a key) or a list's item; scalars do not nest, so this is the one.
      if (key === "value" && isPair(path[path.length - 1])) found = { scalar: node, parent: path[path.length - 2] };
      else if (typeof key === "number") found = { scalar: node, parent: path[path.length - 1] };
      return visit.BREAK;
    },
  });
  if (!found) return undefined;
  const { scalar, parent } = found;
  if (!(isMap(parent) || isSeq(parent)) || parent.flow) return undefined;
  const [from, to] = scalar.range!;
  const kind = scalar.type;
  if (kind !== "PLAIN" && kind !== "QUOTE_DOUBLE" && kind !== "QUOTE_SINGLE") return undefined;
  if (typeof scalar.value !== "string" || scalar.tag !== undefined || scalar.anchor !== undefined) return undefined;
  if (/[\r\n]/.test(old.slice(from, to))) return undefined;

  // The new text of the scalar, read alone as a mapping's value: it must be all of one string scalar of the same kind.
  const source = text.slice(from, to + delta);
  const alone = parseDocument(`k: ${source}\n`, options);
  if (alone.errors.length > 0 || alone.warnings.length > 0 || alone.commentBefore || alone.comment) return undefined;
  const map = alone.contents;
  if (!isMap(map) || map.items.length !== 1 || map.comment || map.commentBefore) return undefined;
  const value = map.items[0]!.value;
  if (!isScalar(value) || value.type !== kind || typeof value.value !== "string") return undefined;
  if (value.tag !== undefined || value.anchor !== undefined || value.comment || value.commentBefore) return undefined;
  if (value.range?.[0] !== 3 || value.range[1] !== 3 + source.length) return undefined;

  // Every position after the edit moves by its length; an end at its start is the scalar's own (or a parent's).
  const shift = (range: [number, number, number] | null | undefined) => {
    if (!range) return;
    for (let i = 0; i < 3; i++) if (range[i]! > start || (i > 0 && range[i] === start)) range[i]! += delta;
  };
  visit(last.doc, {
    Node(_key, node) {
      shift(node.range);
    },
  });
  shift(last.doc.range);
  scalar.value = value.value;
  if ("source" in value) scalar.source = value.source;
  else delete scalar.source;
  const lineCounter = new Counter();
  for (const at of last.lineCounter.lineStarts) lineCounter.addNewLine(at > start ? at + delta : at);
  return { text, doc: last.doc, lineCounter };
}
