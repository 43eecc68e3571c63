/**
 * Verdicts proven by the compiler. For each row, the old and new spec are generated into client
 * packages (types and client, in-process), a caller written against the old package is compiled
 * against both in one TypeScript program, and the outcome must agree with the classifier: a
 * caller that stops compiling means the rule says breaking; a caller that keeps compiling means
 * not breaking, unless the row says the break is one the types cannot show (then the rule's
 * caller sentence must say that code compiles). Rows name a rule of generator/changes/rules.ts.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffSpecs } from "../../generator/changes/diff.ts";
import { RULES, type RuleId } from "../../generator/changes/rules.ts";
import { highestLevel } from "../../generator/changes/semver.ts";
import type { Level } from "../../generator/changes/types.ts";
import { emitClient } from "../../generator/emit/client.ts";
import { PACKAGE_TSCONFIG } from "../../generator/emit/package.ts";
import { loadTemplates } from "../../generator/emit/templates.ts";
import { emitTypes } from "../../generator/emit/types.ts";
import { buildIR } from "../../generator/ir/build.ts";
import { parseSpecText } from "../../generator/load/load.ts";
import { RUNTIME_DIR } from "../../generator/paths.ts";
import { validateAndBundle } from "../../generator/validate/validate.ts";
import { ROOT } from "../support/run.ts";

type Json = Record<string, any>;

interface Row {
  rule: RuleId;
  /** Edits a copy of the base spec into the new one. */
  edit: (spec: Json) => void;
  /** The body of `async (api: DemoClient) => { ... }`, written against the old package. */
  caller: string;
  want: { level: Level; compiles: boolean };
  /** A break the types cannot show (the wire or the server's behaviour changes). */
  runtimeOnly?: true;
}

function baseSpec(): Json {
  return {
    openapi: "3.1.0",
    info: { title: "Demo", version: "1.0.0" },
    servers: [{ url: "https://eu.example.com" }, { url: "https://us.example.com" }],
    security: [{ key: [] }],
    paths: {
      "/items/{id}": {
        get: {
          operationId: "getItem",
          tags: ["items"],
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "verbose", in: "query", schema: { type: "boolean" } },
          ],
          responses: {
            "200": {
              description: "The item.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/item" } } },
            },
            "404": {
              description: "No such item.",
              content: {
                "application/json": {
                  schema: { type: "object", required: ["message"], properties: { message: { type: "string" } } },
                },
              },
            },
          },
        },
      },
      "/items": {
        post: {
          operationId: "createItem",
          tags: ["items"],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/itemCreate" } } },
          },
          responses: {
            "201": {
              description: "Created.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/item" } } },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        key: { type: "apiKey", in: "header", name: "X-Key" },
        token: { type: "http", scheme: "bearer" },
      },
      schemas: {
        item: {
          type: "object",
          required: ["id", "name", "status"],
          properties: {
            id: { type: "string" },
            name: { type: "string" },
            status: { type: "string", enum: ["active", "closed"] },
            size: { type: "number" },
          },
        },
        itemCreate: {
          type: "object",
          required: ["name"],
          properties: { name: { type: "string" }, note: { type: "string" }, quantity: { type: "number" } },
        },
        legacy: { type: "object", properties: { code: { type: "string" } } },
      },
    },
  };
}

const get = (s: Json) => s.paths["/items/{id}"].get;
const post = (s: Json) => s.paths["/items"].post;
const item = (s: Json) => s.components.schemas.item;
const create = (s: Json) => s.components.schemas.itemCreate;
const READ = `const item = await api.items.getItem({ params: { path: { id: "1" } } });`;
const CREATE = `await api.items.createItem({ body: { name: "n" } });`;

