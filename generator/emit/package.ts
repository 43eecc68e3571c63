import type { ApiIR } from "../ir/types.ts";
import { type PublishingSettings, packageLinks, packageLicense, publishingSettings } from "./publishing.ts";
import { oneLine } from "./markdown.ts";
import { packageReadmeView } from "./package-readme.ts";
import { MIN_NODE_VERSION } from "./runtime-facts.ts";
import type { Templates } from "./templates.ts";

/** The range of openapi-fetch generated packages depend on: the one this repo builds and tests with. */
export const OPENAPI_FETCH_RANGE = "^0.17.0";

/**
 * package.json, tsconfig.json, README.md and openapi.json of a generated package. `openapiJson`:
 * openapi.json's text ({@link openapiJsonText} of `document`) when the caller has made it already.
 */
export function emitPackageFiles(
  ir: ApiIR,
  document: Record<string, unknown>,
  version: string,
  templates: Templates,
  settings: PublishingSettings = publishingSettings(),
  openapiJson: string = openapiJsonText(document),
): Map<string, string> {
  const files = new Map<string, string>();
  const links = packageLinks(ir.provider, settings);
  // ESM only: Node >= 20.19 loads it with require() as well (require(esm), unflagged), so the
  // "require" condition names the same files and there is one copy of the error classes.
  const entry = (name: string) => ({
    types: `./dist/${name}.d.ts`,
    import: `./dist/${name}.js`,
    require: `./dist/${name}.js`,
    default: `./dist/${name}.js`,
  });
  const packageJson = {
    name: ir.packageName,
    version,
    description: `Typed fetch client for ${oneLine(ir.title)} (API version ${ir.apiVersion}), generated from its OpenAPI description.`,
    keywords: ["openapi", "api-client", "fetch", "typescript", ir.provider],
    license: packageLicense(document, settings),
    homepage: links?.homepage,
    repository: links?.repository,
    bugs: links?.bugs,
    type: "module",
    sideEffects: false,
    engines: { node: `>=${MIN_NODE_VERSION}` },
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    exports: {
      ".": entry("index"),
      "./raw": entry("raw"),
      "./schema": entry("schema"),
      "./testing": entry("testing"),
      "./validate": entry("validate"),
      "./openapi.json": "./openapi.json",
      "./package.json": "./package.json",
    },
    // moduleResolution node10 ignores `exports`: map the subpath for it.
    typesVersions: {
      "*": {
        raw: ["./dist/raw.d.ts"],
        schema: ["./dist/schema.d.ts"],
        testing: ["./dist/testing.d.ts"],
        validate: ["./dist/validate.d.ts"],
      },
    },
    // What a consumer uses: the built code, the spec's types (dist/schema.d.ts re-exports them), docs and the spec.
    files: ["dist", "src/schema.d.ts", "docs", "openapi.json", "README.md", "CHANGELOG.md"],
    publishConfig: { access: "public" },
    dependencies: { "openapi-fetch": OPENAPI_FETCH_RANGE },
  };
  files.set("package.json", JSON.stringify(packageJson, null, 2) + "\n");
  files.set("tsconfig.json", JSON.stringify(PACKAGE_TSCONFIG, null, 2) + "\n");
  files.set("openapi.json", openapiJson);
  files.set("README.md", templates.render("client/README.md.hbs", packageReadmeView(ir, links?.docs, templates)));
  return files;
}

/** openapi.json: the bundled, canonical document. */
export function openapiJsonText(document: Record<string, unknown>): string {
  return JSON.stringify(document, null, 2) + "\n";
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
