import { readFile } from "node:fs/promises";
import type { Document, LineCounter, Node } from "yaml";
import * as yaml from "../shared/yaml.ts";
import { SpecError } from "../errors.ts";
import { sameContent } from "../shared/hash.ts";
import { checkExactNumbers } from "./exact-numbers.ts";
import type { StringEdit } from "./json-reparse.ts";
import { YamlParses } from "./reparse.ts";

export { YamlParses };

// `LineCounter` is the type, `Counter` the class.
const { LineCounter: Counter, parseDocument, isMap, isSeq, isScalar, visit } = yaml;

/** A spec file read from disk and parsed into plain data. */
export interface LoadedSpec {
  /** Absolute path of the file. */
  file: string;
  text: string;
  format: "json" | "yaml";
  /** The parsed document (plain JSON values). */
  document: Record<string, unknown>;
  /** This document is the last pass's with one string value changed (a watcher's save, json-reparse.ts). */
  edit?: StringEdit;
  /** The file starts with a UTF-8 byte order mark, which `text` leaves out (its hash is of the bytes: {@link bytesOf}). */
  bom?: true;
  /** Line and column (1-based) of the value at a JSON pointer's path, when it can be found. */
  locate(path: readonly string[]): { line: number; column: number } | undefined;
}

const YAML_OPTIONS = { merge: true, uniqueKeys: false, prettyErrors: true, strict: true } as const;
const MAX_ALIASES = 10_000;
/**
 * Deeper than any real spec (GitHub's nests 20 levels); every tool downstream
 * walks the document recursively and would overflow its stack on a hostile one.
 */
export const MAX_DEPTH = 256;

/** `parses`: a watcher's last parse of this spec, which an edit inside one string value is applied to (reparse.ts, json-reparse.ts). */
export async function loadSpec(file: string, parses?: YamlParses): Promise<LoadedSpec> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "file not found"
        : code === "EISDIR"
          ? "is a directory, not a spec file"
          : `cannot be read (${code})`;
    throw new SpecError({ file }, why);
  }
  const loaded = parseSpecText(file, decodeText(file, bytes), parses);
  return hasBom(bytes) ? { ...loaded, bom: true } : loaded;
}

/** The file's content as read, for hashing it as a file (a manifest's inputs): the text, with its byte order mark. */
export function bytesOf(loaded: LoadedSpec): string {
  return loaded.bom ? `\uFEFF${loaded.text}` : loaded.text;
}

function hasBom(bytes: Buffer): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function decodeText(file: string, bytes: Buffer): string {
  const empty = () => new SpecError({ file, line: 1, column: 1 }, "the file is empty; expected an OpenAPI document");
  if (bytes.length === 0) throw empty();
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new SpecError(
      { file, ...bytePosition(bytes, nul) },
      "the file holds binary data (a NUL byte), not YAML or JSON text",
    );
  }
  // Decoded once (13 MB took a third of a second per pass): the text is checked for being blank after,
  // which finds what a check before would (a NUL or a byte that is not UTF-8 is not white space).
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new SpecError(
      { file, ...bytePosition(bytes, bad) },
      `the file is not valid UTF-8 text (byte 0x${bytes[bad]?.toString(16).padStart(2, "0")} here); save it as UTF-8`,
    );
  }
  if (text.trim() === "") throw empty();
  // The text is the bytes, unless a byte order mark was dropped: a hash of either serves for both.
  if (!hasBom(bytes)) sameContent(bytes, text);
  return text;
}

/** Line and column (1-based, in characters) of a byte offset, decoding leniently up to it. */
function bytePosition(bytes: Buffer, offset: number): { line: number; column: number } {
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return { line, column: bytes.subarray(lineStart, offset).toString("utf8").length + 1 };
}

/**
 * Offset of the first byte that is not part of well-formed UTF-8: where a
 * lenient decode first yields U+FFFD that the file does not spell as EF BF BD.
 */
function firstInvalidUtf8(bytes: Buffer): number {
  const text = bytes.toString("utf8");
  let offset = 0;
  for (const char of text) {
    if (char === "\uFFFD" && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd))
      return offset;
    offset += Buffer.byteLength(char, "utf8");
  }
  return 0;
}

