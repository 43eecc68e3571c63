import { randomUUID } from "node:crypto";
import { PRINT_WIDTH } from "./code.ts";

/**
 * Code whose layout depends on the line a template puts it on, laid out as prettier lays it
 * out without running prettier. The emitter offers a piece of code in its possible layouts,
 * flattest first, and puts the marker `choose` returns into the template's view; after
 * rendering, `fit` replaces each marker by the first layout whose lines all fit
 * {@link PRINT_WIDTH} on the rendered line (its indent, the text before and after it), or
 * else by the last one. The template alone says what surrounds the code: no emitter counts
 * the columns of template text. test/generator/prettier-identity.test.ts holds the result to
 * prettier's.
 */

/** One way to lay a piece of code out: fixed text, or text whose continuation lines follow the line's indent. */
export type Shape = string | ((indent: string) => string);

export class Layout {
  // Markers carry a nonce: no spec text can spell one by accident or on purpose.
  private readonly nonce = randomUUID();
  private readonly pieces: Shape[][] = [];

  /** A marker for the view, standing for the code in its layouts, flattest first. */
  choose(...shapes: Shape[]): string {
    if (shapes.length === 0) throw new Error("Layout.choose needs at least one layout");
    this.pieces.push(shapes);
    return `\u0000${this.nonce}:${this.pieces.length - 1}\u0000`;
  }

  /** The rendered text with every marker replaced, left to right, by the layout that fits its line. */
  fit(rendered: string): string {
    // A marker's layout depends on its own line only: each line is fitted on its own, so the work
    // stays linear in the text (a whole GitHub client holds thousands of markers in megabytes).
    const tag = `\u0000${this.nonce}:`;
    if (!rendered.includes(tag)) return rendered;
    return rendered
      .split("\n")
      .map((line) => (line.includes(tag) ? this.fitLine(line) : line))
      .join("\n");
  }

  /** One rendered line: its markers replaced left to right (an earlier layout may break the line in several). */
  private fitLine(line: string): string {
    const marker = new RegExp(`\u0000${this.nonce}:(\\d+)\u0000`, "g");
    let text = line;
    for (let m = marker.exec(text); m !== null; m = marker.exec(text)) {
      const start = text.lastIndexOf("\n", m.index) + 1;
      const end = text.indexOf("\n", m.index) === -1 ? text.length : text.indexOf("\n", m.index);
      const indent = /^[ \t]*/.exec(text.slice(start))![0];
      const before = text.slice(start, m.index);
      // Later markers on the same line count at their flattest.
      const after = text
        .slice(m.index + m[0].length, end)
        .replace(marker, (_, k: string) => shape(this.pieces[Number(k)]![0]!, indent));
      const chosen = fitted(this.pieces[Number(m[1])]!, indent, before, after);
      text = text.slice(0, m.index) + chosen + text.slice(m.index + m[0].length);
      marker.lastIndex = m.index + chosen.length;
    }
    return text;
  }
}

/** The first layout whose lines all fit between `before` and `after` on a line indented by `indent`, else the last. */
function fitted(shapes: Shape[], indent: string, before: string, after: string): string {
  // Laid out one at a time: the flat layout usually fits, and a broken one can cost a lot to make.
  let code = "";
  for (const s of shapes) {
    code = shape(s, indent);
    if (fits(before + code + after)) return code;
  }
  return code;
}

function shape(s: Shape, indent: string): string {
  return typeof s === "string" ? s : s(indent);
}

function fits(lines: string): boolean {
  return lines.split("\n").every((line) => line.length <= PRINT_WIDTH);
}

/** `{ a, b }` on one line, or one item a line below the line's indent (`{` and `}` on lines of their own), as prettier breaks an object or an import list. */
export function braced(items: string[]): Shape[] {
  return [
    `{ ${items.join(", ")} }`,
    (indent) => `{\n${items.map((item) => `${indent}  ${item},`).join("\n")}\n${indent}}`,
  ];
}

/** An object literal of code: property keys (already quoted where needed) to expressions or nested objects. */
export type ObjectCode = [key: string, value: CodeValue][];
/** An expression, or an object literal of them. */
export type CodeValue = string | ObjectCode;

/**
 * An object literal as prettier lays it out: on one line, or one entry a line, each nested
 * object laid out the same way on its own entry's line (its key before it, its `,` after it).
 */
export function objectLayouts(entries: ObjectCode): Shape[] {
  return [flatObject(entries), (indent) => brokenObject(entries, indent)];
}

function flatObject(entries: ObjectCode): string {
  return `{ ${entries.map(([key, value]) => `${key}: ${typeof value === "string" ? value : flatObject(value)}`).join(", ")} }`;
}

function brokenObject(entries: ObjectCode, indent: string): string {
  const inner = `${indent}  `;
  const lines = entries.map(([key, value]) => {
    const before = `${inner}${key}: `;
    return `${before}${typeof value === "string" ? value : fitted(objectLayouts(value), inner, before, ",")},`;
  });
  return `{\n${lines.join("\n")}\n${indent}}`;
}
