import { slug } from "github-slugger";

/**
 * GitHub-style heading anchors, so links into generated pages work on GitHub,
 * on npm, in the docs site (site/) and under markdownlint's MD051.
 * GitHub lower-cases the heading's text, drops everything but letters, marks,
 * digits, `_`, `-` and spaces, turns spaces into `-`, and numbers repeats
 * (`parameters`, `parameters-1`, ...) in page order.
 */
export function githubSlug(headingText: string): string {
  return slug(headingText);
}

/** Hands out anchors for one page's headings in order, numbering repeats as GitHub does. */
export class Slugger {
  private readonly seen = new Map<string, number>();

  /** The anchor of the next heading whose rendered text is `headingText`. */
  slug(headingText: string): string {
    const base = githubSlug(headingText);
    let candidate = base;
    let n = this.seen.get(base) ?? 0;
    while (this.seen.has(candidate)) candidate = `${base}-${++n}`;
    this.seen.set(base, n);
    this.seen.set(candidate, 0);
    return candidate;
  }
}

/**
 * What {@link resolveAnchors} worked out for each page last time, so that a watcher's next render
 * redoes only the pages whose text, or the anchors they link to, changed (GitHub's 1,000 pages
 * take 0.3 s). Each pass is keyed by exactly what it reads: the first by the page's text, the
 * second by the page's stripped text and the value of every anchor key it names.
 */
export class AnchorCache {
  stripped = new Map<string, { from: string; text: string; anchors: [string, string][] }>();
  resolved = new Map<string, { from: string; links: [string, string | undefined][]; text: string }>();
}

/**
 * Templates mark a heading they want to link to with a key at its end
 * (`## Errors ⟪readme:errors⟫`) and write links as `(page.md#⟪readme:errors⟫)`.
 * Once every page is rendered, this strips the markers from the headings,
 * computes each marked heading's GitHub anchor in page order, and fills the
 * links in. Keys a page does not define are left alone (the links test and
 * markdownlint's MD051 then fail loudly).
 */
export function resolveAnchors(pages: Map<string, string>, cache?: AnchorCache): Map<string, string> {
  const anchors = new Map<string, string>();
  const stripped = new Map<string, string>();
  const firstPass: AnchorCache["stripped"] = new Map();
  for (const [path, markdown] of pages) {
    const last = cache?.stripped.get(path);
    const page = last?.from === markdown ? last : { from: markdown, ...stripMarkers(markdown) };
    firstPass.set(path, page);
    for (const [key, slug] of page.anchors) {
      if (anchors.has(key)) throw new Error(`generator bug: anchor key ${key} defined twice`);
      anchors.set(key, slug);
    }
    stripped.set(path, page.text);
  }
  const out = new Map<string, string>();
  const secondPass: AnchorCache["resolved"] = new Map();
  for (const [path, markdown] of stripped) {
    const last = cache?.resolved.get(path);
    const page =
      last?.from === markdown && last.links.every(([key, slug]) => anchors.get(key) === slug)
        ? last
        : fillLinks(markdown, anchors);
    secondPass.set(path, page);
    out.set(path, page.text);
  }
  if (cache) {
    cache.stripped = firstPass;
    cache.resolved = secondPass;
  }
  return out;
}

/** One page's links filled in, with the anchor keys it named and what they were (undefined: none). */
function fillLinks(markdown: string, anchors: Map<string, string>) {
  const links: [string, string | undefined][] = [];
  const text = markdown.replace(/#⟪([^⟪⟫]+)⟫/g, (whole, key: string) => {
    const slug = anchors.get(key);
    links.push([key, slug]);
    return slug !== undefined ? `#${slug}` : whole;
  });
  return { from: markdown, links, text };
}

/** One page with the markers stripped from its headings, and the anchors of its marked headings in order. */
function stripMarkers(markdown: string): { text: string; anchors: [string, string][] } {
  const anchors: [string, string][] = [];
  const slugger = new Slugger();
  let fenceOpen: string | null = null;
  const visit = (line: string): string => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (
      marker !== undefined &&
      (fenceOpen === null || (marker[0] === fenceOpen[0] && marker.length >= fenceOpen.length))
    ) {
      fenceOpen = fenceOpen === null ? marker : null;
      return line;
    }
    const heading = fenceOpen === null ? /^(#{1,6}) (.*?)(?: ⟪([^⟪⟫]+)⟫)?$/.exec(line) : null;
    if (!heading) return line;
    const [, hashes, content = "", key] = heading;
    const slug = slugger.slug(renderedHeadingText(content));
    if (key !== undefined) anchors.push([key, slug]);
    return `${hashes} ${content}`;
  };
  // Only a line that starts with `#`, a backtick or `~` (after up to three spaces) can be a heading or a fence:
  // the others (tables, JSON, code: most of a page) are stepped over, never split out or copied.
  let text = "";
  let copied = 0;
  for (let start = 0; start <= markdown.length;) {
    let end = markdown.indexOf("\n", start);
    if (end === -1) end = markdown.length;
    let first = start;
    while (first < start + 3 && markdown.charCodeAt(first) === 32) first++;
    const c = markdown.charCodeAt(first);
    if (c === 35 /* # */ || c === 96 /* ` */ || c === 126 /* ~ */) {
      const line = markdown.slice(start, end);
      const visited = visit(line);
      if (visited !== line) {
        text += markdown.slice(copied, start) + visited;
        copied = end;
      }
    }
    start = end + 1;
  }
  text += markdown.slice(copied);
  return { text, anchors };
}

/** What a heading written by our templates shows: escapes and code-span ticks removed. */
function renderedHeadingText(source: string): string {
  return source
    .replace(/`+ ?([^`]*?) ?`+/g, "$1")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .trim();
}
