/**
 * Pins the 18 seed operations (the shared table in test/support/operations.ts) and the key
 * model facts of the hand-written specs. Each row says what the API does on the wire; an edit that drops or changes an
 * operation, a parameter, a status code, a security alternative or a content type
 * makes the matching row fail.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { HTTP_METHODS } from "../../generator/shared/http.ts";
import { decodePlainPointer } from "../../generator/shared/json-pointer.ts";
import { ERROR_BODY, OPERATIONS, PAGINATION, SPECS, type Spec } from "../support/operations.ts";

// ---------------------------------------------------------------------------
// Loading and local $ref resolution

// The specs are plain YAML data; `any` keeps the lookups below readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Node = any;

const specsDir = join(import.meta.dirname, "..", "..", "specs");
const docs = Object.fromEntries(
  SPECS.map((name) => [name, parse(readFileSync(join(specsDir, `${name}.yaml`), "utf8")) as Node]),
) as Record<Spec, Node>;

/** Looks up an RFC 6901 JSON pointer ("" or "/a/b~1c") in a document; no $ref following. */
function at(doc: Node, pointer: string): Node {
  return decodePlainPointer(pointer).reduce(
    (node: Node, token) => (node === undefined || node === null ? undefined : node[token]),
    doc,
  );
}

/** Follows local `$ref`s (possibly chained) until a non-reference object. */
function deref(doc: Node, node: Node): Node {
  const seen = new Set<string>();
  let current = node;
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    const ref: string = current.$ref;
    if (!ref.startsWith("#")) throw new Error(`non-local $ref ${ref}`);
    if (seen.has(ref)) throw new Error(`$ref cycle at ${ref}`);
    seen.add(ref);
    current = at(doc, ref.slice(1));
    if (current === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return current;
}

function operation(spec: Spec, method: string, path: string): Node {
  return docs[spec].paths?.[path]?.[method];
}

/** Path-level parameters overridden by operation-level ones (same name and location). */
function effectiveParameters(spec: Spec, method: string, path: string): Node[] {
  const doc = docs[spec];
  const pathItem = doc.paths[path];
  const byKey = new Map<string, Node>();
  for (const raw of [...(pathItem.parameters ?? []), ...(pathItem[method].parameters ?? [])]) {
    const param = deref(doc, raw);
    byKey.set(`${param.in}:${param.name}`, param);
  }
  return [...byKey.values()];
}

/** Security alternatives as lists of "scheme" or "scheme:scope1,scope2", operation level first. */
function effectiveSecurity(spec: Spec, op: Node): string[][] {
  const requirements: Node[] = op.security ?? docs[spec].security ?? [];
  return requirements.map((requirement) =>
    Object.entries(requirement as Record<string, string[]>)
      .map(([scheme, scopes]) => (scopes.length ? `${scheme}:${scopes.join(",")}` : scheme))
      .sort(),
  );
}

/** Walks a schema along object property names, through $ref and allOf. */
function schemaAt(doc: Node, schema: Node, segments: string[]): Node {
  let current = deref(doc, schema);
  for (const segment of segments) {
    const candidates = [current, ...(current.allOf ?? []).map((s: Node) => deref(doc, s))];
    const found = candidates.find((c) => c.properties?.[segment] !== undefined);
    if (!found) return undefined;
    current = deref(doc, found.properties[segment]);
  }
  return current;
}

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe("the seed operations", () => {
  it("number 18", () => {
    expect(OPERATIONS).toHaveLength(18);
  });

  it.each(SPECS)("%s holds exactly the operations of the table", (spec) => {
    const found: string[] = [];
    for (const [p, item] of Object.entries(docs[spec].paths as Record<string, Node>)) {
      for (const method of HTTP_METHODS) if (item[method]) found.push(`${method.toUpperCase()} ${p}`);
    }
    const expected = OPERATIONS.filter((row) => row.spec === spec).map(
      (row) => `${row.method.toUpperCase()} ${row.path}`,
    );
    expect(found.sort()).toEqual(expected.sort());
  });
});

describe.each(OPERATIONS)("$spec $operationId ($method $path)", (row) => {
  const doc = docs[row.spec];
  const op = operation(row.spec, row.method, row.path);

  it("exists with its operationId, tag, summary and description", () => {
    expect(op, `${row.method} ${row.path} missing`).toBeDefined();
    expect(op.operationId).toBe(row.operationId);
    expect(op.tags).toEqual([row.tag]);
    expect(op.summary).toEqual(expect.any(String));
    expect(op.description).toEqual(expect.any(String));
    const declared = (doc.tags as Node[]).find((t) => t.name === row.tag);
    expect(declared?.description, `tag ${row.tag} declared with a description`).toEqual(expect.any(String));
  });

  it("takes exactly its parameters", () => {
    const params = effectiveParameters(row.spec, row.method, row.path).map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required === true,
    }));
    expect(params).toEqual(row.params);
  });

  it("answers exactly its status codes, each described", () => {
    expect(Object.keys(op.responses).sort()).toEqual([...row.statuses].sort());
    for (const status of row.statuses) {
      expect(deref(doc, op.responses[status]).description, `${status} description`).toEqual(expect.any(String));
    }
  });

  it("accepts exactly its security alternatives", () => {
    expect(effectiveSecurity(row.spec, op)).toEqual(row.security);
    for (const alternative of row.security) {
      for (const scheme of alternative) {
        expect(doc.components.securitySchemes[scheme.split(":")[0]!], scheme).toBeDefined();
      }
    }
  });

  it("answers success with its content type and schema", () => {
    const success = deref(doc, op.responses[row.success.status]);
    expect(Object.keys(success.content ?? {})).toEqual(row.success.types);
    for (const type of row.success.types) {
      const schema = success.content[type].schema;
      if (row.returns === "open object") {
        expect(schema).toMatchObject({ type: "object", additionalProperties: true });
        expect(schema.properties).toBeUndefined();
      } else {
        expect(schema).toEqual(schemaRef(row.returns!));
      }
    }
  });

  it("takes its request body", () => {
    if (row.body === null) {
      expect(op.requestBody).toBeUndefined();
      return;
    }
    const body = deref(doc, op.requestBody);
    expect(body.required).toBe(row.body.required);
    expect(Object.keys(body.content)).toEqual(row.body.types);
    for (const type of row.body.types) expect(body.content[type].schema).toEqual(schemaRef(row.body.schema));
  });

  it("answers errors with the provider's error body", () => {
    const errors = row.statuses.filter((s) => !s.startsWith("2"));
    const expected = ERROR_BODY[row.spec];
    if (expected === null) {
      expect(errors).toEqual([]);
      return;
    }
    for (const status of errors) {
      const response = deref(doc, op.responses[status]);
      expect(Object.keys(response.content ?? {}), status).toEqual(expected.types);
      for (const type of expected.types) expect(response.content[type].schema).toEqual(schemaRef(expected.schema));
    }
  });

  it(row.paginated ? "describes its pagination in x-pagination" : "carries no x-pagination", () => {
    if (!row.paginated) {
      expect(op["x-pagination"]).toBeUndefined();
      return;
    }
    const pagination = op["x-pagination"];
    expect(pagination).toEqual(PAGINATION);
    // The named parameters exist as query parameters and the pointers land on an
    // array of items and a numeric total in the success schema.
    const queryNames = row.params.filter((p) => p.in === "query").map((p) => p.name);
    expect(queryNames).toEqual(expect.arrayContaining([pagination.limit, pagination.offset]));
    const body = deref(doc, op.responses[row.success.status]).content[row.success.types[0]!].schema;
    const segments = (pointer: string) => pointer.split("/").slice(1);
    expect(schemaAt(doc, body, segments(pagination.items))?.type).toBe("array");
    expect(schemaAt(doc, body, segments(pagination.total))).toMatchObject({ type: "number", format: "int64" });
  });
});

