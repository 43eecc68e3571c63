/**
 * The IR builder as a table: each case gives a small bundled document and says what part of the
 * IR it must build (given/want). The rules here are the ones every emitter and the changelog
 * rely on: names, tag grouping, parameter merging, response order, security inheritance,
 * pagination and the errors for a broken document.
 */
import { describe, expect, it } from "vitest";
import { SpecError } from "../../generator/errors.ts";
import { stringify } from "yaml";
import { buildIR } from "../../generator/ir/build.ts";
import { lazyLocator } from "../../generator/load/load.ts";
import type { ApiIR } from "../../generator/ir/types.ts";
import type { Obj } from "../../generator/shared/json.ts";
import type { BundledSpec } from "../../generator/validate/validate.ts";

const FILE = "/specs/given.yaml";

/** A bundled spec: the given top-level keys over a minimal valid document. */
function bundled(given: Obj): BundledSpec {
  const document = { openapi: "3.1.0", info: { title: "Given API", version: "1.2.3" }, paths: {}, ...given };
  return { file: FILE, document, dependencies: [FILE], openapiVersion: "3.1.0", warnings: [] };
}

/** An operation with one documented answer, plus the given fields. */
const op = (fields: Obj = {}): Obj => ({ responses: { "200": { description: "ok" } }, ...fields });

interface Case {
  name: string;
  given: Obj;
  provider?: string;
  /** The part of the IR the case is about. */
  select: (ir: ApiIR) => unknown;
  want: unknown;
}

