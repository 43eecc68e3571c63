/**
 * `npm run bench -- --only profile`: where does generating the GitHub package
 * spend its time? Not part of the default run (it costs one more full GitHub
 * generation under the profiler).
 *
 * 1. Copies generator/ and templates/ to .cache/bench/work/profile/ and wraps
 *    the call sites of each stage (and of the main library calls inside the
 *    stages) in a timer; generator/ itself is never touched. See INSTRUMENT.
 * 2. Runs the copy once on the GitHub spec with `--cpu-prof`.
 * 3. Reports wall time per stage (calls, total, share of the process), and
 *    for each big stage which code its CPU samples fell in (library, generator
 *    module, GC), by matching sample timestamps against the stage intervals.
 *
 * Writes bench/.work/profile/{stages.json,report.md,*.cpuprofile}.
 */
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { folderSize, gitState, log, LOGS, machineLoad, measure, ROOT, WORK } from "./proc.ts";
import { table } from "./table.ts";
import { snapshotGenerator } from "./snapshot.ts";
import { githubSpec } from "./tools.ts";

/**
 * Call sites to time, per generator file: a bare name (`loadSpec`) or a dotted
 * member call (`redocly.bundle`). Names missing from a file are skipped, so
 * the list survives refactors; it only has to be extended for new stages.
 */
const INSTRUMENT: Record<string, string[]> = {
  "cli.ts": ["generatorFingerprint", "recoverInterrupted", "generatePackage", "resolveTargets"],
  "pipeline.ts": [
    "loadStages",
    "ctx.templates",
    "stages.loadSpec",
    "stages.validateSpeculatively",
    "stages.validateAndBundle",
    "makePackage",
    "buildIR",
    "emitTypes",
    "readPrevious",
    "planRelease",
    "emitClient",
    "emitPackageFiles",
    "emitDocs",
    "changelog",
    "formatFiles",
    "emitDist",
    "hashInputs",
    "manifestFor",
    "sortFiles",
    "readManifest",
    "isUpToDate",
    "renderPackage",
    "diffAgainstDisk",
    "replaceFolder",
  ],
  "load/load.ts": ["readFile", "decodeText", "parseSpecText", "JSON.parse", "parseDocument"],
  "validate/validate.ts": [
    "checkVersion",
    "throwIfCycles",
    "protectLiteralRefs",
    "stripQueryFromPathKeys",
    "lintOnThread",
    "startRedocly",
    "lintWith",
    "throwIfErrors",
    "nullTypeAsUnion",
    "hoistDeepSchemaRefs",
    "canonicalize",
    "restoreLiteralRefs",
    "breakSelfArrayUnions",
  ],
  "validate/redocly.ts": ["redocly.createConfig", "redocly.lintDocument", "redocly.bundle"],
  "emit/types.ts": [
    "typesOptions",
    "transformContext",
    "openapiTs.default",
    "openapiTs.transformSchema",
    "openapiTs.scanDiscriminators",
    "openapiTs.astToString",
    "restoreLiteralRefsInText",
    "redocly.createConfig",
  ],
  "emit/client.ts": ["templates.render", "operationView", "dataLiteral"],
  "emit/package.ts": ["templates.render", "JSON.stringify"],
  "emit/docs.ts": ["templates.render", "resolveAnchors", "operationView", "modelView", "readmeView", "usage", "table"],
  "format/format.ts": ["prettier.format", "tidy"],
  "emit/dist.ts": ["esbuild.transform", "declare", "ts.transpileModule", "ts.transpileDeclaration"],
  "write/write.ts": ["writeFile", "mkdir", "rename", "rm", "readFile", "listFiles"],
  "write/manifest.ts": ["sha256", "readFile"],
};

const RUNTIME = `// Inserted by bench/profile.ts: call-site timers.
import { writeFileSync } from "node:fs";
interface Entry { label: string; calls: number; ms: number; sumMs: number; first: number; depth: number; spans: [number, number][]; active: number; since: number }
const entries = new Map<string, Entry>();
let depth = 0;
const now = () => Number(process.hrtime.bigint() / 1000n);
export function __t<F extends (...args: any[]) => any>(label: string, fn: F): F {
  return function (this: unknown, ...args: any[]) {
    const start = now();
    let entry = entries.get(label);
    if (!entry) entries.set(label, (entry = { label, calls: 0, ms: 0, sumMs: 0, first: start, depth, spans: [], active: 0, since: 0 }));
    // ms: time during which at least one call was running (concurrent calls overlap); sumMs: summed per call.
    if (entry.active++ === 0) entry.since = start;
    depth++;
    const done = () => {
      const end = now();
      depth--;
      const e = entry!;
      e.calls++;
      e.sumMs += (end - start) / 1000;
      if (--e.active === 0) {
        e.ms += (end - e.since) / 1000;
        if (e.spans.length < 200) e.spans.push([e.since, end]);
      }
    };
    let result;
    try { result = fn.apply(this, args); } catch (e) { done(); throw e; }
    if (result && typeof result.then === "function") return result.then((v: unknown) => { done(); return v; }, (e: unknown) => { done(); throw e; });
    done();
    return result;
  } as F;
}
const startedUs = now() - Math.round(process.uptime() * 1e6);
process.on("exit", () => {
  if (process.env.APIGEN_PROFILE_OUT) writeFileSync(process.env.APIGEN_PROFILE_OUT, JSON.stringify({ startedUs, exitUs: now(), entries: [...entries.values()] }));
});
`;