describe.each(OPERATIONS.filter((row) => row.spec.startsWith("openziti")))(
  "$spec $operationId: WWW-Authenticate",
  (row) => {
    it("is declared on every response as an array of strings", () => {
      const doc = docs[row.spec];
      const op = operation(row.spec, row.method, row.path);
      for (const status of row.statuses) {
        const headers = deref(doc, op.responses[status]).headers ?? {};
        const header = deref(doc, headers["WWW-Authenticate"]);
        expect(header?.schema, `${status} WWW-Authenticate`).toEqual({ type: "array", items: { type: "string" } });
      }
    });
  },
);

// ---------------------------------------------------------------------------
// Model and document facts: [spec, JSON pointer into the raw YAML, expected value]

const PAGINATION_FIELD = { type: "number", format: "int64" };
const SITES = [
  "ASH",
  "BUE",
  "CHI",
  "DAL",
  "FRA",
  "LAX",
  "LON",
  "MEX",
  "MEX2",
  "MIA",
  "MIA2",
  "NYC",
  "SAO",
  "SAO2",
  "SGP",
  "SYD",
  "TYO",
  "TYO2",
];
const S = "/components/schemas";

const FACTS: [Spec, string, unknown][] = [
  // Top level
  ["openziti-edge-client", "/info/version", "0.29.0"],
  ["openziti-edge-management", "/info/version", "0.29.0"],
  ["pingone-management", "/info/version", "2023-06-29"],
  ["latitudesh", "/info/version", "2023-06-01"],
  ["openziti-edge-client", "/servers", [expect.objectContaining({ url: "https://demo.ziti.dev/edge/client/v1" })]],
  [
    "openziti-edge-management",
    "/servers",
    [expect.objectContaining({ url: "https://demo.ziti.dev/edge/management/v1" })],
  ],
  ["pingone-management", "/servers/0/url", "{protocol}://{baseDomain}.{suffix}/v1"],
  [
    "pingone-management",
    "/servers/0/variables/suffix",
    expect.objectContaining({ default: "com", enum: ["asia", "ca", "com", "com.au", "eu"] }),
  ],
  ["pingone-management", "/servers/0/variables/baseDomain/default", "api.pingone"],
  ["pingone-management", "/servers/0/variables/protocol/default", "https"],
  ["pingone-management", "/servers/1/url", "{protocol}://{baseHostname}/v1"],
  ["pingone-management", "/servers/1/variables/baseHostname/default", "api.pingone.com"],
  [
    "latitudesh",
    "/servers",
    [
      expect.objectContaining({ url: "https://api.latitude.sh" }),
      expect.objectContaining({ url: "http://api.latitude.sh" }),
    ],
  ],

  // Security schemes as sent on the wire
  [
    "openziti-edge-client",
    "/components/securitySchemes/ztSession",
    expect.objectContaining({ type: "apiKey", in: "header", name: "zt-session" }),
  ],
  [
    "openziti-edge-client",
    "/components/securitySchemes/oauth2/flows",
    {
      authorizationCode: {
        authorizationUrl: "/oidc/authorize",
        tokenUrl: "/oidc/token",
        scopes: { openid: expect.any(String) },
      },
    },
  ],
  [
    "openziti-edge-management",
    "/components/securitySchemes/ztSession",
    expect.objectContaining({ type: "apiKey", in: "header", name: "zt-session" }),
  ],
  [
    "openziti-edge-management",
    "/components/securitySchemes/oauth2/flows/authorizationCode/scopes",
    { openid: expect.any(String) },
  ],
  [
    "pingone-management",
    "/components/securitySchemes/bearer",
    expect.objectContaining({ type: "http", scheme: "bearer", bearerFormat: "JWT" }),
  ],
  [
    "latitudesh",
    "/components/securitySchemes/Bearer",
    expect.objectContaining({ type: "apiKey", in: "header", name: "Authorization" }),
  ],

  // OpenZiti envelopes and models (both specs share them)
  ...(["openziti-edge-client", "openziti-edge-management"] as const).flatMap((spec): [Spec, string, unknown][] => [
    [spec, `${S}/pagination/required`, ["limit", "offset", "totalCount"]],
    [spec, `${S}/pagination/properties/limit`, expect.objectContaining(PAGINATION_FIELD)],
    [spec, `${S}/pagination/properties/offset`, expect.objectContaining(PAGINATION_FIELD)],
    [spec, `${S}/pagination/properties/totalCount`, expect.objectContaining(PAGINATION_FIELD)],
    [spec, `${S}/meta/properties/pagination`, schemaRef("pagination")],
    [spec, `${S}/meta/required`, undefined],
    [spec, `${S}/empty/required`, ["meta", "data"]],
    [spec, `${S}/empty/properties/data/type`, "object"],
    [spec, `${S}/apiErrorEnvelope/required`, ["meta", "error"]],
    [spec, `${S}/apiError/properties/cause`, schemaRef("apiErrorCause")],
    [spec, `${S}/apiErrorCause/allOf`, [schemaRef("apiFieldError"), schemaRef("apiError")]],
    [spec, `${S}/dialBind/enum`, ["Dial", "Bind", "Invalid"]],
    [spec, `${S}/tags/type`, ["object", "null"]],
    [spec, `${S}/commonEdgeRouterProperties/required`, expect.arrayContaining(["cost", "noTraversal"])],
    [
      spec,
      `${S}/commonEdgeRouterProperties/properties/cost`,
      expect.objectContaining({ type: ["integer", "null"], minimum: 0, maximum: 65535 }),
    ],
    [spec, `${S}/commonEdgeRouterProperties/properties/noTraversal/type`, ["boolean", "null"]],
    [
      spec,
      `${S}/commonEdgeRouterProperties/properties/syncStatus`,
      expect.not.objectContaining({ enum: expect.anything() }),
    ],
    [spec, `${S}/baseEntity/required`, ["id", "createdAt", "updatedAt", "_links"]],
    [spec, `${S}/baseEntity/properties/createdAt`, expect.objectContaining({ type: "string", format: "date-time" })],
    [spec, `${S}/link/required`, ["href"]],
    [
      spec,
      `${S}/sessionDetail/allOf/1/required`,
      ["type", "token", "apiSessionId", "apiSession", "serviceId", "service", "edgeRouters", "identityId"],
    ],
    [spec, `${S}/sessionEdgeRouter/allOf/1/required`, ["urls"]],
    [spec, "/components/parameters/limit/schema", { type: "integer" }],
    [spec, "/components/parameters/offset/schema", { type: "integer" }],
    [spec, "/components/parameters/filter/schema", { type: "string" }],
  ]),
  ["openziti-edge-client", `${S}/sessionCreateEnvelope/required`, undefined],
  ["openziti-edge-client", `${S}/sessionCreateEnvelope/properties/data`, schemaRef("sessionDetail")],
  ["openziti-edge-client", `${S}/sessionCreate/required`, undefined],
  ["openziti-edge-client", `${S}/listSessionsEnvelope/required`, ["meta", "data"]],
  ["openziti-edge-management", `${S}/listApiSessionsEnvelope/required`, ["meta", "data"]],
  [
    "openziti-edge-management",
    `${S}/apiSessionDetail/allOf/1/required`,
    expect.not.arrayContaining(["cachedUpdatedAt"]),
  ],
  ["openziti-edge-management", `${S}/authQueryDetail/required`, ["provider"]],
  ["openziti-edge-management", `${S}/mfaProviders/enum`, ["ziti", "url"]],
  ["openziti-edge-management", `${S}/authQueryType/enum`, ["MFA", "TOTP", "EXT-JWT"]],
  ["openziti-edge-management", `${S}/mfaFormats/enum`, ["numeric", "alpha", "alphaNumeric"]],
  ["openziti-edge-management", `${S}/sessionManagementDetail/allOf/0`, schemaRef("sessionDetail")],
  [
    "openziti-edge-management",
    `${S}/sessionRoutePathDetail/properties/routePath`,
    expect.objectContaining({ type: "array", items: { type: "string" } }),
  ],

  // PingOne
  ["pingone-management", "/security", [{ bearer: [] }]],
  [
    "pingone-management",
    "/components/parameters/X-Ping-External-Transaction-ID/schema",
    { type: "string", maxLength: 100 },
  ],
  [
    "pingone-management",
    "/components/parameters/X-Ping-External-Session-ID/schema",
    { type: "string", maxLength: 100 },
  ],
  [
    "pingone-management",
    `${S}/P1Error/properties`,
    {
      id: expect.objectContaining({ type: "string" }),
      code: expect.objectContaining({ type: "string" }),
      message: expect.objectContaining({ type: "string" }),
      details: expect.objectContaining({ type: "array" }),
    },
  ],
  [
    "pingone-management",
    `${S}/P1Error/properties/details/items/properties`,
    {
      code: expect.objectContaining({ type: "string" }),
      target: expect.objectContaining({ type: "string" }),
      message: expect.objectContaining({ type: "string" }),
      innerError: expect.objectContaining({ type: "object" }),
    },
  ],
  [
    "pingone-management",
    `${S}/P1Error/properties/details/items/properties/innerError/properties`,
    {
      rangeMinimumValue: { type: "integer" },
      rangeMaximumValue: { type: "integer" },
      allowedPattern: { type: "string" },
      allowedValues: { type: "array", items: { type: "string" } },
      maximumValue: { type: "integer" },
      referencedValues: { type: "array", items: { type: "string" } },
    },
  ],
  ["pingone-management", `${S}/P1Error/required`, undefined],

  // Latitude
  [
    "latitudesh",
    "/paths/~1vpn_sessions/get/parameters/0",
    expect.objectContaining({
      name: "filter[location]",
      in: "query",
      style: "form",
      explode: true,
      schema: schemaRef("site_slug"),
    }),
  ],
  ["latitudesh", `${S}/site_slug_known/enum`, SITES],
  ["latitudesh", `${S}/site_slug/anyOf`, [schemaRef("site_slug_known"), { type: "string" }]],
  [
    "latitudesh",
    `${S}/vpn_session_create_request/properties/data/properties/attributes/properties/site`,
    schemaRef("site_slug"),
  ],
  ["latitudesh", `${S}/vpn_session_data_with_password/properties/type/enum`, ["vpn_sessions"]],
  ["latitudesh", `${S}/vpn_session_data_with_password/properties/attributes/properties/port/type`, "string"],
  [
    "latitudesh",
    `${S}/vpn_session_data_with_password/properties/attributes/properties/status/enum`,
    ["enable", "disable"],
  ],
  [
    "latitudesh",
    `${S}/vpn_session_data_with_password/properties/attributes/properties/region`,
    schemaRef("region_resource_data"),
  ],
  ["latitudesh", `${S}/vpn_session_list/properties/data/items`, schemaRef("vpn_session_data_with_password")],
  ["latitudesh", `${S}/vpn_session_with_password/properties/data`, schemaRef("vpn_session_data_with_password")],
  [
    "latitudesh",
    `${S}/region_resource_data/properties/site/properties`,
    {
      id: expect.objectContaining({ type: "string" }),
      name: { type: "string" },
      slug: expect.objectContaining({ type: "string" }),
      facility: { type: "string" },
    },
  ],
];

