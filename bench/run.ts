/**
 * `npm run bench`: generation and client performance side by side with the
 * tools users would pick instead (issue 7). Prints the ratios first, then one
 * table per section; writes bench/results.json and bench/chart.svg and the
 * figures block of bench/README.md. See bench/README.md.
 *
 *   npm run bench                         all four sections, committed outputs
 *   npm run bench -- --only client,bundle one or more sections, merged into results.json
 *   npm run bench -- --quick              fewer runs; writes to bench/.work/ only
 *   npm run bench -- --render             redraw table, chart and README figures from results.json
 *   npm run bench -- --only profile       where GitHub generation spends its time (bench/.work/profile/)
 *   npm run bench -- --only profile-regen the same for a cold run of the providers in specs/
 */
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchBundle } from "./bundle.ts";
import { renderChart } from "./chart.ts";
import { benchClient } from "./client.ts";
import { benchConsumer } from "./consumer.ts";
import { benchGithub } from "./github.ts";
import { benchMany } from "./many.ts";
import { gitState, log, LOGS, machineLoad, measure, requireGnuTime, ROOT, round, waitForQuiet, WORK } from "./proc.ts";
import { benchRegen } from "./regen.ts";
import { benchWatch } from "./watch.ts";
import type { Results, SectionMeta } from "./results.ts";
import { snapshotGenerator } from "./snapshot.ts";
import { renderReport } from "./table.ts";

const SECTIONS = ["regen", "github", "client", "bundle", "many", "consumer", "watch"] as const;
/** Marker in the packages folder: the hash of the generator snapshot that wrote them. */
const GENERATED_BY = ".generated-by";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    quick: { type: "boolean", default: false },
    "regen-rounds": { type: "string" },
    "github-runs": { type: "string" },
    "many-rounds": { type: "string" },
    "consumer-runs": { type: "string" },
    "watch-rounds": { type: "string" },
    "watch-github-rounds": { type: "string" },
    "client-n": { type: "string" },
    "client-rounds": { type: "string" },
    "client-slice": { type: "string" },
    concurrency: { type: "string", default: "16" },
    "wait-max": { type: "string", default: "0" },
    render: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  process.stdout.write(`npm run bench [-- options]
  --only <list>          sections, comma-separated: regen, github, client, bundle, many, consumer, watch (default all);
                         or profile (GitHub generation by stage), profile-regen (cold run of specs/ by stage)
  --quick                1-3 runs per figure; results go to bench/.work/, not bench/results.json
  --regen-rounds <n>     measured regeneration rounds (default 5)
  --github-runs <n>      runs per tool on the GitHub spec (default 3)
  --many-rounds <n>      rounds of the 40-provider --jobs 1 / default comparison (default 3)
  --consumer-runs <n>    tsc runs per app in the consumer typecheck comparison (default 5)
  --watch-rounds <n>     seed-spec edits timed in a running watcher and as cold generates (default 5)
  --watch-github-rounds <n> GitHub description edits timed the same way (default 3)
  --client-n <n>         GETs per variant, mode and round (default 5000)
  --client-rounds <n>    client rounds, each with fresh processes (default 9)
  --client-slice <n>     GETs per interleaved slice (default 250)
  --concurrency <n>      in-flight GETs in the concurrent mode (default 16)
  --render               measure nothing: rewrite the table, chart and README figures from results.json
  --wait-max <seconds>   wait up to this long for the load average to drop below the core count before each section (default 0: start at once)
`);
  process.exit(0);
}

const quick = values.quick;
const num = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
const config = {
  regenRounds: num(values["regen-rounds"], quick ? 2 : 5),
  githubRuns: num(values["github-runs"], quick ? 1 : 3),
  manyRounds: num(values["many-rounds"], quick ? 1 : 3),
  consumerRuns: num(values["consumer-runs"], quick ? 2 : 5),
  watchRounds: num(values["watch-rounds"], quick ? 3 : 5),
  watchGithubRounds: num(values["watch-github-rounds"], quick ? 1 : 3),
  clientN: num(values["client-n"], quick ? 4000 : 5000),
  clientRounds: num(values["client-rounds"], quick ? 3 : 9),
  clientSlice: num(values["client-slice"], 250),
  concurrency: num(values.concurrency, 16),
  waitMaxS: num(values["wait-max"], 0),
};
const only = values.only?.split(",").map((s) => s.trim()) ?? [...SECTIONS];

