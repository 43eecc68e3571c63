/**
 * Section `consumer`: what our package costs the apps that use it at compile
 * time (issue 18, item 5). The same small app, calling three GitHub operations
 * (get a repository, list its issues, create one), is written twice:
 *
 * - through our generated package (`@apigen/github`, generated from the
 *   `@octokit/openapi` description as the github section does, linked into the
 *   app's node_modules as an installed dependency would be);
 * - on plain openapi-fetch with openapi-typescript's `paths` for the same file.
 *
 * Each app gets `tsc --noEmit` with `skipLibCheck: true` (as apps run it), as
 * whole processes interleaved after a warm-up; both must typecheck. Beside the
 * wall time: one `--extendedDiagnostics` run each for check time, type count
 * and instantiations. `consumerTypecheckOverOpenapiFetch` = median wall time,
 * ours / openapi-fetch (lower is better).
 */
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  log,
  measure,
  ROOT,
  spawnAndWait,
  summarizeSamples,
  WORK,
  type ProcessSample,
  type ProcessSummary,
} from "./proc.ts";
import { githubSpec, openapiTypescript } from "./tools.ts";

export interface ConsumerApp {
  run: ProcessSummary;
  checkS: number;
  totalS: number;
  types: number;
  instantiations: number;
}

export interface ConsumerResult {
  spec: string;
  operations: string[];
  runs: number;
  ours: ConsumerApp;
  openapiFetch: ConsumerApp;
  consumerTypecheckOverOpenapiFetch: number;
  /** The same from tsc's own "Check time" (parse and bind excluded). */
  checkTimeRatio: number;
}

const OPERATIONS = ["repos/get", "issues/list-for-repo", "issues/create"];

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    module: "ESNext",
    moduleResolution: "Bundler",
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  include: ["app.ts"],
};

const OURS_APP = `import { createGithubClient } from "@apigen/github";

const github = createGithubClient({ baseUrl: "https://api.github.com" });

export async function triage(owner: string, repo: string): Promise<string> {
  const repository = await github.repos.reposGet({ params: { path: { owner, repo } } });
  const issues = await github.issues.issuesListForRepo({ params: { path: { owner, repo }, query: { state: "open", per_page: 10 } } });
  const created = await github.issues.issuesCreate({ params: { path: { owner, repo } }, body: { title: "Triage", labels: ["bench"] } });
  return \`\${repository.full_name}: \${issues.length} open, filed #\${created.number}\`;
}
`;

const OPENAPI_FETCH_APP = `import createClient from "openapi-fetch";
import type { paths } from "./schema";

const github = createClient<paths>({ baseUrl: "https://api.github.com" });

export async function triage(owner: string, repo: string): Promise<string> {
  const { data: repository } = await github.GET("/repos/{owner}/{repo}", { params: { path: { owner, repo } } });
  const { data: issues } = await github.GET("/repos/{owner}/{repo}/issues", { params: { path: { owner, repo }, query: { state: "open", per_page: 10 } } });
  const { data: created } = await github.POST("/repos/{owner}/{repo}/issues", { params: { path: { owner, repo } }, body: { title: "Triage", labels: ["bench"] } });
  if (!repository || !issues || !created) throw new Error("GitHub said no");
  return \`\${repository.full_name}: \${issues.length} open, filed #\${created.number}\`;
}
`;

/** `cli`: our generator (the run's frozen copy, see snapshot.ts). */
export async function benchConsumer(runs: number, cli: string): Promise<ConsumerResult> {
  const spec = await githubSpec();
  const oats = await openapiTypescript();
  const work = join(WORK, "consumer");
  await rm(work, { recursive: true, force: true });
  const ours = join(work, "app-ours");
  const theirs = join(work, "app-openapi-fetch");
  const pkg = join(work, "packages", "github");
  await mkdir(join(ours, "node_modules", "@apigen"), { recursive: true });
  await mkdir(theirs, { recursive: true });

  log("consumer: generating @apigen/github and openapi-typescript's schema.d.ts (not timed)");
  await measure(process.execPath, [cli, "generate", "--spec", spec.file, "--out", pkg, "--name", "github", "--quiet"]);
  await symlink(pkg, join(ours, "node_modules", "@apigen", "github"), "dir");
  // From the scratch folder, as the github section runs it: in the repo it would pick up our redocly.yaml.
  await measure(process.execPath, [oats.bin, spec.file, "--output", join(theirs, "schema.d.ts")], { cwd: work });
  for (const [dir, app] of [
    [ours, OURS_APP],
    [theirs, OPENAPI_FETCH_APP],
  ] as const) {
    await writeFile(join(dir, "app.ts"), app);
    await writeFile(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2) + "\n");
  }

  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const check = (dir: string) =>
    measure(process.execPath, [tsc, "-p", join(dir, "tsconfig.json"), "--pretty", "false"], { cwd: dir });
  // Both apps must typecheck (this also warms the disk cache); then the timed runs.
  const [oursDiag, theirsDiag] = [await diagnostics(tsc, ours), await diagnostics(tsc, theirs)];
  const samples: [ProcessSample[], ProcessSample[]] = [[], []];
  for (let round = 0; round <= runs; round++) {
    const order = round % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const);
    for (const i of order) {
      const sample = await check(i === 0 ? ours : theirs);
      if (round > 0) samples[i].push(sample);
    }
    log(`consumer ${round === 0 ? "warm-up" : `round ${round}/${runs}`} done`);
  }
  const oursApp: ConsumerApp = { run: summarizeSamples(samples[0]), ...oursDiag };
  const theirsApp: ConsumerApp = { run: summarizeSamples(samples[1]), ...theirsDiag };
  return {
    spec: spec.version,
    operations: OPERATIONS,
    runs,
    ours: oursApp,
    openapiFetch: theirsApp,
    consumerTypecheckOverOpenapiFetch: oursApp.run.ms.median / theirsApp.run.ms.median,
    checkTimeRatio: oursApp.checkS / theirsApp.checkS,
  };
}

/** tsc's own account of one run: check time, total time, types and instantiations. */
async function diagnostics(tsc: string, dir: string): Promise<Omit<ConsumerApp, "run">> {
  const { code, stdout, stderr } = await spawnAndWait(
    process.execPath,
    [tsc, "-p", join(dir, "tsconfig.json"), "--pretty", "false", "--extendedDiagnostics"],
    { cwd: dir },
  );
  if (code !== 0) throw new Error(`consumer: tsc failed in ${dir}:\n${stdout}${stderr}`);
  const figure = (name: string) => {
    const match = new RegExp(`^${name}:\\s+([\\d.]+)`, "m").exec(stdout);
    if (!match) throw new Error(`consumer: no "${name}" in tsc --extendedDiagnostics`);
    return Number(match[1]);
  };
  return {
    checkS: figure("Check time"),
    totalS: figure("Total time"),
    types: figure("Types"),
    instantiations: figure("Instantiations"),
  };
}
