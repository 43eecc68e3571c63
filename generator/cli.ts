import { readdir } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { describe } from "./errors.ts";
import { generatorFingerprint } from "./fingerprint.ts";
import { slugify } from "./ir/names.ts";
import { checkAll, DEFAULT_JOBS, generateAll } from "./parallel/pool.ts";
import { inShard, parseJobs, parseShard, type Shard } from "./parallel/shard.ts";
import { lazyTemplates, type Release, type RunContext, type Target } from "./pipeline.ts";
import { recoverInterrupted } from "./write/write.ts";

const HELP = `apigen: OpenAPI 3.0/3.1 specs in, typed fetch client packages and markdown docs out.

Usage:
  npm run generate [-- <provider>...]           generate generated/<provider>/ from specs/<provider>.yaml
  npm run generate -- --spec <file> --out <dir> generate one package from any OpenAPI file (YAML or JSON)
  npm run check [-- <provider>...]              exit 1 and list files when generated/ is stale or hand-edited
  npm run watch                                 regenerate whenever a spec or template is saved

Options:
  --spec <file>    an OpenAPI 3.0 or 3.1 document, YAML or JSON (with --out)
  --out <dir>      where to write the package for --spec
  --name <slug>    package name for --spec (default: the --out folder's name)
  --specs <dir>    folder of provider specs (default: specs)
  --generated <dir> folder of generated packages (default: generated)
  --force          regenerate even when nothing changed
  --dry-run        print what a regeneration would change (API changes, version bump, files); write nothing
  --jobs <n>       providers generated or checked at once, on worker threads (default: the core count)
  --shard <i/n>    only the providers in shard i of n (by a hash of the name; for CI job matrices)
  --quiet          print nothing but errors
  --json           print a JSON report on stdout instead of progress lines
  -h, --help       show this help
`;

interface CliOptions {
  command: "generate" | "check" | "watch";
  providers: string[];
  spec?: string;
  out?: string;
  name?: string;
  specsDir: string;
  generatedDir: string;
  force: boolean;
  dryRun: boolean;
  quiet: boolean;
  json: boolean;
  jobs: number;
  shard?: Shard;
}

const SPEC_EXTENSIONS = [".yaml", ".yml", ".json"];