interface Entry {
  label: string;
  calls: number;
  /** Time during which at least one call was running. */
  ms: number;
  /** Summed over calls (more than `ms` when calls overlap). */
  sumMs: number;
  first: number;
  depth: number;
  spans: [number, number][];
}
interface StageFile {
  startedUs: number;
  exitUs: number;
  entries: Entry[];
}
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** `github`: one package from the GitHub spec; `regen`: the four providers of specs/ into an empty folder. */
export type ProfileTarget = "github" | "regen";

export async function profileGeneration(kind: ProfileTarget): Promise<void> {
  const copy = join(WORK, "profile");
  const out = join(LOGS, kind === "github" ? "profile" : "profile-regen");
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const snapshot = await snapshotGenerator("profile");
  const git = gitState();
  await writeFile(join(copy, "generator", "__profile.ts"), RUNTIME);
  const patched: string[] = [];
  for (const [file, names] of Object.entries(INSTRUMENT)) {
    const path = join(copy, "generator", file);
    if (!existsSync(path)) continue;
    const source = await readFile(path, "utf8");
    const { text, hits } = instrument(
      source,
      names,
      file.replace(/\.ts$/, ""),
      relative(join(path, ".."), join(copy, "generator", "__profile.ts")),
    );
    await writeFile(path, text);
    patched.push(`${file}: ${hits.join(", ") || "(nothing found)"}`);
  }
  log(`profile: instrumented copy in ${copy.slice(ROOT.length + 1)}\n  ${patched.join("\n  ")}`);

  const target = join(copy, `out-${kind}`);
  let args: string[];
  let what: string;
  if (kind === "github") {
    const spec = await githubSpec();
    args = ["--spec", spec.file, "--out", target];
    what = "`generate --spec api.github.com.json` (GitHub REST)";
  } else {
    await cp(join(ROOT, "specs"), join(copy, "specs"), { recursive: true });
    args = ["--specs", join(copy, "specs"), "--generated", target];
    what = "cold `generate` of the providers in specs/";
  }
  const stagesFile = join(out, "stages.json");
  log(`profile: ${what} under --cpu-prof`);
  const sample = await measure(
    process.execPath,
    [
      "--cpu-prof",
      "--cpu-prof-dir",
      out,
      "--import",
      import.meta.resolve("tsx"),
      join(copy, "generator", "cli.ts"),
      "generate",
      ...args,
      "--quiet",
    ],
    { cwd: copy, env: { APIGEN_PROFILE_OUT: stagesFile } },
  );
  const size = await folderSize(target);
  const stages = JSON.parse(await readFile(stagesFile, "utf8")) as StageFile;
  // The main thread's profile is the big one (tsx's loader thread writes a small second one).
  const profiles = await Promise.all(
    (await readdir(out))
      .filter((f) => f.endsWith(".cpuprofile"))
      .map(async (f) => ({ f, size: (await stat(join(out, f))).size })),
  );
  const profileName = profiles.sort((a, b) => b.size - a.size)[0]?.f;
  const profile = profileName ? (JSON.parse(await readFile(join(out, profileName), "utf8")) as CpuProfile) : undefined;

  const provenance = `Generator snapshot ${snapshot.hash} (commit ${git.commit.slice(0, 7)}, ${git.dirty.length} generator files modified), ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, load average ${machineLoad().loadavg1}.`;
  const report = renderProfile(`${what}`, stages, profile, sample.ms, sample.maxRssKb, size, provenance);
  await writeFile(join(out, "report.md"), report);
  process.stdout.write(`\n${report}`);
  log(`profile: wrote ${relative(ROOT, out)}/report.md, stages.json and ${profileName ?? "(no .cpuprofile)"}`);
}

/** Wraps each call site `name(` (not declarations, not member calls of other objects) in `__t("file:name", name)(`. */
function instrument(
  source: string,
  names: string[],
  file: string,
  runtimePath: string,
): { text: string; hits: string[] } {
  let text = source;
  const hits: string[] = [];
  for (const name of names) {
    const escaped = name.replace(/[.$]/g, "\\$&");
    // Not a declaration, not `x.name(` (another object's method); `...name(` (a spread) is a call.
    const pattern = new RegExp(`(?<![\\w$]|[\\w$)\\]]\\.|function |function\\* )${escaped}(?:<[^()<>]*>)?\\(`, "g");
    let count = 0;
    text = text.replace(pattern, (match) => {
      count++;
      const typeArgs = match.slice(name.length, -1);
      return `__t(${JSON.stringify(`${file}:${name}`)}, ${name}${typeArgs})(`;
    });
    if (count > 0) hits.push(`${name} x${count}`);
  }
  const importPath = runtimePath.startsWith(".") ? runtimePath : `./${runtimePath}`;
  return { text: `import { __t } from ${JSON.stringify(importPath)};\n${text}`, hits };
}

