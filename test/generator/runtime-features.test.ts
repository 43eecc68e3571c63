import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/client.ts";
import { emitDocs } from "../../generator/emit/docs.ts";
import { loadTemplates, type Templates } from "../../generator/emit/templates.ts";
import { buildIR } from "../../generator/ir/build.ts";
import { loadSpec } from "../../generator/load/load.ts";
import { validateAndBundle } from "../../generator/validate/validate.ts";

/**
 * The runtime leaves out of every bundle what only some specs need (basic auth, cookies, file
 * answers, multipart bodies, server variables, each paging style): the generated client must pass
 * createRuntime exactly the features its spec uses, or calls that need one fail or lose data.
 */
let dir: string;
let templates: Templates;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "apigen-features-"));
  templates = await loadTemplates();
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Given {
  schemes?: string;
  security?: string;
  parameters?: string;
  requestBody?: string;
  response?: string;
  servers?: string;
}

/** A one-operation spec with the given parts (YAML, indented for their place). */
function spec(g: Given): string {
  return `openapi: 3.1.0
info: { title: Features, version: "1" }
servers: ${g.servers ?? "[{ url: 'https://api.example.test' }]"}
${g.schemes ? `components:\n  securitySchemes:\n${g.schemes}\n` : ""}${g.security ? `security: ${g.security}\n` : ""}paths:
  /things:
    post:
      operationId: makeThing
      parameters: ${g.parameters ?? "[]"}
${g.requestBody ?? ""}      responses:
        "200":
          description: ok
          content:
${g.response ?? "            application/json: { schema: { type: object } }"}
`;
}

async function irOf(g: Given) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, spec(g));
  const loaded = await loadSpec(file);
  return buildIR(await validateAndBundle(loaded), "features", loaded.locate);
}

async function emittedOf(g: Given): Promise<ReturnType<typeof emitClient>> {
  return emitClient(await irOf(g), templates, "// banner");
}

async function clientOf(g: Given): Promise<string> {
  return (await emittedOf(g)).client;
}

async function featureArgument(g: Given): Promise<string> {
  const client = await clientOf(g);
  const call = /createRuntime<paths>\(definition, options(.*)\);/.exec(client);
  expect(call).not.toBeNull();
  return call![1]!.replace(/^, /, "");
}

/** Security schemes as the spec's `components.securitySchemes` lists them, and the givens made of them. */
const BEARER_SCHEME = "    bearer: { type: http, scheme: bearer }";
const MTLS_SCHEME = "    mtls: { type: mutualTLS }";
const BEARER: Given = { schemes: BEARER_SCHEME, security: "[{ bearer: [] }]" };
const MTLS: Given = { schemes: MTLS_SCHEME, security: "[{ mtls: [] }]" };

const table: [name: string, given: Given, want: string][] = [
  ["nothing special", {}, ""],
  [
    "an http basic scheme",
    { schemes: "    basic: { type: http, scheme: basic }", security: "[{ basic: [] }]" },
    "{ basicAuth }",
  ],
  ["a bearer scheme needs nothing", BEARER, ""],
  [
    "an apiKey in a cookie",
    { schemes: "    sid: { type: apiKey, in: cookie, name: sid }", security: "[{ sid: [] }]" },
    "{ cookies }",
  ],
  ["a cookie parameter", { parameters: "[{ name: pref, in: cookie, schema: { type: string } }]" }, "{ cookies }"],
  [
    "a file answer",
    { response: "            application/octet-stream: { schema: { type: string, format: binary } }" },
    "{ files: readFile }",
  ],
  [
    "a multipart body",
    {
      requestBody:
        "      requestBody:\n        content:\n          multipart/form-data: { schema: { type: object, properties: { file: { type: string, format: binary } } } }\n",
    },
    "{ formData }",
  ],
  [
    "server variables",
    { servers: "[{ url: 'https://{region}.example.test', variables: { region: { default: eu } } }]" },
    "{ serverVariables }",
  ],
];

describe("the runtime features a generated client passes", () => {
  it.each(table)("%s", async (_name, given, want) => {
    expect(await featureArgument(given)).toBe(want);
  });
});

// The factory's @example, as an editor shows it on hover: credentials only where the API takes some.
/** The @example's lines before the factory call where a TLS client certificate is needed (the first without its ` * `). */
const CERTIFICATE = [
  "// The API wants a TLS client certificate: give the client a fetch that presents one, through an",
  " * // Agent of the undici package whose major is node's own (process.versions.undici).",
  " * const dispatcher = new Agent({ connect: { cert, key } });",
];
const examples: [name: string, given: Given, want: string][] = [
  ["no security scheme", {}, "const api = createFeaturesClient();"],
  ["a bearer scheme", BEARER, "const api = createFeaturesClient({ auth: { bearer: process.env.API_TOKEN } });"],
  [
    "a TLS client certificate only: the fetch that presents it",
    MTLS,
    [
      ...CERTIFICATE,
      " * const api = createFeaturesClient({ fetch: (request) => fetch(request, { dispatcher } as RequestInit) });",
    ].join("\n"),
  ],
  [
    "a TLS client certificate or a bearer token: the token",
    {
      schemes: `${MTLS_SCHEME}\n${BEARER_SCHEME}`,
      security: "[{ mtls: [] }, { bearer: [] }]",
    },
    "const api = createFeaturesClient({ auth: { bearer: process.env.API_TOKEN } });",
  ],
  [
    "a TLS client certificate and a bearer token: both",
    {
      schemes: `${MTLS_SCHEME}\n${BEARER_SCHEME}`,
      security: "[{ mtls: [], bearer: [] }]",
    },
    [
      ...CERTIFICATE,
      " * const api = createFeaturesClient({ auth: { bearer: process.env.API_TOKEN }, fetch: (request) => fetch(request, { dispatcher } as RequestInit) });",
    ].join("\n"),
  ],
];

describe("the factory's @example", () => {
  it.each(examples)("%s", async (_name, given, want) => {
    // In the source and in dist's declarations alike.
    const { client, clientDeclarations } = await emittedOf(given);
    expect(client).toContain(` * @example\n * ${want}\n`);
    expect(clientDeclarations).toContain(` * @example\n * ${want}\n`);
  });
});

describe("the docs' authentication section", () => {
  it("tells how to present a TLS client certificate, as the factory's @example does", async () => {
    const readme = emitDocs(await irOf(MTLS), templates).get("docs/README.md")!;
    const section = readme.slice(readme.indexOf("## Authentication"), readme.indexOf("## Servers"));
    expect(section).toContain("`fetch: (request) => fetch(request, { dispatcher })`");
    expect(section).toContain("`dispatcher = new Agent({ connect: { cert, key } })`");
    expect(section).toContain("(`process.versions.undici`)");
  });
});