const rows: Row[] = [
  {
    rule: "operation-removed",
    edit: (s) => delete s.paths["/items/{id}"],
    caller: READ,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "operation-added",
    edit: (s) =>
      (s.paths["/health"] = {
        get: { operationId: "health", tags: ["items"], responses: { "204": { description: "Up." } } },
      }),
    caller: READ,
    want: { level: "minor", compiles: true },
  },
  {
    rule: "operation-id-changed",
    edit: (s) => (get(s).operationId = "fetchItem"),
    caller: READ,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "operation-tag-changed",
    edit: (s) => (get(s).tags = ["things"]),
    caller: READ,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "deprecated",
    edit: (s) => (get(s).deprecated = true),
    caller: READ,
    want: { level: "minor", compiles: true },
  },
  {
    rule: "description-changed",
    edit: (s) => (get(s).description = "Reads one item."),
    caller: READ,
    want: { level: "patch", compiles: true },
  },
  {
    rule: "parameter-added-required",
    edit: (s) => get(s).parameters.push({ name: "tenant", in: "query", required: true, schema: { type: "string" } }),
    caller: READ,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "parameter-added",
    edit: (s) => get(s).parameters.push({ name: "fields", in: "query", schema: { type: "string" } }),
    caller: READ,
    want: { level: "minor", compiles: true },
  },
  {
    rule: "parameter-removed",
    edit: (s) => get(s).parameters.pop(),
    caller: `await api.items.getItem({ params: { path: { id: "1" }, query: { verbose: true } } });`,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "parameter-became-required",
    edit: (s) => (get(s).parameters[1].required = true),
    caller: READ,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "parameter-style-changed",
    edit: (s) => (get(s).parameters[1].style = "deepObject"),
    caller: READ,
    want: { level: "breaking", compiles: true },
    runtimeOnly: true,
  },
  {
    rule: "request-property-added-required",
    edit: (s) => {
      create(s).properties.owner = { type: "string" };
      create(s).required.push("owner");
    },
    caller: CREATE,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "request-property-added",
    edit: (s) => (create(s).properties.owner = { type: "string" }),
    caller: CREATE,
    want: { level: "minor", compiles: true },
  },
  {
    rule: "request-property-removed",
    edit: (s) => delete create(s).properties.note,
    caller: `await api.items.createItem({ body: { name: "n", note: "x" } });`,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "request-constraint-narrowed",
    edit: (s) => (create(s).properties.name.maxLength = 3),
    caller: CREATE,
    want: { level: "breaking", compiles: true },
    runtimeOnly: true,
  },
  {
    rule: "request-body-removed",
    edit: (s) => delete post(s).requestBody,
    caller: CREATE,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "response-property-removed",
    edit: (s) => delete item(s).properties.size,
    caller: `${READ}\nconst size: number | undefined = item.size;`,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "response-property-added",
    edit: (s) => (item(s).properties.color = { type: "string" }),
    caller: `${READ}\nconst name: string = item.name;`,
    want: { level: "minor", compiles: true },
  },
  {
    rule: "response-property-became-optional",
    edit: (s) => (item(s).required = ["id", "status"]),
    caller: `${READ}\nconst name: string = item.name;`,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "response-property-became-required",
    edit: (s) => item(s).required.push("size"),
    caller: `${READ}\nconst size: number | undefined = item.size;`,
    want: { level: "minor", compiles: true },
  },
  {
    rule: "response-enum-value-added",
    edit: (s) => item(s).properties.status.enum.push("archived"),
    caller: `${READ}\nswitch (item.status) {\n  case "active": break;\n  case "closed": break;\n  default: { const unreachable: never = item.status; void unreachable; }\n}`,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "enum-value-removed",
    edit: (s) => item(s).properties.status.enum.pop(),
    caller: `${READ}\nif (item.status === "closed") console.log("closed");`,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "type-changed",
    edit: (s) => (item(s).properties.size = { type: "string" }),
    caller: `${READ}\nconst size: number = item.size ?? 0;`,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "response-type-narrowed",
    edit: (s) => (item(s).properties.size = { type: "integer" }),
    caller: `${READ}\nconst size: number = item.size ?? 0;`,
    want: { level: "minor", compiles: true },
  },
  {
    rule: "response-nullable-added",
    edit: (s) => (item(s).properties.name = { type: ["string", "null"] }),
    caller: `${READ}\nconst length: number = item.name.length;`,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "schema-removed",
    edit: (s) => delete s.components.schemas.legacy,
    caller: `type Legacy = components["schemas"]["legacy"];\nconst legacy: Legacy = {};\nvoid legacy;`,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "schema-added",
    edit: (s) => (s.components.schemas.extra = { type: "string" }),
    caller: `type Legacy = components["schemas"]["legacy"];\nconst legacy: Legacy = {};\nvoid legacy;`,
    want: { level: "minor", compiles: true },
  },
  {
    rule: "success-status-changed",
    edit: (s) => (get(s).responses = { "203": get(s).responses["200"] }),
    caller: `${READ}\nconst name: string = item.name;`,
    want: { level: "breaking", compiles: true },
    runtimeOnly: true,
  },
  {
    rule: "request-body-became-optional",
    edit: (s) => (post(s).requestBody.required = false),
    caller: CREATE,
    want: { level: "minor", compiles: true },
  },
  {
    rule: "request-enum-added",
    edit: (s) => (create(s).properties.name.enum = ["a", "b"]),
    caller: CREATE,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "request-type-narrowed",
    edit: (s) => (create(s).properties.quantity = { type: "integer" }),
    caller: `await api.items.createItem({ body: { name: "n", quantity: 1.5 } });`,
    want: { level: "breaking", compiles: true },
    runtimeOnly: true,
  },
  {
    rule: "error-status-removed",
    edit: (s) => delete get(s).responses["404"],
    caller: `try {
  ${READ}
  void item;
} catch (error) {
  if (isApiError(error, "getItem") && error.status === 404) console.log(error.body.message);
}`,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "error-status-added",
    edit: (s) => (get(s).responses["409"] = { description: "Conflict." }),
    caller: `try {
  ${READ}
  void item;
} catch (error) {
  if (isApiError(error, "getItem") && error.status === 404) console.log(error.body.message);
}`,
    want: { level: "minor", compiles: true },
  },
  {
    rule: "security-scheme-removed",
    edit: (s) => delete s.components.securitySchemes.token,
    caller: `void createDemoClient({ auth: { key: "k", token: "t" } });`,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "security-scheme-added",
    edit: (s) => (s.components.securitySchemes.basic = { type: "http", scheme: "basic" }),
    caller: `void createDemoClient({ auth: { key: "k", token: "t" } });`,
    want: { level: "minor", compiles: true },
  },
  {
    rule: "server-removed",
    edit: (s) => s.servers.pop(),
    caller: `void createDemoClient({ server: { index: 1 } });`,
    want: { level: "breaking", compiles: false },
  },
  {
    rule: "server-added",
    edit: (s) => s.servers.push({ url: "https://ap.example.com" }),
    caller: `void createDemoClient({ server: { index: 1 } });`,
    want: { level: "minor", compiles: true },
  },
];