async function main(argv: string[]): Promise<number> {
  let options: CliOptions | null;
  try {
    options = parseCli(argv);
  } catch (error) {
    process.stderr.write(`apigen: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (!options) {
    process.stdout.write(HELP);
    return 0;
  }
  const targets = await resolveTargets(options);
  if (typeof targets === "string") {
    process.stderr.write(`apigen: ${targets}\n`);
    return 1;
  }
  const ctx: RunContext = { templates: lazyTemplates(), fingerprint: await generatorFingerprint() };
  if (options.command === "watch") return (await import("./watch.ts")).watch(options.specsDir, targets, ctx);
  return options.command === "check" ? runCheck(targets, ctx, options) : runGenerate(targets, ctx, options);
}

function parseCli(argv: string[]): CliOptions | null {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      spec: { type: "string" },
      out: { type: "string" },
      name: { type: "string" },
      specs: { type: "string", default: "specs" },
      generated: { type: "string", default: "generated" },
      force: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      jobs: { type: "string" },
      shard: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command = "generate", ...providers] = positionals;
  if (values.help) return null;
  if (command !== "generate" && command !== "check" && command !== "watch") throw new Error(`unknown command "${command}"`);
  if ((values.spec === undefined) !== (values.out === undefined)) throw new Error("--spec and --out go together");
  if (values.spec !== undefined && providers.length > 0) throw new Error("name providers or give --spec, not both");
  if (values.shard !== undefined && (command === "watch" || values.spec !== undefined)) throw new Error("--shard splits the providers of specs/ for generate and check");
  return {
    command,
    providers,
    spec: values.spec,
    out: values.out,
    name: values.name,
    specsDir: resolve(values.specs),
    generatedDir: resolve(values.generated),
    force: values.force,
    dryRun: values["dry-run"],
    quiet: values.quiet,
    json: values.json,
    jobs: values.jobs === undefined ? DEFAULT_JOBS : parseJobs(values.jobs),
    shard: values.shard === undefined ? undefined : parseShard(values.shard),
  };
}

async function resolveTargets(options: CliOptions): Promise<Target[] | string> {
  if (options.spec !== undefined && options.out !== undefined) {
    const outDir = resolve(options.out);
    return [{ provider: slugify(options.name ?? basename(outDir)), specFile: resolve(options.spec), outDir }];
  }
  const files = (await readdir(options.specsDir).catch(() => [] as string[])).filter((f) => SPEC_EXTENSIONS.includes(extname(f))).sort();
  const all = files.map((file) => {
    const provider = basename(file, extname(file));
    return { provider, specFile: join(options.specsDir, file), outDir: join(options.generatedDir, provider) };
  });
  if (options.providers.length === 0 && all.length === 0) return `no specs found in ${options.specsDir}`;
  const unknown = options.providers.filter((p) => !all.some((t) => t.provider === p));
  if (unknown.length > 0) return `no spec for ${unknown.join(", ")} in ${options.specsDir} (known: ${all.map((t) => t.provider).join(", ")})`;
  const named = options.providers.length === 0 ? all : all.filter((t) => options.providers.includes(t.provider));
  // An empty shard is fine: more jobs than providers, or an unlucky hash.
  return options.shard ? inShard(named, options.shard) : named;
}

interface Report {
  provider: string;
  status: string;
  ms: number;
  files?: number;
  changed?: string[];
  version?: { from: string | undefined; to: string };
  apiChanges?: { level: string; kind: string; where: string; message: string }[];
  /** Files a newer generator changed while the API did not (a patch release). */
  regenerated?: string[];
  error?: string;
}

async function runGenerate(targets: Target[], ctx: RunContext, options: CliOptions): Promise<number> {
  const reports: Report[] = [];
  for (const parent of new Set(targets.map((t) => resolve(t.outDir, "..")))) await recoverInterrupted(parent);
  const batch = generateAll(targets, ctx, { force: options.force || options.dryRun, dryRun: options.dryRun, jobs: options.jobs });
  for (const [i, target] of targets.entries()) {
    const started = performance.now();
    try {
      const result = await batch.results[i]!;
      const ms = Math.round(result.ms);
      const release = result.release;
      reports.push({
        provider: target.provider,
        status: options.dryRun ? (result.changed.length > 0 ? "would-change" : "unchanged") : result.status,
        ms,
        files: result.fileCount,
        changed: result.changed,
        version: release && { from: release.previousVersion, to: release.version },
        apiChanges: release?.changes,
        regenerated: release?.regenerated,
      });
      if (options.json || options.quiet) continue;
      if (options.dryRun && release) process.stdout.write(await dryRunReport(target.provider, release, result.changed));
      else process.stdout.write(progressLine(target.provider, result.status, result.changed.length, result.fileCount, ms, release));
    } catch (error) {
      reports.push({ provider: target.provider, status: "error", ms: Math.round(performance.now() - started), error: describe(error) });
      process.stderr.write(`${describe(error)}\n`);
    }
  }
  await batch.close();
  if (options.json) process.stdout.write(JSON.stringify({ command: "generate", results: reports }, null, 2) + "\n");
  return reports.some((r) => r.status === "error") ? 1 : 0;
}

function progressLine(provider: string, status: string, changed: number, files: number, ms: number, release?: Release): string {
  const what =
    status === "up-to-date" ? "up to date, skipped" : status === "unchanged" ? `regenerated, no file changed (${files} files)` : `generated ${files} files, ${changed} changed`;
  const bumped = release?.previousVersion && release.previousVersion !== release.version ? `; ${release.previousVersion} -> ${release.version}` : "";
  return `${provider.padEnd(28)} ${what}${bumped} in ${ms} ms\n`;
}

async function dryRunReport(provider: string, release: Release, changed: string[]): Promise<string> {
  const { formatReport } = await import("./changes/changelog.ts");
  const from = release.previousVersion ?? "(new)";
  const files = changed.length === 0 ? "  no file would change" : changed.map((f) => `  would write ${f}`).join("\n");
  return `${provider}:\n${formatReport(release.changes, from, release.version, release.regenerated).replace(/^/gm, "  ").trimEnd()}\n${files}\n`;
}

async function runCheck(targets: Target[], ctx: RunContext, options: CliOptions): Promise<number> {
  let stale = 0;
  const reports: Report[] = [];
  const batch = checkAll(targets, ctx, options.jobs);
  for (const [i, target] of targets.entries()) {
    const started = performance.now();
    try {
      const differing = await batch.results[i]!;
      const ms = Math.round(differing.ms);
      reports.push({ provider: target.provider, status: differing.length ? "stale" : "ok", ms, changed: differing });
      if (differing.length > 0) {
        stale++;
        process.stderr.write(`${target.provider}: ${differing.length} file(s) differ from what the generator would write:\n`);
        for (const rel of differing) process.stderr.write(`  ${join(target.outDir, rel)}\n`);
      } else if (!options.quiet && !options.json) {
        process.stdout.write(`${target.provider.padEnd(28)} matches its spec (${ms} ms)\n`);
      }
    } catch (error) {
      stale++;
      reports.push({ provider: target.provider, status: "error", ms: Math.round(performance.now() - started), error: describe(error) });
      process.stderr.write(`${describe(error)}\n`);
    }
  }
  await batch.close();
  if (options.json) process.stdout.write(JSON.stringify({ command: "check", results: reports }, null, 2) + "\n");
  if (stale > 0) process.stderr.write(`generated/ is out of date: run npm run generate\n`);
  return stale > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${describe(error)}\n`);
  return 1;
});