if (only.includes("profile") || only.includes("profile-regen")) {
  const { profileGeneration } = await import("./profile.ts");
  if (only.includes("profile")) await profileGeneration("github");
  if (only.includes("profile-regen")) await profileGeneration("regen");
  process.exit(0);
}
const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknown.length > 0) {
  process.stderr.write(
    `bench: unknown section(s) ${unknown.join(", ")}; known: ${SECTIONS.join(", ")}, profile, profile-regen\n`,
  );
  process.exit(2);
}
const selected = values.render ? [] : SECTIONS.filter((s) => only.includes(s));

requireGnuTime();
const resultsFile = quick ? join(LOGS, "results.quick.json") : join(ROOT, "bench", "results.json");
const chartFile = quick ? join(LOGS, "chart.quick.svg") : join(ROOT, "bench", "chart.svg");
const previous =
  existsSync(resultsFile) && selected.length < SECTIONS.length
    ? (JSON.parse(await readFile(resultsFile, "utf8")) as Results)
    : undefined;
if (values.render && previous === undefined) throw new Error(`--render: no ${resultsFile}`);
const sections: Results["sections"] = { ...previous?.sections };
const started = performance.now();
log(`sections: ${selected.join(", ")}${quick ? " (quick)" : ""}; ${JSON.stringify(config)}`);

// Every section runs this frozen copy of generator/ and templates/ (others edit the tree meanwhile).
const snapshot = await snapshotGenerator();
const git = gitState();
log(
  `generator snapshot ${snapshot.hash} (commit ${git.commit.slice(0, 7)}, ${git.dirty.length} generator files modified)`,
);
let packagesDir = join(WORK, "packages");
for (const section of selected) {
  const load = await waitForQuiet(config.waitMaxS * 1000);
  log(`${section}: starting (load average ${load})`);
  const t0 = performance.now();
  const meta = (): SectionMeta => ({
    measuredAt: new Date().toISOString(),
    seconds: round((performance.now() - t0) / 1000, 1),
    loadavg: [load, machineLoad().loadavg1],
    ...git,
    generator: snapshot.hash,
  });
  if (section === "regen") {
    const result = await benchRegen(config.regenRounds, snapshot.cli);
    packagesDir = result.packagesDir;
    await writeFile(join(packagesDir, GENERATED_BY), snapshot.hash);
    sections.regen = { ...result, meta: meta() };
  } else if (section === "github") {
    sections.github = { ...(await benchGithub(config.githubRuns, snapshot.cli)), meta: meta() };
  } else if (section === "many") {
    sections.many = { ...(await benchMany(config.manyRounds, snapshot.cli)), meta: meta() };
  } else if (section === "consumer") {
    sections.consumer = { ...(await benchConsumer(config.consumerRuns, snapshot.cli)), meta: meta() };
  } else if (section === "watch") {
    sections.watch = {
      ...(await benchWatch(config.watchRounds, config.watchGithubRounds, snapshot.cli)),
      meta: meta(),
    };
  } else if (section === "client") {
    await ensurePackages(packagesDir);
    const result = await benchClient({
      n: config.clientN,
      rounds: config.clientRounds,
      slice: config.clientSlice,
      concurrency: config.concurrency,
      packagesDir,
      heyApi: true,
    });
    sections.client = { ...result, meta: meta() };
  } else {
    await ensurePackages(packagesDir);
    sections.bundle = { ...(await benchBundle(packagesDir)), meta: meta() };
  }
  log(`${section}: done in ${Math.round((performance.now() - t0) / 1000)} s`);
}

const results: Results = {
  noopOverCold: num4(sections.regen?.noopOverCold),
  oneSpecOverCold: num4(sections.regen?.oneSpecOverCold),
  githubOursOverHeyApi: num4(sections.github?.githubOursOverHeyApi),
  githubOursOverOpenapiTypescript: num4(sections.github?.githubOursOverOpenapiTypescript),
  clientOverRawFetch: num4(sections.client?.clientOverRawFetch),
  clientOverOpenapiFetch: num4(sections.client?.clientOverOpenapiFetch),
  clientOverRawFetchConcurrent: num4(sections.client?.clientOverRawFetchConcurrent),
  clientOverOpenapiFetchConcurrent: num4(sections.client?.clientOverOpenapiFetchConcurrent),
  bundleGzipBytes: sections.bundle?.bundleGzipBytes ?? {},
  manyProvidersSpeedup: num4(sections.many?.manyProvidersSpeedup),
  consumerTypecheckOverOpenapiFetch: num4(sections.consumer?.consumerTypecheckOverOpenapiFetch),
  watchEditOverCold: num4(sections.watch?.watchEditOverCold),
  githubWatchEditOverCold: num4(sections.watch?.githubWatchEditOverCold),
  cpuRatios: cpuRatios(sections),
  machine: previous?.machine ?? {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  },
  sections,
};

