/**
 * Escaping for spec strings placed into markdown. Every string a spec gives
 * (names, summaries, descriptions, enum values, URLs) goes through one of
 * these before a template prints it, so a pipe, backtick, `<script>` or
 * newline in a spec can never end a table row, leave a code span open or
 * become raw HTML.
 *
 * - `text`: a literal string in a single-line context (heading, link text, list item).
 * - `codeSpan` / `codeCell`: a literal string shown as code, outside or inside a table.
 * - `prose` / `proseCell`: the author's markdown (code spans, emphasis, links) kept,
 *   as a block of paragraphs or folded into one table cell.
 * - `fence`: a fenced code block that no backtick run inside it can close.
 */

/** Characters that can start markdown syntax inline (`$`: GitHub math; `&`: entities). */
const INLINE_SPECIAL = /[\\`*[\]<>|~&#$!]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

/** Newlines and runs of whitespace folded into single spaces. */
export function oneLine(value: string | undefined): string {
  return (value ?? "").replace(/\s+/g, " ").trim();
}

/**
 * A pure function of one string, remembered: spec text comes back again and
 * again (GitHub's 53,000 table rows hold 4,700 distinct descriptions). The
 * memory is bounded, so a long watch session does not grow it without end.
 */
function remembered(fn: (value: string) => string): (value: string | undefined) => string {
  const cache = new Map<string, string>();
  return (value = "") => {
    let out = cache.get(value);
    if (out === undefined) {
      if (cache.size >= 20_000) cache.clear();
      cache.set(value, (out = fn(value)));
    }
    return out;
  };
}

/** A literal string for a single-line context: no markdown meaning survives. */
export const text = remembered((value) => {
  const escaped = noMarkers(
    oneLine(value)
      .replace(INLINE_SPECIAL, (c) => `\\${c}`)
      // GFM turns bare `https://x` and `www.x` into links; in a heading or link label they stay text.
      .replace(/([a-z0-9])(:\/\/)/gi, "$1\\$2")
      .replace(/\bwww\./gi, "www\\."),
  );
  // At the start of a list item a `-` or `1.` would nest a list, and `---` would be a rule.
  return neutraliseLineStart(escaped, true);
});

/** `⟪` and `⟫` delimit anchor keys in rendered pages (see docs/anchors.ts); spec text shows them as entities. */
function noMarkers(value: string): string {
  return value.replace(/[⟪⟫]/g, (c) => `&#${c.codePointAt(0)};`);
}

