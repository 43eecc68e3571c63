/**
 * A watcher's last good JSON parse of one spec (kept with its YAML parses, reparse.ts): a save that
 * changes the text inside one string value (an edited summary or description, the common save) is
 * applied to that parse instead of parsing the whole file again (GitHub's 13 MB spec: JSON.parse, the
 * duplicate-key scan and the exact-number walk, over 100 ms of a save). The document it gives is the
 * one a full parse gives: a new root, with new objects along the path to the edited string and every
 * other value shared with the last document (which is left as it was: nothing downstream writes into
 * a loaded document, and a run still holding the last one keeps seeing it unchanged).
 *
 * The checks the loader makes after a full parse (load.ts: two equal keys in one object, nesting past
 * MAX_DEPTH, numbers that must stay exact) read only keys, nesting and numbers, which an edit inside
 * one string value leaves as they were: the last parse passed them, so this one does.
 */
export class JsonParses {
  #last: { text: string; document: Record<string, unknown> } | undefined;

  /** The document of `text`, when it is the last text remembered with one string value edited; else undefined. */
  reuse(text: string): { document: Record<string, unknown>; edit?: StringEdit } | undefined {
    const last = this.#last;
    if (last === undefined) return undefined;
    if (last.text === text) return { document: last.document };
    const found = editedString(last.text, last.document, text);
    if (found === undefined) return undefined;
    this.#last = { text, document: found.document };
    return { document: found.document, edit: { of: last.document, path: found.path } };
  }

  /** `text` parsed whole into `document`, which passed the loader's checks: the base for the next save. */
  remember(text: string, document: Record<string, unknown>): void {
    this.#last = { text, document };
  }
}

/** A document that is another with one string value changed: which document, and where. */
export interface StringEdit {
  of: Record<string, unknown>;
  path: readonly (string | number)[];
}

/** Characters compared at once (as one string comparison) before narrowing down to the first that differs. */
const CHUNK = 1 << 14;

/** Length of the longest common prefix of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= shorter && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the longest common suffix of `a` and `b`, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (
    n + CHUNK <= limit &&
    a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)
  )
    n += CHUNK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Where the string literal opening at `open` (a `"`) closes: the index of its closing quote, or -1. */
function closingQuote(text: string, open: number): number {
  let end = open + 1;
  for (;;) {
    end = text.indexOf('"', end);
    if (end < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return end;
    end++;
  }
}

/** One open container on the way to the edit: its last key (as the quotes' positions) or its item index. */
interface Frame {
  array: boolean;
  index: number;
  keyOpen: number;
  keyClose: number;
  expectKey: boolean;
}

/**
 * `document` (the parse of `old`) with the edit that turns `old` into `text` applied, when that edit lies
 * inside one string value (not a key) and the new text there is one string literal; undefined otherwise.
 */
export function editedDocument(
  old: string,
  document: Record<string, unknown>,
  text: string,
): Record<string, unknown> | undefined {
  return editedString(old, document, text)?.document;
}

/** {@link editedDocument}, and the path of the string edited. */
function editedString(
  old: string,
  document: Record<string, unknown>,
  text: string,
): { document: Record<string, unknown>; path: (string | number)[] } | undefined {
  const start = commonPrefix(old, text);
  const tail = commonSuffix(old, text, Math.min(old.length, text.length) - start);
  const oldEnd = old.length - tail;
  const delta = text.length - old.length;

  // The containers open at `start`, and the string literal that holds it.
  const stack: Frame[] = [];
  let open = -1;
  let close = -1;
  for (let i = 0; i < start; i++) {
    const c = old.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = closingQuote(old, i);
      if (end < 0) return undefined;
      if (end >= start) {
        open = i;
        close = end;
        break;
      }
      const frame = stack[stack.length - 1];
      if (frame && !frame.array && frame.expectKey) {
        frame.keyOpen = i;
        frame.keyClose = end;
        frame.expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      stack.push({ array: c === 0x5b, index: 0, keyOpen: -1, keyClose: -1, expectKey: c === 0x7b });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const frame = stack[stack.length - 1];
      if (frame?.array) frame.index++;
      else if (frame) frame.expectKey = true;
    }
  }
  // The edit must lie between the quotes of one literal: after its opening quote, up to its closing one.
  if (open < 0 || oldEnd > close) return undefined;
  const parent = stack[stack.length - 1];
  // A value: an item of a list, or the value of a key (not the key itself).
  if (parent === undefined || (!parent.array && (parent.expectKey || parent.keyOpen < 0))) return undefined;
  // The new literal: the same opening quote, its closing quote moved by the edit's length, one string between.
  const newClose = close + delta;
  if (text.charCodeAt(newClose) !== 0x22) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.slice(open, newClose + 1));
  } catch {
    return undefined;
  }
  if (typeof value !== "string") return undefined;

  const path = stack.map((frame) => {
    if (frame.array) return frame.index;
    const raw = old.slice(frame.keyOpen + 1, frame.keyClose);
    return raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
  });
  // The path leads, in the last document, to a string: the one edited (else the scan misread the text).
  let node: unknown = document;
  const nodes: unknown[] = [];
  for (const step of path) {
    if (node === null || typeof node !== "object") return undefined;
    if (Array.isArray(node) !== (typeof step === "number")) return undefined;
    nodes.push(node);
    if (!Object.hasOwn(node, step)) return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  if (typeof node !== "string" || node !== JSON.parse(old.slice(open, close + 1))) return undefined;

  // New containers along the path, everything else shared.
  let replaced: unknown = value;
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const container = nodes[depth]!;
    const step = path[depth]!;
    const copy: object = Array.isArray(container) ? container.slice() : { ...(container as Record<string, unknown>) };
    // Defined, not assigned: a key "__proto__" is a plain key in JSON.
    Object.defineProperty(copy, step, { value: replaced, writable: true, enumerable: true, configurable: true });
    replaced = copy;
  }
  return { document: replaced as Record<string, unknown>, path };
}