const CASES: Case[] = [
  {
    name: "package names come from the provider slug",
    given: {},
    provider: "openziti-edge-client",
    select: (ir) => [ir.packageName, ir.factoryName, ir.clientTypeName],
    want: ["@apigen/openziti-edge-client", "createOpenzitiEdgeClient", "OpenzitiEdgeClient"],
  },
  {
    name: "empty text says nothing: an empty title falls back to the provider, an empty summary is absent",
    given: { info: { title: "", version: "", description: "" }, paths: { "/a": { get: op({ summary: "" }) } } },
    provider: "acme",
    select: (ir) => [ir.title, ir.apiVersion, ir.description, ir.operations[0]!.summary],
    want: ["acme", "0.0.0", undefined, undefined],
  },
  {
    name: "no servers means one relative server; variable defaults and enums become strings",
    given: {},
    select: (ir) => ir.servers,
    want: [{ url: "/", variables: [] }],
  },
  {
    name: "server variables keep their order, defaults and enums as strings",
    given: {
      servers: [
        {
          url: "https://{region}.example.com:{port}",
          variables: { region: { default: "eu", enum: ["eu", "us"] }, port: { default: 443 } },
        },
      ],
    },
    select: (ir) => ir.servers,
    want: [
      {
        url: "https://{region}.example.com:{port}",
        description: undefined,
        variables: [
          { name: "region", default: "eu", enum: ["eu", "us"], description: undefined },
          { name: "port", default: "443", enum: undefined, description: undefined },
        ],
      },
    ],
  },
  {
    name: "an operation without operationId gets one from its method and path",
    given: { paths: { "/environments/{environmentID}/users": { get: op() } } },
    select: (ir) => ir.operations.map((o) => [o.id, o.idDerived, o.methodName]),
    want: [["getEnvironmentsEnvironmentIdUsers", true, "getEnvironmentsEnvironmentIdUsers"]],
  },
  {
    name: "operationIds that are not identifiers become camelCase method names; reserved words get an underscore",
    given: {
      paths: { "/vpn": { get: op({ operationId: "get-vpn-sessions" }), delete: op({ operationId: "class" }) } },
    },
    select: (ir) => ir.operations.map((o) => [o.id, o.methodName]),
    want: [
      ["get-vpn-sessions", "getVpnSessions"],
      ["class", "class_"],
    ],
  },
  {
    name: "two operations whose names normalise alike in one tag: the second is numbered",
    given: {
      paths: {
        "/a": { get: op({ operationId: "get-a-b", tags: ["t"] }) },
        "/b": { get: op({ operationId: "getAB", tags: ["t"] }) },
      },
    },
    select: (ir) => ir.operations.map((o) => o.methodName),
    want: ["getAB", "getAB2"],
  },
  {
    name: "tags: declared order first, then first use (path, then method order); unused declared tags are dropped; untagged is 'default'",
    given: {
      tags: [{ name: "Zeta", description: "last letter" }, { name: "Unused" }, { name: "Alpha" }],
      paths: {
        "/a": { get: op({ tags: ["Alpha"] }), post: op({ tags: ["Beta"] }), put: op() },
        "/z": { get: op({ tags: ["Zeta"] }) },
      },
    },
    select: (ir) => ir.tags.map((t) => [t.name, t.propertyName, t.typeName, t.slug, t.description, t.operationIds]),
    want: [
      ["Zeta", "zeta", "ZetaApi", "zeta", "last letter", ["getZ"]],
      ["Alpha", "alpha", "AlphaApi", "alpha", undefined, ["getA"]],
      ["default", "default_", "DefaultApi", "default", undefined, ["putA"]],
      ["Beta", "beta", "BetaApi", "beta", undefined, ["postA"]],
    ],
  },
  {
    name: "a tag named raw does not hide the client's raw property",
    given: { paths: { "/a": { get: op({ tags: ["raw"] }) } } },
    select: (ir) => ir.tags.map((t) => t.propertyName),
    want: ["raw2"],
  },
  {
    name: "tags that PascalCase alike get distinct type names",
    given: { paths: { "/a": { get: op({ tags: ["vpn sessions"] }) }, "/b": { get: op({ tags: ["VPN-Sessions"] }) } } },
    select: (ir) => ir.tags.map((t) => [t.propertyName, t.typeName]),
    want: [
      ["vpnSessions", "VpnSessionsApi"],
      ["vpnSessions2", "VpnSessions2Api"],
    ],
  },
  {
    name: "operation parameters override path-item ones of the same name and place; path parameters are required",
    given: {
      components: { parameters: { limit: { name: "limit", in: "query", schema: { type: "integer" } } } },
      paths: {
        "/items/{id}": {
          parameters: [
            { name: "id", in: "path", schema: { type: "string" } },
            { $ref: "#/components/parameters/limit" },
          ],
          get: op({
            parameters: [
              {
                name: "limit",
                in: "query",
                required: true,
                description: "page size",
                schema: { type: "integer", maximum: 100 },
              },
              { name: "id", in: "header", schema: { type: "string" } },
            ],
          }),
        },
      },
    },
    select: (ir) => ir.operations[0]!.parameters.map((p) => [p.in, p.name, p.required, p.description, p.schema]),
    want: [
      ["path", "id", true, undefined, { type: "string" }],
      ["query", "limit", true, "page size", { type: "integer", maximum: 100 }],
      ["header", "id", false, undefined, { type: "string" }],
    ],
  },
  {
    name: "responses: codes in order, ranges after their codes, default last, extensions dropped",
    given: {
      paths: {
        "/a": {
          get: {
            responses: {
              default: { description: "d" },
              "4XX": { description: "r" },
              "404": { description: "n" },
              "200": { description: "" },
              "x-note": {},
            },
          },
        },
      },
    },
    select: (ir) => ir.operations[0]!.responses.map((r) => [r.status, r.description]),
    want: [
      ["200", ""],
      ["404", "n"],
      ["4XX", "r"],
      ["default", "d"],
    ],
  },
  {
    name: "a request body keeps its media types in spec order",
    given: {
      paths: {
        "/a": {
          post: op({
            requestBody: {
              required: true,
              content: { "application/json": { schema: { type: "object" } }, "text/plain": {} },
            },
          }),
        },
      },
    },
    select: (ir) => ir.operations[0]!.requestBody,
    want: {
      required: true,
      description: undefined,
      content: [{ contentType: "application/json", schema: { type: "object" } }, { contentType: "text/plain" }],
    },
  },
  {
    name: "security: an operation's own list wins, an empty list means none, no list inherits the document's",
    given: {
      security: [{ key: [] }],
      paths: {
        "/a": {
          get: op(),
          post: op({ security: [] }),
          put: op({ security: [{ oauth: ["read", "write"] }, { key: [], other: [] }] }),
        },
      },
    },
    select: (ir) => ir.operations.map((o) => [o.id, o.security]),
    want: [
      ["getA", [{ schemes: [{ key: "key", scopes: [] }] }]],
      [
        "putA",
        [
          { schemes: [{ key: "oauth", scopes: ["read", "write"] }] },
          {
            schemes: [
              { key: "key", scopes: [] },
              { key: "other", scopes: [] },
            ],
          },
        ],
      ],
      ["postA", []],
    ],
  },
  {
    name: "security schemes: sorted by key, http schemes in lower case, an apiKey without a name uses its key",
    given: {
      components: {
        securitySchemes: {
          token: { type: "http", scheme: "Bearer", bearerFormat: "JWT" },
          apiKey: { type: "apiKey", in: "query" },
        },
      },
    },
    select: (ir) => ir.securitySchemes,
    want: [
      { key: "apiKey", type: "apiKey", in: "query", name: "apiKey", description: undefined },
      { key: "token", type: "http", scheme: "bearer", bearerFormat: "JWT", description: undefined },
    ],
  },
  {
    name: "x-pagination: parameter names and JSON pointers, unescaped",
    given: {
      paths: {
        "/a": {
          get: op({
            parameters: [
              { name: "limit", in: "query" },
              { name: "offset", in: "query" },
            ],
            "x-pagination": {
              style: "offset",
              limit: "limit",
              offset: "offset",
              items: "/data",
              total: "/meta/page~1info/total",
            },
            responses: {
              "200": {
                description: "ok",
                content: {
                  "application/json": {
                    schema: {
                      type: "object",
                      properties: {
                        data: { type: "array", items: { type: "string" } },
                        meta: {
                          type: "object",
                          properties: { "page/info": { type: "object", properties: { total: { type: "integer" } } } },
                        },
                      },
                    },
                  },
                },
              },
            },
          }),
        },
      },
    },
    select: (ir) => ir.operations[0]!.pagination,
    want: {
      style: "offset",
      limitParam: "limit",
      offsetParam: "offset",
      itemsPath: ["data"],
      totalPath: ["meta", "page/info", "total"],
    },
  },
  {
    name: "models: sorted by name, slugs unique ignoring case",
    given: {
      components: { schemas: { pet: { type: "object" }, Pet: { description: "A pet", type: "object" }, "a b": {} } },
    },
    select: (ir) => ir.models.map((m) => [m.name, m.slug, m.description]),
    want: [
      ["Pet", "pet", "A pet"],
      ["a b", "a-b", undefined],
      ["pet", "pet2", undefined],
    ],
  },
];