/** A code span outside tables; a fence longer than any backtick run inside keeps it closed. */
export function codeSpan(value: string): string {
  const single = value.replace(/[\r\n]+/g, " ");
  const longest = Math.max(0, ...[...single.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  const pad = single.startsWith("`") || single.endsWith("`") || single.trim() === "" ? " " : "";
  return `${ticks}${pad}${single}${pad}${ticks}`;
}

/** A code span inside a table cell: GFM needs `\|` there, even inside code. */
export function codeCell(value: string): string {
  return codeSpan(value.replace(/\|/g, "\\|"));
}

/** The number of lines of a text, counted without splitting it (samples run to thousands of lines). */
export function lineCount(value: string): number {
  let n = 1;
  for (let i = value.indexOf("\n"); i !== -1; i = value.indexOf("\n", i + 1)) n++;
  return n;
}

/** A fenced code block; the fence is longer than any backtick run in the code. */
export function fence(code: string, lang: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${lang}\n${code.trimEnd()}\n${ticks}`;
}

/** A markdown link; `href` is one we built (slugs and anchors), so only the label needs escaping. */
export function link(label: string, href: string): string {
  return `[${label}](${href})`;
}

/**
 * The author's markdown as a block of paragraphs. Kept: code spans, fenced
 * code (also in list items and blockquotes, when it closes there), emphasis,
 * links, lists. Neutralised: raw HTML (`<` escaped outside code), headings and
 * setext underlines (they would break the page's outline), fence markers that
 * would never close, hard tabs and trailing spaces. Bare URLs become autolinks.
 */
export function prose(value: string | undefined): string {
  if (!value) return "";
  // U+2028/U+2029 are line breaks to a reader, not to markdown: made real ones so the line rules below see them.
  const lines = value
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\t/g, "    ")
    .split("\n");
  const out: string[] = [];
  let pending: string[] = [];
  let afterFence = false;
  const flush = () => {
    if (pending.length > 0)
      out.push(
        ...escapeProse(pending.join("\n"))
          .split("\n")
          .map((l) => neutraliseLineStart(l)),
      );
    pending = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const opener = fenceOpener(line);
    // A fence at the top level runs to its closer or, failing one, to the end of the text (closed below);
    // one inside a list item or blockquote is kept only if it closes in that container.
    const end = opener === undefined ? -1 : fenceEnd(lines, i, opener, !/^ {0,3}$/.test(opener.prefix));
    if (opener !== undefined && end !== -1) {
      flush();
      // Blank lines around fences (markdownlint MD031); inside a list item they keep it one item.
      if (out.length > 0 && out[out.length - 1]!.trim() !== "") out.push("");
      out.push(quotedFence(line, opener));
      for (let k = i + 1; k <= Math.min(end, lines.length - 1); k++) out.push(lines[k]!.trimEnd());
      if (end === lines.length) out.push(opener.prefix.replace(/[^\s>]/g, " ") + opener.marker); // an unclosed fence would swallow the rest of the page
      i = end;
      afterFence = true;
      continue;
    }
    if (afterFence && line.trim() !== "") pending.push("");
    afterFence = false;
    // One bullet style (markdownlint MD004): a list whose author switched from `-` to `*` stays one list.
    pending.push(
      lazyBullet(line.trimEnd(), pending[pending.length - 1]).replace(/^(\s*)[*+](\s+)(?![*\s]*$)/, "$1-$2"),
    );
  }
  flush();
  // Only markdown's own whitespace is trimmed: JS trim() would also drop a leading U+00A0 and bare a fence marker.
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^[ \n]+|[ \n]+$/g, "");
}

/** Blockquote markers, list markers and indentation before a line's content, as CommonMark nests containers. */
const CONTAINER_PREFIX = /^(?: *(?:>|(?:[*+-]|\d{1,9}[.)])(?= |$)))* */;

interface FenceOpener {
  /** What precedes the marker: indentation and container markers. */
  prefix: string;
  marker: string;
}

/** The fence a line would open (CommonMark: a backtick fence's info string has no backtick), if any. */
function fenceOpener(line: string): FenceOpener | undefined {
  const prefix = CONTAINER_PREFIX.exec(line)![0];
  const marker = /^(`{3,}|~{3,})/.exec(line.slice(prefix.length))?.[1];
  if (marker === undefined || (marker[0] === "`" && line.slice(prefix.length + marker.length).includes("`")))
    return undefined;
  return { prefix, marker };
}

/**
 * Index of the line that closes the fence opened at `start`; `lines.length`
 * for a top-level fence left open (the caller closes it); -1 for a fence in
 * a container that would end with its container, or at all: such an opener is
 * escaped instead, since its container's end is hard to predict once the
 * text is placed on a page.
 */
function fenceEnd(lines: string[], start: number, opener: FenceOpener, contained: boolean): number {
  // Lines inside the fence must stay inside its container: the same blockquote markers, then at least
  // the opener's indentation (a list item's content column).
  const depth = opener.prefix.replace(/[^>]/g, "").length;
  const openerRest = withoutQuotes(opener.prefix, depth);
  if (openerRest === undefined) return -1; // a blockquote inside a list item: not worth modelling
  const indent = openerRest.length;
  const inside = (line: string): string | undefined => {
    const rest = withoutQuotes(line, depth);
    if (rest === undefined) return undefined;
    if (rest.trim() === "") return "";
    const lead = /^ */.exec(rest)![0].length;
    return lead >= indent || !contained ? rest.slice(Math.min(lead, indent)) : undefined;
  };
  for (let k = start + 1; k < lines.length; k++) {
    const rest = inside(lines[k]!);
    if (rest === undefined) return -1; // its container ended first (only a contained fence has one)
    const marker = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(rest)?.[1];
    if (marker !== undefined && marker[0] === opener.marker[0] && marker.length >= opener.marker.length) return k;
  }
  return contained ? -1 : lines.length;
}

/** A line without its first `depth` blockquote markers, or undefined if it has fewer. */
function withoutQuotes(line: string, depth: number): string | undefined {
  let rest = line;
  for (let q = 0; q < depth; q++) {
    const m = /^ {0,3}> ?/.exec(rest);
    if (!m) return undefined;
    rest = rest.slice(m[0].length);
  }
  return rest;
}

/**
 * The opening line of a fence quoted from the spec: its language kept (for
 * highlighting), `text` when it has none (markdownlint MD040), and marked
 * `from-spec` so the docs tests do not mistake the author's snippet for one
 * of the generated, typechecked examples.
 */
function quotedFence(line: string, { prefix, marker }: FenceOpener): string {
  const lang =
    line
      .slice(prefix.length + marker.length)
      .trim()
      .split(/\s+/)[0] || "text";
  return `${prefix}${marker}${lang} ${QUOTED_CODE}`;
}

/** Info-string word marking a code block that comes from the spec, not from the generator. */
export const QUOTED_CODE = "from-spec";

/** The author's markdown folded into one table cell: inline markup kept, pipes and newlines made safe. */
export const proseCell = remembered((value) => {
  const lines = value.split(/\r\n?|\n/).map((line) =>
    line
      .replace(/^\s*[*+-]\s+/, "• ")
      .replace(/^\s*#{1,6}\s+/, "")
      .replace(/^\s*>\s?/, ""),
  );
  return escapeProse(oneLine(lines.join("\n")), true);
});

/** The author's inline markdown on one line of its own (a summary): also safe from block syntax. */
export function proseLine(value: string | undefined): string {
  return neutraliseLineStart(escapeProse(oneLine(value)), true);
}

/**
 * A bullet indented 4+ spaces right under a line of plain paragraph text is,
 * by CommonMark, more text of that paragraph, not a list item. Its marker is
 * escaped so that formatters joining the lines do not leave a stray `*`.
 */
function lazyBullet(line: string, previous: string | undefined): string {
  if (
    previous === undefined ||
    previous.trim() === "" ||
    /^\s*([*+-]|\d{1,9}[.)])\s/.test(previous) ||
    /^\s{2,}/.test(previous)
  )
    return line;
  return line.replace(/^( {4,})([*+-])(?=\s)/, "$1\\$2");
}

/** Block syntax a line of spec prose may not start: headings, setext underlines, HTML blocks. */
function neutraliseLineStart(line: string, listsToo = false): string {
  if (listsToo && /^ {0,3}([*+-]|\d{1,9}[.)])(\s|$)/.test(line)) return line.replace(/[*+\-.)]/, (c) => `\\${c}`);
  if (listsToo && /^ {0,3}>/.test(line)) return line.replace(">", "\\>");
  if (/^ {0,3}#{1,6}(\s|$)/.test(line)) return line.replace("#", "\\#");
  if (/^ {0,3}(=+|-+)\s*$/.test(line)) return line.replace(/[=-]/, (c) => `\\${c}`);
  // `***` and `___` would be a rule.
  if (/^ {0,3}((\*\s*){3,}$|(_\s*){3,}$)/.test(line)) return line.replace(/[*_]/, (c) => `\\${c}`);
  // A fence opener (``` or ~~~) here, at the top level or in a list item or blockquote, is one prose()
  // found unclosed: it would swallow the rest of the page or of its container.
  const opener = fenceOpener(line);
  if (opener) return `${opener.prefix}\\${line.slice(opener.prefix.length)}`;
  return line;
}

