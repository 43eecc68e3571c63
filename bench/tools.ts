/**
 * The comparison tools and the big spec, fetched on demand into the git-ignored
 * `.cache/` (never root dependencies): `npm install --prefix .cache/bench/tools/<slot>`
 * of pinned versions, reused while the pinned versions match.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ensureGithubSpec, OCTOKIT_OPENAPI_VERSION } from "../test/support/octokit.ts";
import { log, ROOT, spawnAndWait } from "./proc.ts";

/**
 * @hey-api/openapi-ts: the newest release whose `engines` accept Node 20
 * (`npm view @hey-api/openapi-ts@<v> engines`): 0.95.0 says `>=20.19.0`;
 * 0.96.0 and later say `>=22.13.0` / `>=22.18.0`. Its fetch client is built in
 * (`-c @hey-api/client-fetch` selects the plugin; nothing else to install).
 * TypeScript is its peer dependency, pinned to the root's version.
 */
export const HEY_API_VERSION = "0.95.0";
export const HEY_API_TYPESCRIPT = "5.9.3";

const TOOLS = join(ROOT, ".cache", "bench", "tools");

export interface Tool {
  name: string;
  version: string;
  /** Absolute path of the JavaScript file its CLI runs. */
  bin: string;
}

/** `@hey-api/openapi-ts@HEY_API_VERSION` under `.cache/bench/tools/hey-api/`. */
export async function ensureHeyApi(): Promise<Tool> {
  const prefix = join(TOOLS, "hey-api");
  const packages = { "@hey-api/openapi-ts": HEY_API_VERSION, typescript: HEY_API_TYPESCRIPT };
  await ensureInstalled(prefix, packages);
  return {
    name: "@hey-api/openapi-ts",
    version: HEY_API_VERSION,
    bin: join(prefix, "node_modules", "@hey-api", "openapi-ts", "bin", "run.js"),
  };
}

/** openapi-typescript as the root installs it (the library our types step calls). */
export async function openapiTypescript(): Promise<Tool> {
  const dir = join(ROOT, "node_modules", "openapi-typescript");
  const { version } = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as { version: string };
  return { name: "openapi-typescript", version, bin: join(dir, "bin", "cli.js") };
}

/** The GitHub REST description from `@octokit/openapi` (pinned by test/support/octokit.ts). */
export async function githubSpec(): Promise<{ file: string; version: string }> {
  log(`@octokit/openapi@${OCTOKIT_OPENAPI_VERSION}: ensuring it is in .cache/octokit`);
  return { file: await ensureGithubSpec(), version: OCTOKIT_OPENAPI_VERSION };
}

async function ensureInstalled(prefix: string, packages: Record<string, string>): Promise<void> {
  const marker = join(prefix, ".installed.json");
  const wanted = JSON.stringify(packages);
  if (existsSync(marker) && (await readFile(marker, "utf8")) === wanted) return;
  log(
    `installing ${Object.entries(packages)
      .map(([n, v]) => `${n}@${v}`)
      .join(", ")} into ${prefix.slice(ROOT.length + 1)}`,
  );
  await rm(prefix, { recursive: true, force: true });
  await mkdir(prefix, { recursive: true });
  await writeFile(
    join(prefix, "package.json"),
    JSON.stringify({ private: true, description: "apigen bench comparison tool" }) + "\n",
  );
  const specs = Object.entries(packages).map(([name, version]) => `${name}@${version}`);
  const result = await spawnAndWait(
    "npm",
    ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--ignore-scripts", "--save-exact", ...specs],
    {
      cwd: prefix,
      timeoutMs: 10 * 60_000,
    },
  );
  if (result.code !== 0) throw new Error(`npm install in ${prefix} failed:\n${result.stderr.slice(-3000)}`);
  await writeFile(marker, wanted);
}
