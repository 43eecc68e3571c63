// Property tests (fast-check) over the runtime's URL, header and body building, and over error
// renderings. Runs are small (tens per property) so the file takes seconds. Strings are well-formed
// Unicode: a lone surrogate cannot be percent-encoded at all (encodeURIComponent throws).
import fc from "fast-check";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntime, NetworkError, UsageError } from "../../generator/runtime/index.js";
import { buildPath, serializeQuery } from "../../generator/runtime/serialize.js";
import { definition, ops } from "./fixture.js";
import { json, startServer, type TestServer } from "./server.js";

const RUNS = { numRuns: 60 };
const unicode = fc.string({ unit: "grapheme", minLength: 1 });
// Header values: printable ASCII mixed with every kind of character fetch may reject.
const headerValue = fc.string({
  unit: fc.oneof(
    fc.constantFrom("\t", " ", "\r", "\n", "\u0000", "\u007f", "\u00e9", "\u20ac", "\ud83d\ude00"),
    fc.string({ unit: "grapheme-ascii", maxLength: 1 }),
  ),
});

describe("paths: a parameter never leaves its segment", () => {
  it.each(["simple", "label", "matrix"] as const)("style %s", (style) => {
    const op = { id: "t", segments: "/a/{id}/b".split(/\{([^}]+)\}/), pathStyles: { id: { style } } };
    const prefix = style === "label" ? "." : style === "matrix" ? ";id=" : "";
    fc.assert(
      fc.property(unicode, (value) => {
        let path: string;
        try {
          path = buildPath(op, { id: value });
        } catch (error) {
          // Only "." and ".." are refused (they would move the path); the error says so.
          expect((error as Error).message).toMatch(/cannot be/);
          return;
        }
        const parts = path.split("/");
        expect(parts).toHaveLength(4);
        expect([parts[1], parts[3]]).toEqual(["a", "b"]);
        expect(parts[2]).not.toMatch(/[?#\\]/);
        expect(decodeURIComponent((parts[2] as string).slice(prefix.length))).toBe(value);
        expect(new URL(path, "http://h").pathname).toBe(path); // a URL parser keeps it as is
      }),
      RUNS,
    );
  });
});

describe("query: names and values round-trip through URLSearchParams", () => {
  it("strings, and arrays as repeated names", () => {
    const entries = fc.uniqueArray(
      fc.tuple(unicode, fc.oneof(unicode, fc.array(unicode, { minLength: 1, maxLength: 3 }))),
      { selector: ([name]) => name, maxLength: 5 },
    );
    fc.assert(
      fc.property(entries, (list) => {
        const parsed = new URLSearchParams(serializeQuery(Object.fromEntries(list), undefined));
        for (const [name, value] of list) expect(parsed.getAll(name)).toEqual(Array.isArray(value) ? value : [value]);
        expect([...new Set(parsed.keys())]).toHaveLength(list.length);
      }),
      RUNS,
    );
  });
});

describe("over HTTP", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => json(res, 200, { header: req.headers["x-fuzz"] ?? null, body: req.body }));
  });
  afterAll(() => server.close());

  it("a header value is sent verbatim or fails as UsageError, with nothing sent", async () => {
    const rt = createRuntime(definition, { baseUrl: server.url, retry: false });
    await fc.assert(
      fc.asyncProperty(headerValue, async (value) => {
        const before = server.requests.length;
        const result = await rt
          .operation(ops.health)(undefined, { headers: { "x-fuzz": value } })
          .catch((e: unknown) => e);
        if (result instanceof UsageError) expect(server.requests.length).toBe(before);
        // Node's server reads header bytes as Latin-1: the same characters, when they fit in a byte.
        else expect(result).toEqual({ header: value, body: "" });
      }),
      RUNS,
    );
  });

  it("a JSON body arrives as sent", async () => {
    const rt = createRuntime(definition, { baseUrl: server.url, retry: false, auth: { ztSession: "t" } });
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const update = rt.operation(ops.updateSession) as (input: unknown) => Promise<{ body: string }>;
        const result = await update({ params: { path: { id: "x" } }, body });
        expect(JSON.parse(result.body)).toEqual(JSON.parse(JSON.stringify(body)));
      }),
      { numRuns: 30 },
    );
  });

  it("no credential in any error rendering, whatever the credential holds", async () => {
    await fc.assert(
      fc.asyncProperty(headerValue, headerValue, async (a, b) => {
        const query = `MARKER${a}`,
          bearer = `MARKER${b}`;
        // A fetch that quotes everything it was given, as a careless wrapper might.
        const rt = createRuntime(definition, {
          baseUrl: server.url,
          retry: false,
          auth: { apiKeyQuery: query },
          headers: { authorization: `Bearer ${bearer}` },
          fetch: async (r) =>
            Promise.reject(
              new TypeError(`failed ${r.url} ${r.headers.get("authorization")}`, {
                cause: new Error(decodeURIComponent(r.url)),
              }),
            ),
        });
        const error = (await rt
          .operation(ops.keyed)()
          .catch((e: unknown) => e)) as Error;
        expect(error instanceof NetworkError || error instanceof UsageError).toBe(true);
        const shown = [
          error.message,
          error.stack,
          String(error),
          JSON.stringify(error),
          inspect(error, { depth: 8, showHidden: true }),
        ].join("\n");
        expect(shown).not.toContain("MARKER");
      }),
      // `'` is written %27 in a URL although encodeURIComponent leaves it: a leak fast-check found once.
      { ...RUNS, examples: [["'", "&"]] },
    );
  });
});
