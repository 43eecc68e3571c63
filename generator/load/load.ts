import { readFile } from "node:fs/promises";
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from "yaml";
import { SpecError } from "../errors.ts";

/** A spec file read from disk and parsed into plain data. */
export interface LoadedSpec {
  /** Absolute path of the file. */
  file: string;
  text: string;
  format: "json" | "yaml";
  /** The parsed document (plain JSON values). */
  document: Record<string, unknown>;
  /** Line and column (1-based) of the value at a JSON pointer's path, when it can be found. */
  locate(path: readonly string[]): { line: number; column: number } | undefined;
}

const MAX_ALIASES = 10_000;

export async function loadSpec(file: string): Promise<LoadedSpec> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a directory, not a spec file" : `cannot be read (${code})`;
    throw new SpecError({ file }, why);
  }
  return parseSpecText(file, decodeText(file, bytes));
}

function decodeText(file: string, bytes: Buffer): string {
  if (bytes.length === 0 || bytes.toString("utf8").trim() === "") {
    throw new SpecError({ file, line: 1, column: 1 }, "the file is empty; expected an OpenAPI document");
  }
  if (bytes.includes(0)) {
    throw new SpecError({ file }, "the file holds binary data (a NUL byte), not YAML or JSON text");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new SpecError({ file }, "the file is not valid UTF-8 text");
  }
}

export function parseSpecText(file: string, text: string): LoadedSpec {
  const trimmed = text.trimStart();
  const looksJson = trimmed.startsWith("{") || trimmed.startsWith("[");
  if (looksJson) {
    // JSON.parse is an order of magnitude faster than a YAML parse on large specs;
    // positions are only worked out (by a YAML parse) when an error needs one.
    try {
      const document = asDocument(file, JSON.parse(text), () => ({ line: 1, column: 1 }));
      return { file, text, format: "json", document, locate: lazyLocator(text) };
    } catch (error) {
      if (error instanceof SpecError) throw error;
      throw jsonSyntaxError(file, text, error as Error);
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, merge: true, uniqueKeys: true, prettyErrors: true, strict: true });
  const problem = doc.errors[0];
  if (problem) {
    const pos = problem.linePos?.[0];
    throw new SpecError({ file, line: pos?.line, column: pos?.col }, `YAML syntax error: ${yamlMessage(problem.message)}`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new SpecError({ file }, `YAML could not be read: ${(error as Error).message}`);
  }
  const locate = (path: readonly string[]) => locateInYaml(doc.contents, path, lineCounter);
  const document = asDocument(file, value, () => locate([]) ?? { line: 1, column: 1 });
  return { file, text, format: "yaml", document, locate };
}

function asDocument(file: string, value: unknown, where: () => { line: number; column: number }): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const { line, column } = where();
    const got = value === null ? "nothing (null)" : Array.isArray(value) ? "a list" : `a ${typeof value}`;
    throw new SpecError({ file, line, column, pointer: "#" }, `expected an OpenAPI document (a mapping with an "openapi" key) but the file holds ${got}`);
  }
  return value as Record<string, unknown>;
}

/** The first line of the yaml package's message, without its own position suffix. */
function yamlMessage(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

function jsonSyntaxError(file: string, text: string, error: Error): SpecError {
  const match = /position (\d+)/.exec(error.message);
  const message = `JSON syntax error: ${error.message.replace(/ in JSON at position \d+.*$/, "")}`;
  if (!match) return new SpecError({ file }, message);
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return new SpecError({ file, line, column }, message);
}

function lazyLocator(text: string): LoadedSpec["locate"] {
  let cached: { doc: ReturnType<typeof parseDocument>; counter: LineCounter } | undefined;
  return (path) => {
    if (!cached) {
      const counter = new LineCounter();
      cached = { doc: parseDocument(text, { lineCounter: counter, uniqueKeys: false }), counter };
    }
    return locateInYaml(cached.doc.contents, path, cached.counter);
  };
}

function locateInYaml(root: unknown, path: readonly string[], counter: LineCounter): { line: number; column: number } | undefined {
  let node = root as Node | null | undefined;
  let best: number | undefined = node?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === segment);
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