describe("model and document facts", () => {
  it.each(FACTS)("%s %s", (spec, pointer, expected) => {
    expect(at(docs[spec], pointer)).toEqual(expected);
  });
});

/** Every object under `node` that can be a schema (arrays, enums and examples skipped), with its pointer. */
function* schemaObjects(node: Node, pointer: string): Generator<[string, Node]> {
  if (!node || typeof node !== "object") return;
  if (!Array.isArray(node)) yield [pointer, node];
  for (const [key, child] of Object.entries(node)) {
    if (key === "example" || key === "examples" || key === "enum") continue;
    yield* schemaObjects(child, `${pointer}/${key}`);
  }
}

describe("whole-document facts", () => {
  it.each(SPECS)("%s is OpenAPI 3.1.0 and uses no 3.0-style nullable keyword", (spec) => {
    expect(docs[spec].openapi).toBe("3.1.0");
    const offenders = [...schemaObjects(docs[spec], "")].filter(([, n]) => "nullable" in n || "x-nullable" in n);
    expect(offenders.map(([p]) => p)).toEqual([]);
  });

  it("latitudesh requires no model field (upstream requires none)", () => {
    const offenders = [...schemaObjects(docs.latitudesh.components.schemas, S)].filter(([, n]) =>
      Array.isArray(n.required),
    );
    expect(offenders.map(([p]) => p)).toEqual([]);
  });
});