const OLD = "old";
let work: string;
const compiles = new Map<string, { old: string[]; new: string[] }>();

async function bundle(spec: Json, dir: string): Promise<Record<string, unknown>> {
  const file = join(dir, "spec.json");
  return (await validateAndBundle(parseSpecText(file, JSON.stringify(spec)))) as never;
}

/** src/ of the package generated from `spec`, with the runtime shared by every package of the run. */
async function writePackage(
  spec: Json,
  dir: string,
  templates: Awaited<ReturnType<typeof loadTemplates>>,
): Promise<Record<string, unknown>> {
  await mkdir(dir, { recursive: true });
  const bundled = (await bundle(spec, dir)) as unknown as Parameters<typeof buildIR>[0];
  const ir = buildIR(bundled, "demo");
  const banner = "// verdict test";
  const { client, index } = emitClient(ir, templates, banner);
  await mkdir(join(dir, "runtime"), { recursive: true });
  await Promise.all([
    writeFile(join(dir, "schema.d.ts"), await emitTypes(bundled.document, banner)),
    writeFile(join(dir, "client.ts"), client),
    writeFile(join(dir, "index.ts"), index),
    writeFile(join(dir, "runtime", "index.ts"), `export * from "../../../runtime/index.js";\n`),
  ]);
  return bundled.document;
}