export function parseSpecText(file: string, text: string, parses = new YamlParses()): LoadedSpec {
  const trimmed = text.trimStart();
  const looksJson = trimmed.startsWith("{") || trimmed.startsWith("[");
  if (looksJson) {
    // JSON.parse is an order of magnitude faster than a YAML parse on large specs;
    // positions are only worked out (by a YAML parse) when an error needs one.
    const locate = lazyLocator(text);
    // A save inside one string value of the last good parse: that parse with the edit applied (json-reparse.ts).
    const reused = parses.json.reuse(text);
    if (reused) return { file, text, format: "json", ...reused, locate };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw jsonSyntaxError(file, text, error as Error);
    }
    // JSON.parse keeps the last of two equal keys without a word, and does not mind any depth.
    checkJsonStructure(file, text);
    const document = asDocument(file, value, () => ({ line: 1, column: 1 }));
    checkExactNumbers(file, document, locate);
    parses.json.remember(text, document);
    return { file, text, format: "json", document, locate };
  }
  // uniqueKeys is checked below: the yaml package's own check is quadratic in the size of a mapping.
  const { doc, lineCounter } = parses.parse(text, YAML_OPTIONS);
  const problem = doc.errors[0];
  if (problem) {
    const pos = problem.linePos?.[0];
    throw new SpecError(
      { file, line: pos?.line, column: pos?.col },
      `YAML syntax error: ${yamlMessage(problem.message)}`,
    );
  }
  // A watcher's reparse edits one string value of the document checked last time (reparse.ts): its
  // keys, nesting and aliases are the ones that passed.
  if (!structureChecked.has(doc)) {
    checkYamlStructure(file, doc, lineCounter);
    structureChecked.add(doc);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = (error as Error).message;
    const at = aliasBlamed(doc, message, lineCounter);
    const why = /alias count/i.test(message)
      ? `YAML aliases expand to too much data (over ${MAX_ALIASES} nodes from *${at?.name ?? "alias"}); a spec has no need for that`
      : `YAML could not be read: ${message}`;
    throw new SpecError({ file, line: at?.line, column: at?.column }, why);
  }
  const locate = (path: readonly string[]) => locateInYaml(doc.contents, path, lineCounter);
  const document = asDocument(file, value, () => locate([]) ?? { line: 1, column: 1 });
  checkExactNumbers(file, document, locate);
  return { file, text, format: "yaml", document, locate };
}

function asDocument(
  file: string,
  value: unknown,
  where: () => { line: number; column: number },
): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const { line, column } = where();
    const got = value === null ? "nothing (null)" : Array.isArray(value) ? "a list" : `a ${typeof value}`;
    throw new SpecError(
      { file, line, column, pointer: "#" },
      `expected an OpenAPI document (a mapping with an "openapi" key) but the file holds ${got}`,
    );
  }
  return value as Record<string, unknown>;
}

/** The first line of the yaml package's message, without its own position suffix. */
function yamlMessage(message: string): string {
  const first = message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  return /Maximum call stack/i.test(first)
    ? `the document nests too deeply to be read (far more than ${MAX_DEPTH} levels)`
    : first;
}

const structureChecked = new WeakSet<Document>();

/**
 * What the YAML parser lets through and must not reach the rest of the generator:
 * two equal keys in one mapping (the later would silently replace the earlier),
 * an alias inside the node it names (an infinitely deep value), and nesting past
 * MAX_DEPTH. One pass; positions are those of the offending node.
 */
