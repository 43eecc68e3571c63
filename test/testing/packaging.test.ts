/**
 * How the test kit and the validators ship: compiled JavaScript that imports
 * nothing (ajv is the generator's tool, not a dependency of the packages),
 * reachable through the package's exports, and absent from the bundle of an
 * app that only uses the client.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/run.ts";

const PROVIDERS = ["latitudesh", "openziti-edge-client", "openziti-edge-management", "pingone-management"];

describe.each(PROVIDERS)("%s", (provider) => {
  const dir = join(ROOT, "generated", provider);

  it("ships validators that import nothing, and no validator library among its dependencies", async () => {
    const code = await readFile(join(dir, "dist", "validators.js"), "utf8");
    expect(code).not.toMatch(/\brequire\s*\(|^\s*import\b|\bimport\s*\(/m);
    const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).toEqual(["openapi-fetch"]);
  });

  it("exports ./testing and ./validate by name", async () => {
    const testing = (await import(`@apigen/${provider}/testing`)) as Record<string, unknown>;
    const validate = (await import(`@apigen/${provider}/validate`)) as Record<string, unknown>;
    expect(typeof testing.createMock).toBe("function");
    expect(typeof validate.validators).toBe("object");
    // The same client factory as the main entry's, with the validators behind its validate option.
    const index = (await import(`@apigen/${provider}`)) as Record<string, unknown>;
    const factory = Object.keys(index).find((name) => /^create\w*Client$/.test(name))!;
    expect(typeof validate[factory]).toBe("function");
    expect(validate[factory]).not.toBe(index[factory]);
    expect(testing.ValidationError).toBe(validate.ValidationError);
  });

  it("leaves the validators and the mock out of a bundle that only creates the client", async () => {
    const esbuild = await import("esbuild");
    const index = (await import(`@apigen/${provider}`)) as Record<string, unknown>;
    const factory = Object.keys(index).find((name) => /^create\w*Client$/.test(name))!;
    const contents = `import { ${factory} } from ${JSON.stringify(join(dir, "dist", "index.js"))};\nexport const api = ${factory}({});\n`;
    const result = await esbuild.build({
      stdin: { contents, resolveDir: ROOT, loader: "js" },
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "error",
    });
    const bundle = result.outputFiles[0]!.text;
    expect(bundle).toContain(factory);
    expect(bundle).not.toContain("requestValidators");
    expect(bundle).not.toContain("createMock");
    expect(bundle).not.toContain("class ValidationError");
  });
});
