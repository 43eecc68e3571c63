/**
 * The escaping functions spec prose goes through (generator/emit/markdown.ts),
 * rendered with markdown-it as a page would be: whatever the text, the page
 * goes on after it (no fence, HTML block or heading escapes the text), and
 * markdown the author meant (fenced code, lists, code spans) is kept.
 */
import { describe, expect, it } from "vitest";
import { changelogEntry, firstEntry } from "../../generator/changes/changelog.ts";
import type { Change } from "../../generator/changes/types.ts";
import { prose, proseCell, proseLine, text } from "../../generator/emit/markdown.ts";
import { markdown } from "./support.ts";

const md = markdown;
/** What follows a description on a generated page. */
const AFTER = "\n\n## Next section\n\n| a | b |\n| - | - |\n| 1 | 2 |\n";

function renderPage(body: string): string {
  return md.render(`# Page\n\n${body}${AFTER}`);
}

/** The page after the text is still a page: its next heading and table are there, no code or quote swallowed them. */
function expectPageGoesOn(html: string): void {
  expect(html).toContain("<h2>Next section</h2>");
  expect(html).toMatch(/<table>[\s\S]*<td>1<\/td>/);
  expect(html).not.toMatch(/<(script|img|b)\b/);
}

describe("prose(): text that would open a block the page never closes", () => {
  it.each([
    ["a tilde fence after U+2028", "intro\u2028~~~"],
    ["a backtick fence after U+2029", "\u2029```js"],
    ["a fence after a no-break space", "\u00a0~~~"],
    ["a tilde fence in a blockquote", "> ~~~"],
    ["a tilde fence in a blockquote, no space", ">~~~"],
    ["a fence in a nested blockquote", "> > ```\n> > code"],
    ["a fence in a list item", "- ~~~"],
    ["a fence in an ordered list item", "1. ```sh"],
    ["a fence in a blockquote in a list item", "- > ~~~"],
    ["a fence at four spaces under a list item", "1. step\n    ~~~\n    code"],
    ["a blockquote fence whose closer is outside the quote", "> ~~~\n# heading\n<script>alert(1)</script>\n> ~~~"],
    ["a list-item fence whose closer is outdented", "- ~~~\ncode\n~~~"],
    ["an unclosed top-level fence", "```\nunclosed"],
    ["an HTML block", "<div>\n<img src=x onerror=alert(1)>"],
    ["a setext underline", "text\n==="],
  ])("%s", (_, value) => {
    expectPageGoesOn(renderPage(prose(value)));
  });
});

describe("prose(): markdown the author meant is kept", () => {
  it.each([
    [
      "a top-level fence",
      "Run:\n\n```sh\ncurl x\n```\n\nDone.",
      /<pre><code class="language-sh">curl x\n<\/code><\/pre>/,
    ],
    [
      "a fence in a list item",
      "- step\n\n  ```js\n  call()\n  ```\n- next",
      /<li>\s*<p>step<\/p>\s*<pre><code class="language-js">call\(\)\n<\/code><\/pre>\s*<\/li>/,
    ],
    [
      "a fence in a blockquote",
      "> ```json\n> {}\n> ```",
      /<blockquote>\s*<pre><code class="language-json">\{\}\n<\/code><\/pre>\s*<\/blockquote>/,
    ],
    [
      "a fence four spaces into an ordered item",
      "10. step\n    ~~~\n    code\n    ~~~",
      /<li>\s*<p>step<\/p>\s*<pre><code class="language-text">code\n<\/code><\/pre>/,
    ],
    ["a code span", "use `a | b` here", /<code>a \| b<\/code>/],
    [
      "emphasis and links",
      "*very* [docs](https://example.com)",
      /<em>very<\/em> <a href="https:\/\/example.com">docs<\/a>/,
    ],
    ["a bare URL", "see https://example.com/x.", /<a href="https:\/\/example.com\/x">/],
  ])("%s", (_, value, expected) => {
    const html = renderPage(prose(value));
    expect(html).toMatch(expected);
    expectPageGoesOn(html);
  });

  it("marks fences quoted from the spec so they are not taken for typechecked examples", () => {
    expect(prose("```ts\nx\n```")).toBe("```ts from-spec\nx\n```");
  });
});

describe("single-line contexts", () => {
  const LINE_STARTS = [
    ["# heading"],
    ["- item"],
    ["1. item"],
    ["> quote"],
    ["~~~"],
    ["```"],
    ["a\u2028~~~"],
    ["\u2028```"],
    ["<script>x</script>"],
    ["| pipe |"],
    ["***"],
    ["---"],
  ];

  it.each(LINE_STARTS)("%j as a summary line stays one paragraph of text", (value) => {
    const html = md.render(proseLine(value));
    expect(html).toMatch(/^<p>[^\n]*<\/p>\n$/);
    expect(html).not.toContain("<script");
  });

  it.each(LINE_STARTS)("%j in a heading and a list item stays their text", (value) => {
    expect(md.render(`## ${text(value)}`)).toMatch(/^<h2>[^<\n]*<\/h2>\n$/);
    expect(md.render(`- ${text(value)}`)).toMatch(/^<ul>\n<li>[^<\n]*<\/li>\n<\/ul>\n$/);
  });

  it.each([["a | b"], ["x\n~~~\ny"], ["`a|b`"], ["> q\n- l"]])("%j keeps a table row square", (value) => {
    const html = md.render(`| h | i |\n| - | - |\n| ${proseCell(value)} | z |\n`);
    expect(html.match(/<td>/g)).toHaveLength(2);
  });
});

describe("the changelog", () => {
  it.each([["1.0\n~~~${"], ["\n```"], ["- 2"], ["<b>3</b>"], ["v1 | v2"]])(
    "an API version of %j stays text in the first entry",
    (apiVersion) => {
      const html = md.render(`${firstEntry("0.1.0", apiVersion)}${AFTER}`);
      expectPageGoesOn(html);
      expect(html).toMatch(/<p>First version, generated from version [^<]* of the API.<\/p>/);
    },
  );

  it("change messages and the API version stay one list item each", () => {
    const changes: Change[] = [
      { level: "breaking", kind: "operation-removed", where: "GET /x", message: "Removed\n~~~ `GET /x` <b>" },
    ];
    const html = md.render(`${changelogEntry("0.2.0", changes, { apiVersion: "\n```" })}${AFTER}`);
    expectPageGoesOn(html);
    // A backticked span is code (the rules' own wording marks names that way); the rest stays text.
    expect(html).toMatch(/<li>Removed ~~~ <code>GET \/x<\/code> &lt;b&gt;[^<]*<\/li>/);
  });
});
