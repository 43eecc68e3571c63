/**
 * Escaping for spec strings placed into generated TypeScript. Everything a
 * spec says goes through one of these, so `*\/`, backticks, `${` and quotes in
 * a description or name can never end a comment or a string early.
 */

/** A TypeScript string literal (JSON's quoting is valid TS and escapes all that matters). */
export function literal(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
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
  return /^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u.test(name) ? name : literal(name);
}

/** A plain-data value as a TS expression: JSON with keys unquoted where possible, stable order. */
export function dataLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(dataLiteral).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${dataLiteral(v)}`).join(", ")} }`;
  }
  return typeof value === "string" ? literal(value) : JSON.stringify(value);
}
