/**
 * Escaping for spec strings placed into generated TypeScript. Everything a
 * spec says goes through one of these, so `*\/`, backticks, `${` and quotes in
 * a description or name can never end a comment or a string early.
 */
import { isIdentifier } from "../shared/names.ts";
import type { Shape } from "./layout.ts";

/** A TypeScript string literal (JSON's quoting is valid TS and escapes all that matters). */
export function literal(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A JSDoc block from lines of prose; returns "" when there is nothing to say. */
export function docComment(lines: (string | undefined)[], indent = ""): string {
  const text = lines
    .filter((l): l is string => typeof l === "string" && l.trim() !== "")
    .map((l) => l.trim())
    .join("\n\n")
    .replace(/\*\//g, "*\\/")
    .replace(/\r\n?/g, "\n");
  if (text === "") return "";
  const body = text.split("\n").map((l) => `${indent} *${l === "" ? "" : " " + l}`);
  return [`/**`, ...body, `${indent} */`].join("\n");
}

/** A property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : literal(name);
}

/**
 * The line width generated TypeScript is laid out for: prettier's `printWidth` in .prettierrc.json.
 * test/generator/prettier-identity.test.ts runs prettier over the output and holds the two together.
 */
export const PRINT_WIDTH = 120;

/** Where a value stands on its line: the text before it (indent included) and after it (`;`, `,`). */
export interface LineContext {
  before?: string;
  after?: string;
}

/**
 * A plain-data value as a TS expression, laid out as prettier lays it out: on one line when that
 * whole line (`before`, the value, `after`) fits {@link PRINT_WIDTH}, otherwise one entry per line,
 * each entry measured on its own line the same way (its key before it, its `,` after it).
 * Keys are unquoted where possible; undefined entries dropped.
 */
export function dataLiteral(value: unknown, { before = "", after = "" }: LineContext = {}): string {
  if (value === null || typeof value !== "object") return flatLiteral(value);
  // Only a line that fits is built whole: writing out each level's one-line form only to find it too
  // long made a big value (testing.ts's, 2 MB on GitHub's spec) cost its size times its depth.
  const flat = alwaysBroken(value) ? undefined : flatWithin(value, PRINT_WIDTH - before.length - after.length);
  return flat ?? brokenLiteral(value, /^ */.exec(before)![0]);
}

/**
 * The same value's layouts for a template line (see emit/layout.ts): on one line (unless prettier
 * always breaks it), or one entry per line below the line's indent, each entry measured as above.
 */
export function dataLayouts(value: unknown): Shape[] {
  if (value === null || typeof value !== "object") return [flatLiteral(value)];
  return [...(alwaysBroken(value) ? [] : [flatLiteral(value)]), (indent) => brokenLiteral(value, indent)];
}

/** One entry per line, one level below `indent`. */
function brokenLiteral(value: object, indent: string): string {
  const inner = indent + "  ";
  const entries = Array.isArray(value)
    ? value.map((v) => dataLiteral(v, { before: inner, after: "," }))
    : Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => {
          const key = `${literalKey(k)}: `;
          return (
            key + (OBJECT_MEMBERS.has(k) ? flatLiteral(v, true) : dataLiteral(v, { before: inner + key, after: "," }))
          );
        });
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return `${open}\n${entries.map((e) => `${inner}${e},`).join("\n")}\n${indent}${close}`;
}

/**
 * prettier breaks an array of two or more objects (or of two or more arrays) that each hold more than
 * one entry, whatever the width: a table of records reads as one record a line.
 */
export function alwaysBroken(value: object): boolean {
  if (!Array.isArray(value) || value.length < 2) return false;
  const size = (v: unknown) =>
    Array.isArray(v) ? v.length : Object.values(v as object).filter((x) => x !== undefined).length;
  const kind = (v: unknown) => (Array.isArray(v) ? "array" : v !== null && typeof v === "object" ? "object" : "other");
  const first = kind(value[0]);
  return first !== "other" && value.every((v) => kind(v) === first && size(v) > 1);
}

/** A key in an object literal: `__proto__: x` there sets the prototype, quoted or not; a computed key defines the property. */
export function literalKey(name: string): string {
  return name === "__proto__" ? '["__proto__"]' : propertyKey(name);
}

/**
 * Keys an object type inherits from Object.prototype. TypeScript types the value
 * of such a key in an object literal against the inherited member (`toString: () =>
 * string`) rather than an index signature, so its string literals widen to
 * `string` (a security scheme named "toString" no longer has `type: "apiKey"`).
 * Their strings are written `as const`.
 */
export const OBJECT_MEMBERS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** {@link flatLiteral}'s text when it is at most `budget` characters long, else undefined (found without building it all). */
function flatWithin(value: unknown, budget: number, asConst = false): string | undefined {
  if (value === null || typeof value !== "object") {
    // JSON.stringify(undefined) is undefined, which an array's join writes as nothing.
    const text = flatLiteral(value, asConst) ?? "";
    return text.length <= budget ? text : undefined;
  }
  const array = Array.isArray(value);
  const entries = array
    ? value.map((v) => ["", v, asConst] as const)
    : Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [`${literalKey(k)}: `, v, asConst || OBJECT_MEMBERS.has(k)] as const);
  if (!array && entries.length === 0) return budget >= 2 ? "{}" : undefined;
  const [open, close] = array ? ["[", "]"] : ["{ ", " }"];
  let text = open;
  for (const [i, [key, v, constant]] of entries.entries()) {
    text += (i === 0 ? "" : ", ") + key;
    // Whatever follows this entry is at least the closing bracket.
    const part = flatWithin(v, budget - text.length - close.length, constant);
    if (part === undefined) return undefined;
    text += part;
  }
  text += close;
  return text.length <= budget ? text : undefined;
}

/** A value on one line, whatever its length (dataLiteral measures only as far as the width allows). */
export function flatLiteral(value: unknown, asConst = false): string {
  if (Array.isArray(value)) return `[${value.map((v) => flatLiteral(v, asConst)).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0
      ? "{}"
      : `{ ${entries.map(([k, v]) => `${literalKey(k)}: ${flatLiteral(v, asConst || OBJECT_MEMBERS.has(k))}`).join(", ")} }`;
  }
  return typeof value === "string" ? literal(value) + (asConst ? " as const" : "") : JSON.stringify(value);
}
