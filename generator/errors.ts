/**
 * Every problem the generator reports about its input is a SpecError: a file,
 * a position (line and column when we can find them, a JSON pointer always
 * when the problem sits inside the document) and one plain sentence.
 * The CLI prints these as `file:line:col: message` and exits 1, without a
 * stack trace, because the stack says nothing useful to a spec author.
 */
import { decodeRefPointer, encodePointer } from "./shared/json-pointer.ts";

export interface SpecLocation {
  file: string;
  line?: number;
  column?: number;
  pointer?: string;
}

export class SpecError extends Error {
  readonly location: SpecLocation;
  /** Further problems found in the same run, each already located. */
  readonly more: SpecError[];

  constructor(location: SpecLocation, message: string, more: SpecError[] = []) {
    super(message);
    this.name = "SpecError";
    this.location = location;
    this.more = more;
  }

  /** `file:line:col: message (at #/pointer)` — the shape editors and CI annotate. */
  format(cwd: string = process.cwd()): string {
    return [this, ...this.more].map((error) => formatOne(error, cwd)).join("\n");
  }
}

function formatOne(error: SpecError, cwd: string): string {
  const { file, line, column, pointer } = error.location;
  const shown = file.startsWith(cwd + "/") ? file.slice(cwd.length + 1) : file;
  const position = line === undefined ? "" : `:${line}${column === undefined ? "" : `:${column}`}`;
  const at = pointer && pointer !== "#" ? ` (at ${pointer})` : "";
  return `${shown}${position}: ${oneLine(error.message)}${at}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/** JSON pointer from path segments, with the leading `#` (see shared/json-pointer.ts). */
export const toPointer = encodePointer;
/** Path segments of a `$ref` fragment, percent-decoding tolerant of a stray `%` (see shared/json-pointer.ts). */
export const fromPointer = decodeRefPointer;

/** A located one-liner for spec problems; internal errors say so (stack only with APIGEN_DEBUG). */
export function describe(error: unknown): string {
  if (error instanceof SpecError) return error.format();
  if (error instanceof DescribedError) return error.message;
  const err = error as Error;
  return process.env.APIGEN_DEBUG
    ? `internal error: ${err.stack}`
    : `internal error: ${err?.message ?? String(error)} (set APIGEN_DEBUG=1 for a stack trace)`;
}

/** An error already described elsewhere (a provider worker thread, see parallel/pool.ts): shown as it is. */
export class DescribedError extends Error {}
