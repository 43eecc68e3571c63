/**
 * Section 2: scale, on the GitHub REST description. Three whole processes on
 * the same file, interleaved round by round so they see the same machine load:
 *
 * - ours: `generate --spec github.json --out <dir>` (types + client + docs + dist);
 * - @hey-api/openapi-ts with its fetch client (types + SDK);
 * - openapi-typescript alone (types only: the floor under our types step).
 *
 * Each output then gets one `tsc --noEmit` under the same minimal strict
 * tsconfig (skipLibCheck off, or the .d.ts outputs would not be checked at all).
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import {
  folderSize,
  log,
  measure,
  ROOT,
  summarizeSamples,
  WORK,
  type ProcessSample,
  type ProcessSummary,
} from "./proc.ts";
import { ensureHeyApi, githubSpec, openapiTypescript } from "./tools.ts";

export type GithubTool = "ours" | "heyApi" | "openapiTypescript";

export interface GithubToolResult {
  label: string;
  version: string;
  command: string;
  run: ProcessSummary;
  output: { bytes: number; files: number; breakdown?: Record<string, number> };
  tsc: { ms: number; maxRssKb: number; files: string; exitCode: number };
}

export interface GithubResult {
  spec: { package: string; file: string; bytes: number; operations: number; schemas: number };
  runs: number;
  tools: Record<GithubTool, GithubToolResult>;
  githubOursOverHeyApi: number;
  githubOursOverOpenapiTypescript: number;
}

/** A warm-up run longer than this is kept as a sample: disk and tsx caches are warm by then anyway. */
const SLOW_WARMUP_MS = 20_000;

/** The strict, minimal project every output is checked with (lib DOM: all three clients use fetch). */
const TSC_OPTIONS = {
  target: "ES2022",
  lib: ["ES2022", "DOM", "DOM.Iterable"],
  module: "ESNext",
  moduleResolution: "Bundler",
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  types: [],
};

/** `cli`: our generator (the run's frozen copy, see snapshot.ts). */
export async function benchGithub(runs: number, cli: string): Promise<GithubResult> {
  const spec = await githubSpec();
  const [heyApi, oats] = await Promise.all([ensureHeyApi(), openapiTypescript()]);
  const work = join(WORK, "github");
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const out = (tool: GithubTool) => join(work, `out-${tool}`);

  const tools: Record<GithubTool, { label: string; version: string; args: string[]; tscInclude: string[] }> = {
    openapiTypescript: {
      label: `openapi-typescript ${oats.version} (types only)`,
      version: oats.version,
      args: [oats.bin, spec.file, "--output", join(out("openapiTypescript"), "schema.d.ts")],
      tscInclude: ["schema.d.ts"],
    },
    heyApi: {
      label: `@hey-api/openapi-ts ${heyApi.version} (types + SDK)`,
      version: heyApi.version,
      args: [
        heyApi.bin,
        "--input",
        spec.file,
        "--output",
        out("heyApi"),
        "--client",
        "@hey-api/client-fetch",
        "--silent",
        "--no-log-file",
      ],
      tscInclude: ["**/*.ts"],
    },
    ours: {
      label: "apigen (types + client + docs + dist)",
      version: "working tree",
      args: [cli, "generate", "--spec", spec.file, "--out", out("ours"), "--quiet"],
      tscInclude: ["src/**/*.ts"],
    },
  };
  const order: GithubTool[] = ["openapiTypescript", "heyApi", "ours"];
  const samples: Record<GithubTool, ProcessSample[]> = { ours: [], heyApi: [], openapiTypescript: [] };

  for (
    let round = 0;
    samples.ours.length < runs || samples.heyApi.length < runs || samples.openapiTypescript.length < runs;
    round++
  ) {
    for (const tool of order) {
      if (samples[tool].length >= runs) continue;
      await rm(out(tool), { recursive: true, force: true });
      await mkdir(out(tool), { recursive: true });
      const sample = await measure(process.execPath, tools[tool].args, { cwd: work });
      const kept = round > 0 || sample.ms > SLOW_WARMUP_MS;
      log(
        `github ${round === 0 ? "warm-up" : `round ${round}`}: ${tool} ${(sample.ms / 1000).toFixed(1)} s, ${Math.round(sample.maxRssKb / 1024)} MiB${kept ? "" : " (discarded)"}`,
      );
      if (kept) samples[tool].push(sample);
    }
  }

  const results = {} as Record<GithubTool, GithubToolResult>;
  for (const tool of order) {
    const dir = out(tool);
    const output = { ...(await folderSize(dir)), ...(tool === "ours" ? { breakdown: await topLevelSizes(dir) } : {}) };
    const tsc = await typecheck(work, tool, dir, tools[tool].tscInclude);
    log(
      `github tsc --noEmit on ${tool}: ${(tsc.ms / 1000).toFixed(1)} s${tsc.exitCode === 0 ? "" : ` (exit ${tsc.exitCode})`}`,
    );
    results[tool] = {
      label: tools[tool].label,
      version: tools[tool].version,
      command: `node ${tools[tool].args.map((a) => (a.startsWith(ROOT) ? relative(ROOT, a) : a)).join(" ")}`,
      run: summarizeSamples(samples[tool]),
      output,
      tsc,
    };
  }
  const stats = await specStats(spec.file);
  return {
    spec: { package: `@octokit/openapi@${spec.version}`, file: relative(ROOT, spec.file), ...stats },
    runs,
    tools: results,
    githubOursOverHeyApi: results.ours.run.ms.median / results.heyApi.run.ms.median,
    githubOursOverOpenapiTypescript: results.ours.run.ms.median / results.openapiTypescript.run.ms.median,
  };
}

async function typecheck(
  work: string,
  tool: GithubTool,
  dir: string,
  include: string[],
): Promise<GithubToolResult["tsc"]> {
  const project = join(work, `tsc-${tool}`);
  await mkdir(project, { recursive: true });
  const config = { compilerOptions: TSC_OPTIONS, include: include.map((p) => `${relative(project, dir)}/${p}`) };
  await writeFile(join(project, "tsconfig.json"), JSON.stringify(config, null, 2));
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  // Type errors in an output: the time still counts, and the exit code says so.
  const s = await measure(process.execPath, [tsc, "-p", join(project, "tsconfig.json"), "--pretty", "false"], {
    cwd: project,
    allowFailure: true,
  });
  return { ms: s.ms, maxRssKb: s.maxRssKb, files: include.join(" "), exitCode: s.exitCode };
}

async function topLevelSizes(dir: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    sizes[entry.name] = entry.isDirectory() ? (await folderSize(path)).bytes : (await stat(path)).size;
  }
  return sizes;
}

async function specStats(file: string): Promise<{ bytes: number; operations: number; schemas: number }> {
  const text = await readFile(file, "utf8");
  const doc = JSON.parse(text) as {
    paths?: Record<string, Record<string, unknown>>;
    components?: { schemas?: Record<string, unknown> };
  };
  const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
  let operations = 0;
  for (const item of Object.values(doc.paths ?? {})) operations += methods.filter((m) => item[m] !== undefined).length;
  return { bytes: Buffer.byteLength(text), operations, schemas: Object.keys(doc.components?.schemas ?? {}).length };
}