const report = renderReport(results);
process.stdout.write(`\n${report}`);
await mkdir(LOGS, { recursive: true });
await writeFile(resultsFile, JSON.stringify(results, null, 2) + "\n");
await writeFile(chartFile, renderChart(results));
if (!quick) await updateReadme(report);
log(
  `wrote ${resultsFile.slice(ROOT.length + 1)} and ${chartFile.slice(ROOT.length + 1)} in ${Math.round((performance.now() - started) / 1000)} s total`,
);

/** The same ratios computed from CPU time (user + system) instead of wall time: less moved by other load. */
function cpuRatios(s: Results["sections"]): Results["cpuRatios"] {
  const gh = s.github?.tools;
  const ours = s.client?.variants["apigen client"];
  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? Number.NaN : round(a / b, 4);
  return {
    noopOverCold: ratio(s.regen?.noop.cpuS.median, s.regen?.cold.cpuS.median),
    oneSpecOverCold: ratio(s.regen?.oneSpec.cpuS.median, s.regen?.cold.cpuS.median),
    githubOursOverHeyApi: ratio(gh?.ours.run.cpuS.median, gh?.heyApi.run.cpuS.median),
    githubOursOverOpenapiTypescript: ratio(gh?.ours.run.cpuS.median, gh?.openapiTypescript.run.cpuS.median),
    clientOverRawFetch: ours === undefined ? Number.NaN : ours.cpuOverRawFetch.sequential,
    clientOverRawFetchConcurrent: ours === undefined ? Number.NaN : ours.cpuOverRawFetch.concurrent,
    manyProvidersSpeedup: ratio(s.many?.sequential.cpuS.median, s.many?.parallel.cpuS.median),
    consumerTypecheckOverOpenapiFetch: ratio(
      s.consumer?.ours.run.cpuS.median,
      s.consumer?.openapiFetch.run.cpuS.median,
    ),
    watchEditOverCold: ratio(s.watch?.seed.watch.cpuS.median, s.watch?.seed.cold.cpuS.median),
    githubWatchEditOverCold: ratio(s.watch?.github.watch.cpuS.median, s.watch?.github.cold.cpuS.median),
  };
}

function num4(value: number | undefined): number {
  return value === undefined ? Number.NaN : round(value, 4);
}

/**
 * The client and bundle sections need packages made by this run's generator: the regen section's,
 * or (when it did not run, or they came from another generator) one untimed generate run.
 */
async function ensurePackages(dir: string): Promise<void> {
  const by = await readFile(join(dir, GENERATED_BY), "utf8").catch(() => undefined);
  if (by === snapshot.hash && existsSync(join(dir, "latitudesh", "dist", "index.js"))) return;
  log(`generating packages into ${dir.slice(ROOT.length + 1)} (not timed)`);
  await rm(dir, { recursive: true, force: true });
  const specs = join(WORK, "packages-specs");
  await rm(specs, { recursive: true, force: true });
  await cp(join(ROOT, "specs"), specs, { recursive: true });
  await measure(process.execPath, [snapshot.cli, "generate", "--specs", specs, "--generated", dir, "--quiet"]);
  await writeFile(join(dir, GENERATED_BY), snapshot.hash);
}

/** Replaces the block between the figures markers of bench/README.md with this run's report. */
async function updateReadme(report: string): Promise<void> {
  const file = join(ROOT, "bench", "README.md");
  if (!existsSync(file)) return;
  const text = await readFile(file, "utf8");
  const start = "<!-- figures:start (written by npm run bench) -->";
  const end = "<!-- figures:end -->";
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a === -1 || b < a) return;
  await writeFile(file, `${text.slice(0, a + start.length)}\n\n${report}\n${text.slice(b)}`);
}
