import type { ApiIR } from "../ir/types.ts";
import { Examples, importStatement } from "./docs/examples.ts";
import { oneLine, text } from "./markdown.ts";
import { Schemas } from "./docs/schema.ts";
import { testingExample } from "./testing/docs.ts";
import type { Templates } from "./templates.ts";

/** The range of openapi-fetch generated packages depend on: the one this repo builds and tests with. */
export const OPENAPI_FETCH_RANGE = "^0.17.0";

/** package.json, tsconfig.json, README.md and openapi.json of a generated package. */
export function emitPackageFiles(ir: ApiIR, document: Record<string, unknown>, version: string, templates: Templates): Map<string, string> {
  const files = new Map<string, string>();
  const packageJson = {
    name: ir.packageName,
    version,
    description: `Typed fetch client for ${oneLine(ir.title)} (API version ${ir.apiVersion}), generated from its OpenAPI description.`,
    type: "module",
    sideEffects: false,
    types: "./dist/index.d.ts",
    exports: {
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./schema": { types: "./dist/schema.d.ts", default: "./dist/schema.js" },
      "./testing": { types: "./dist/testing.d.ts", default: "./dist/testing.js" },
      "./validate": { types: "./dist/validate.d.ts", default: "./dist/validate.js" },
      "./openapi.json": "./openapi.json",
      "./package.json": "./package.json",
    },
    files: ["dist", "src", "docs", "openapi.json", "README.md", "CHANGELOG.md"],
    dependencies: { "openapi-fetch": OPENAPI_FETCH_RANGE },
  };
  files.set("package.json", JSON.stringify(packageJson, null, 2) + "\n");
  files.set("tsconfig.json", JSON.stringify(PACKAGE_TSCONFIG, null, 2) + "\n");
  files.set("openapi.json", JSON.stringify(document, null, 2) + "\n");
  files.set("README.md", templates.render("client/README.md.hbs", readmeView(ir)));
  return files;
}

/** The strictest settings a consumer might use; `npm test` typechecks every package with them. */
export const PACKAGE_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noImplicitOverride: true,
    verbatimModuleSyntax: true,
    isolatedDeclarations: true,
    declaration: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  },
  include: ["src"],
};

function readmeView(ir: ApiIR) {
  // The docs' own example for the first operation: typechecked with the docs' examples.
  const op = ir.operations.find((o) => o.method === "get" && !o.parameters.some((p) => p.required)) ?? ir.operations[0];
  const tag = ir.tags.find((t) => t.name === op?.tag);
  const examples = new Examples(ir, new Schemas(ir));
  const example =
    op && tag
      ? examples.operation(op, tag)
      : `${importStatement([ir.factoryName], ir.packageName)}\n\nconst api = ${ir.factoryName}();\nconsole.log(api.raw);`;
  return {
    packageName: ir.packageName,
    summary: `Typed fetch client for ${text(ir.title)}.`,
    openapiVersion: ir.openapiVersion,
    title: text(ir.title),
    apiVersion: text(ir.apiVersion),
    example,
    testingExample: testingExample(ir, examples),
  };
}