const BIG_STAGE_SHARE = 0.01;

function renderProfile(
  what: string,
  stages: StageFile,
  profile: CpuProfile | undefined,
  wallMs: number,
  rssKb: number,
  size: { bytes: number; files: number },
  provenance: string,
): string {
  const total = (stages.exitUs - stages.startedUs) / 1000;
  const sorted = [...stages.entries].sort((a, b) => a.first - b.first);
  const rows = sorted
    .filter((e) => e.ms >= 5 || e.depth <= 1)
    .map((e) => [
      `${"  ".repeat(e.depth)}${e.label}`,
      String(e.calls),
      `${(e.ms / 1000).toFixed(2)} s`,
      `${((e.ms / total) * 100).toFixed(1)} %`,
      e.sumMs > e.ms * 1.05 ? `${(e.sumMs / 1000).toFixed(2)} s` : "",
    ]);
  const parts = [
    `### Where generation spends its time: ${what}`,
    `One run of an instrumented copy under --cpu-prof: ${(wallMs / 1000).toFixed(1)} s wall (spawn to exit), ` +
      `${(total / 1000).toFixed(1)} s from process start to exit, peak RSS ${Math.round(rssKb / 1024)} MiB, ${size.files} files / ${(size.bytes / 1e6).toFixed(1)} MB written. ` +
      `Nested call sites are indented; a stage's time includes what is nested under it. Times are wall clock between call and return (await included). ${provenance}`,
    table(["call site", "calls", "time", "of process", "sum over overlapping calls"], rows, "lrrrr"),
  ];
  if (profile) {
    const top = sorted.filter((e) => e.depth === 1 || (e.depth === 0 && e.label !== "cli:generatePackage"));
    const pipelineStages = sorted.filter(
      (e) => e.label.startsWith("pipeline:") && e.ms / total >= BIG_STAGE_SHARE && e.label !== "pipeline:renderPackage",
    );
    parts.push(categoryTables(profile, pipelineStages.length > 0 ? pipelineStages : top));
    parts.push(hottest(profile));
  }
  return parts.join("\n\n") + "\n";
}

/** Category of a profile node: the library or generator module its code lives in. */
function category(url: string, name: string): string {
  if (url === "") return name.startsWith("(") ? name : "(native/V8 builtins)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const gen = /\/generator\/(.+?)\.ts/.exec(url);
  if (gen) return `generator/${gen[1]}`;
  if (url.startsWith("node:")) return "node internals";
  return url.replace(/^file:\/\//, "").replace(ROOT, "");
}

interface Sample {
  time: number;
  category: string;
  frame: string;
}

function samples(profile: CpuProfile): Sample[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out: Sample[] = [];
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i] ?? 0;
    const node = byId.get(profile.samples[i]!);
    if (!node) continue;
    const { url, functionName, lineNumber } = node.callFrame;
    out.push({
      time,
      category: category(url, functionName),
      frame: `${functionName || "(anonymous)"} ${url ? `${category(url, functionName)}:${lineNumber + 1}` : ""}`.trim(),
    });
  }
  return out;
}

function categoryTables(profile: CpuProfile, stages: Entry[]): string {
  const all = samples(profile);
  const interval = all.length > 1 ? (all[all.length - 1]!.time - all[0]!.time) / all.length / 1000 : 1;
  const lines: string[] = ["#### CPU samples per stage, by where the code lives (self time)"];
  const rows: string[][] = [];
  for (const stage of stages) {
    const counts = new Map<string, number>();
    let n = 0;
    for (const s of all) {
      if (!stage.spans.some(([a, b]) => s.time >= a && s.time <= b)) continue;
      counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
      n++;
    }
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
    rows.push([
      stage.label,
      `${((n * interval) / 1000).toFixed(2)} s`,
      top.map(([c, k]) => `${c} ${Math.round((k / Math.max(n, 1)) * 100)}%`).join(", "),
    ]);
  }
  const overall = new Map<string, number>();
  for (const s of all) overall.set(s.category, (overall.get(s.category) ?? 0) + 1);
  rows.push([
    "(whole process)",
    `${((all.length * interval) / 1000).toFixed(2)} s`,
    [...overall]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([c, k]) => `${c} ${Math.round((k / all.length) * 100)}%`)
      .join(", "),
  ]);
  lines.push(table(["stage", "sampled", "self time by code (top)"], rows, "lrl"));
  return lines.join("\n\n");
}

function hottest(profile: CpuProfile): string {
  const all = samples(profile);
  const interval = all.length > 1 ? (all[all.length - 1]!.time - all[0]!.time) / all.length / 1000 : 1;
  const counts = new Map<string, number>();
  for (const s of all) counts.set(s.frame, (counts.get(s.frame) ?? 0) + 1);
  const rows = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([frame, k]) => [
      frame,
      `${((k * interval) / 1000).toFixed(2)} s`,
      `${((k / all.length) * 100).toFixed(1)} %`,
    ]);
  return `#### Hottest functions (self time)\n\n${table(["function", "self", "share"], rows, "lrr")}`;
}