function checkYamlStructure(file: string, doc: Document, counter: LineCounter): void {
  const fail = (node: Node | null | undefined, message: string): never => {
    const offset = node?.range?.[0];
    const pos = offset === undefined ? undefined : counter.linePos(offset);
    throw new SpecError({ file, line: pos?.line, column: pos?.col }, message);
  };
  visit(doc, {
    Map(_key, map, path) {
      if (path.length > MAX_DEPTH * 2)
        fail(map, `the document nests deeper than ${MAX_DEPTH} levels here; no OpenAPI document needs that`);
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key))
          fail(
            pair.key as Node,
            `YAML syntax error: Map keys must be unique (${JSON.stringify(String(key))} appears twice in this mapping)`,
          );
        seen.add(key);
      }
    },
    Seq(_key, seq, path) {
      if (path.length > MAX_DEPTH * 2)
        fail(seq, `the document nests deeper than ${MAX_DEPTH} levels here; no OpenAPI document needs that`);
    },
    Alias(_key, alias, path) {
      if (path.some((ancestor) => (ancestor as { anchor?: string }).anchor === alias.source)) {
        fail(
          alias,
          `YAML alias *${alias.source} is inside the node &${alias.source} it refers to, which makes the value infinitely deep`,
        );
      }
    },
  });
}

/** The alias a toJS error is about: the unresolved one it names, or the first alias for an alias-count error. */
function aliasBlamed(
  doc: Document,
  message: string,
  counter: LineCounter,
): { name: string; line: number; column: number } | undefined {
  const named = /:\s*(\S+)\s*$/.exec(message)?.[1];
  let found: { name: string; line: number; column: number } | undefined;
  visit(doc, {
    Alias(_key, alias) {
      if (named !== undefined && /unresolved/i.test(message) && alias.source !== named) return undefined;
      const offset = alias.range?.[0];
      if (offset === undefined) return undefined;
      const { line, col } = counter.linePos(offset);
      found = { name: alias.source, line, column: col };
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * One linear scan over JSON text that JSON.parse accepted: two equal keys in one
 * object (JSON.parse keeps the last without a word) and nesting past MAX_DEPTH.
 */
function checkJsonStructure(file: string, text: string): void {
  // Per open container: the keys seen so far (objects) or null (arrays).
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  const fail = (offset: number, message: string): never => {
    throw new SpecError({ file, ...offsetPosition(text, offset) }, message);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = i + 1;
      let escaped = false;
      for (;;) {
        end = text.indexOf('"', end);
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
        escaped = true;
        end++;
      }
      const keys = stack[stack.length - 1];
      if (expectKey && keys) {
        const raw = text.slice(i + 1, end);
        const key = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (keys.has(key))
          fail(
            i,
            `duplicate key ${JSON.stringify(key)} in one object: JSON readers keep only the last one, so the first would be lost`,
          );
        keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      stack.push(c === 0x7b ? new Set() : null);
      expectKey = c === 0x7b;
      if (stack.length > MAX_DEPTH)
        fail(i, `the document nests deeper than ${MAX_DEPTH} levels here; no OpenAPI document needs that`);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = stack[stack.length - 1] != null;
    }
  }
}

function offsetPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function jsonSyntaxError(file: string, text: string, error: Error): SpecError {
  const match = /position (\d+)/.exec(error.message);
  const message = `JSON syntax error: ${error.message
    .replace(/ in JSON at position \d+.*$/s, "")
    .replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, "")
    .replace(/^Unexpected end of JSON input$/, "the file ends before the JSON does (truncated?)")}`;
  // No position in the message: "Unexpected end of JSON input", which happens at the end.
  const offset = match ? Number(match[1]) : text.trimEnd().length;
  return new SpecError({ file, ...offsetPosition(text, offset) }, message);
}

export function lazyLocator(text: string): LoadedSpec["locate"] {
  let cached: { doc: ReturnType<typeof parseDocument>; counter: LineCounter } | undefined;
  return (path) => {
    if (!cached) {
      const counter = new Counter();
      cached = { doc: parseDocument(text, { lineCounter: counter, uniqueKeys: false }), counter };
    }
    return locateInYaml(cached.doc.contents, path, cached.counter);
  };
}

function locateInYaml(
  root: unknown,
  path: readonly string[],
  counter: LineCounter,
): { line: number; column: number } | undefined {
  let node = root as Node | null | undefined;
  let best: number | undefined = node?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === segment,
      );
      if (!pair) break;
      best = (pair.key as Node | null)?.range?.[0] ?? best;
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      best = item.range?.[0] ?? best;
      node = item;
    } else break;
  }
  if (best === undefined) return undefined;
  const { line, col } = counter.linePos(best);
  return { line, column: col };
}