describe("buildIR", () => {
  it.each(CASES)("$name", ({ given, provider, select, want }) => {
    expect(select(buildIR(bundled(given), provider ?? "given"))).toEqual(want);
  });
});

interface Broken {
  name: string;
  given: Obj;
  /** The JSON pointer the error names, and what it says. */
  want: { pointer: string; message: RegExp };
  /** Where the error points in the document written as YAML (the loader's locator), when the builder locates it. */
  at?: { line: number; column: number };
}

const BROKEN: Broken[] = [
  {
    name: "x-pagination with another style",
    given: { paths: { "/a": { get: op({ "x-pagination": { style: "keyset" } }) } } },
    want: {
      pointer: "#/paths/~1a/get/x-pagination/style",
      message: /style must be one of "offset", "page", "cursor", "link" \(got "keyset"\)/,
    },
    at: { line: 12, column: 9 },
  },
  {
    name: "x-pagination naming a parameter the operation lacks",
    given: {
      paths: {
        "/a": {
          get: op({ "x-pagination": { style: "offset", limit: "size", offset: "offset", items: "/d", total: "/t" } }),
        },
      },
    },
    want: {
      pointer: "#/paths/~1a/get/x-pagination/limit",
      message: /"limit" names "size", which is not a query parameter of this operation \(it has none\)/,
    },
    at: { line: 13, column: 9 },
  },
  {
    name: "x-pagination with an items path that is not a pointer",
    given: {
      paths: {
        "/a": {
          get: op({
            parameters: [
              { name: "l", in: "query" },
              { name: "o", in: "query" },
            ],
            "x-pagination": { style: "offset", limit: "l", offset: "o", items: "data", total: "/t" },
          }),
        },
      },
    },
    want: {
      pointer: "#/paths/~1a/get/x-pagination/items",
      message: /"items" must be a JSON pointer into the response body such as "\/data" \(got "data"\)/,
    },
    at: { line: 20, column: 9 },
  },
  {
    name: "a parameter $ref cycle",
    given: {
      components: {
        parameters: { a: { $ref: "#/components/parameters/b" }, b: { $ref: "#/components/parameters/a" } },
      },
      paths: { "/a": { get: op({ parameters: [{ $ref: "#/components/parameters/a" }] }) } },
    },
    want: {
      pointer: "#/components/parameters/a",
      message:
        /\$ref cycle: #\/components\/parameters\/a -> #\/components\/parameters\/b -> #\/components\/parameters\/a/,
    },
  },
];

describe("buildIR on a broken document", () => {
  it.each(BROKEN)("$name: a located SpecError", ({ given, want, at }) => {
    const spec = bundled(given);
    let thrown: unknown;
    try {
      buildIR(spec, "given", lazyLocator(stringify(spec.document)));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SpecError);
    expect(String((thrown as Error).message)).toMatch(want.message);
    expect(thrown).toMatchObject({ location: expect.objectContaining({ file: FILE, pointer: want.pointer, ...at }) });
  });
});