/**
 * Walks inline text: code spans and autolinks are copied (pipes escaped in
 * cells), everything else has `<` escaped and bare URLs wrapped. An unmatched
 * backtick run is literal and escaped so it cannot pair with a later one.
 */
function escapeProse(value: string, cell = false): string {
  let out = "";
  let i = 0;
  const plain = (s: string) => {
    const parts = noMarkers(localLinksToText(s)).replace(/</g, "\\<").split(BARE_URL);
    // split() with a capture group: odd indexes are URLs, which become autolinks.
    let t = parts
      .map((part, k) =>
        k % 2 === 1
          ? `<${part}>`
          : // GFM would also link bare `www.x` and e-mail addresses (markdownlint MD034); they stay text.
            part.replace(/(?<![\w/.])www\./gi, "www\\.").replace(/([\w.+-])@([\w-]+\.)/g, "$1\\@$2"),
      )
      .join("");
    if (cell) t = t.replace(/\|/g, "\\|");
    return t;
  };
  while (i < value.length) {
    const tick = value.indexOf("`", i);
    const angle = value.indexOf("<", i);
    const next = Math.min(tick === -1 ? Infinity : tick, angle === -1 ? Infinity : angle);
    if (next === Infinity) {
      out += plain(value.slice(i));
      break;
    }
    // Count backslashes before the marker: an odd number escapes it.
    let slashes = 0;
    for (let k = next - 1; k >= i && value[k] === "\\"; k--) slashes++;
    out += plain(value.slice(i, next));
    if (slashes % 2 === 1) {
      out += value[next] === "<" ? "<" : "`";
      i = next + 1;
      continue;
    }
    if (next === angle) {
      const auto = /^<(https?:\/\/[^\s<>`|]*)>/.exec(value.slice(next));
      if (auto) {
        out += auto[0];
        i = next + auto[0].length;
      } else {
        out += "\\<";
        i = next + 1;
      }
      continue;
    }
    const run = /^`+/.exec(value.slice(next))![0];
    const close = findClosingRun(value, next + run.length, run.length);
    if (close === -1) {
      out += "\\`".repeat(run.length);
      i = next + run.length;
    } else {
      const span = value.slice(next, close + run.length);
      out += cell ? span.replace(/\|/g, "\\|") : span;
      i = close + run.length;
    }
  }
  return out;
}

/**
 * Links in spec prose that point into the spec's own pages (`#operation/x`,
 * `guide.md`) lead nowhere in these docs: their text stays, the link goes.
 * Absolute URLs (any scheme) are kept.
 */
function localLinksToText(s: string): string {
  return s
    .replace(/\[[ \t]+|[ \t]+\]\(/g, (m) => m.trim())
    .replace(/!?\[([^\]]*)\]\((?![a-z][a-z0-9+.-]*:)[^)]*\)/gi, "$1");
}

/** A bare http(s) URL not already a link target, without the punctuation that usually follows one. */
const BARE_URL = /(?<![\w/\\[]|\]\()(https?:\/\/[^\s<>\\]*[^\s<>\\.,;:!?)'"\]*_])/g;

/** Index of the next backtick run of exactly `length`, or -1. */
function findClosingRun(value: string, from: number, length: number): number {
  const re = /`+/g;
  re.lastIndex = from;
  for (let m = re.exec(value); m; m = re.exec(value)) if (m[0].length === length) return m.index;
  return -1;
}