const documents = new Map<string, { before: Record<string, unknown>; after: Record<string, unknown> }>();

beforeAll(async () => {
  // Inside the repository, so the packages resolve openapi-fetch from its node_modules.
  await mkdir(join(ROOT, ".cache"), { recursive: true });
  work = await mkdtemp(join(ROOT, ".cache", "verdicts-"));
  await writeFile(join(work, "package.json"), `{ "type": "module" }\n`);
  await cp(RUNTIME_DIR, join(work, "runtime"), { recursive: true });
  const templates = await loadTemplates();
  // The old package is the same for every row: generated once, under old/.
  const before = await writePackage(baseSpec(), join(work, OLD, "pkg"), templates);
  const callers: string[] = [];
  for (const [i, row] of rows.entries()) {
    const spec = baseSpec();
    row.edit(spec);
    const after = await writePackage(spec, join(work, `case${i}`, "pkg"), templates);
    documents.set(row.rule, { before, after });
    for (const [side, from] of [
      ["old", `../${OLD}/pkg/index.js`],
      ["new", "./pkg/index.js"],
    ] as const) {
      const file = join(work, `case${i}`, `caller-${side}.ts`);
      const code = `import { createDemoClient, isApiError, type components } from "${from}";\nexport async function caller(api: ReturnType<typeof createDemoClient>): Promise<void> {\n${row.caller}\n}\nexport type Components = components;\n`;
      await writeFile(file, code);
      callers.push(file);
    }
  }
  // One program for every case: one type-check, not one process per case.
  const { options } = ts.convertCompilerOptionsFromJson(
    { ...PACKAGE_TSCONFIG.compilerOptions, declaration: false, isolatedDeclarations: false, noUnusedLocals: false },
    work,
  );
  const program = ts.createProgram(callers, options);
  for (const [i, row] of rows.entries()) {
    const errors = (side: string) =>
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(join(work, `case${i}`, `caller-${side}.ts`)))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    compiles.set(row.rule, { old: errors("old"), new: errors("new") });
  }
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("verdicts proven by the compiler", () => {
  it("covers distinct rules", () => {
    expect(new Set(rows.map((r) => r.rule)).size).toBe(rows.length);
  });

  it.each(rows)("$rule: $want.level, caller compiles against the new package: $want.compiles", (row) => {
    const result = compiles.get(row.rule)!;
    // The caller is right for the old package; otherwise the row proves nothing.
    expect(result.old).toEqual([]);
    expect(result.new.length === 0, result.new.join("\n")).toBe(row.want.compiles);
    const { before, after } = documents.get(row.rule)!;
    const changes = diffSpecs(before, after);
    expect(changes.map((c) => c.kind)).toContain(row.rule);
    expect(highestLevel(changes)).toBe(row.want.level);
    // The compiler and the classifier agree: a caller that breaks means breaking...
    if (!row.want.compiles) {
      expect(row.want.level).toBe("breaking");
      expect(RULES[row.rule].caller).toMatch(/compile error|not compile/);
    }
    // ...and a breaking verdict for code that still compiles is one the types cannot show, which the rule says.
    if (row.want.compiles && row.want.level === "breaking") {
      expect(row.runtimeOnly).toBe(true);
      expect(RULES[row.rule].caller).toMatch(/compiles/);
    }
  });
});
