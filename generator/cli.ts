import { readdir } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { describe } from "./errors.ts";
import { generatorFingerprint } from "./fingerprint.ts";
import { isScopedPackageName, slugify } from "./shared/names.ts";
import { keepToOneThread } from "./shared/threads.ts";
import { changeReport } from "./report.ts";
import { closest } from "./shared/suggest.ts";
import { orphanedPackages } from "./commands/targets.ts";
import { UsageError, listTargets, namedTargets } from "./targets.ts";
import { checkAll, DEFAULT_JOBS, generateAll } from "./parallel/pool.ts";
import { inShard, parseJobs, parseShard, type Shard } from "./parallel/shard.ts";
import { lazyTemplates, type Release, type RunContext, type Target } from "./pipeline.ts";
import type { RefPolicy } from "./validate/ref-policy.ts";
import { MANIFEST_FILE } from "./write/manifest.ts";
import { recoverInterrupted } from "./write/write.ts";

/** Every subcommand; the first positional picks one (default: generate). Adding one is one entry. */
const COMMANDS = ["generate", "check", "watch", "release", "diff"] as const;
type Command = (typeof COMMANDS)[number];

interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** What the value is, for --help (string options). */
  arg?: string;
  /** May be given more than once; the values are collected in order. */
  multiple?: true;
  /** The commands it applies to, when not all: given to another, it is a usage error, not ignored. */
  only?: readonly Command[];
  help: string;
}

/** Every flag, in --help order. Parsing, --help and "did you mean" all read this table: a new flag is one entry. */
const OPTIONS = {
  spec: { type: "string", arg: "<file>", help: "an OpenAPI 3.0 or 3.1 document, YAML or JSON (with --out)" },
  out: { type: "string", arg: "<dir>", help: "where to write the package for --spec" },
  name: {
    type: "string",
    arg: "<slug>",
    help: "package name for --spec: a slug (@apigen/<slug>) or a scoped npm name (@acme/pets); default: the --out folder's name",
  },
  specs: { type: "string", arg: "<dir>", help: "folder of provider specs (default: specs)" },
  generated: { type: "string", arg: "<dir>", help: "folder of generated packages (default: generated)" },
  "allow-ref-root": {
    type: "string",
    arg: "<dir>",
    multiple: true,
    help: "also let external $refs read files under <dir> (repeatable; default: the project for specs/, the spec's folder for --spec)",
  },
  "allow-remote-refs": { type: "boolean", help: "follow http(s) $refs (each must answer within 10 s)" },
  force: { type: "boolean", help: "regenerate even when nothing changed" },
  jobs: {
    type: "string",
    arg: "<n>",
    help: "providers generated or checked at once, on worker threads (default: APIGEN_JOBS, else the core count)",
  },
  shard: {
    type: "string",
    arg: "<i/n>",
    help: "only the providers in shard i of n (by a hash of the name; for CI job matrices)",
  },
  "dry-run": {
    type: "boolean",
    only: ["generate"],
    help: "print what a regeneration would change (API changes, version bump, files); write nothing",
  },
  quiet: { type: "boolean", help: "print nothing but errors" },
  json: { type: "boolean", help: "print a JSON report on stdout instead of progress lines" },
  help: { type: "boolean", short: "h", help: "show this help" },
} as const satisfies Record<string, OptionSpec>;

type OptionName = keyof typeof OPTIONS;
type OptionValues = {
  [K in OptionName]?: (typeof OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof OPTIONS)[K]["type"] extends "string"
      ? string
      : boolean;
};

function optionsHelp(): string {
  const rows = Object.entries(OPTIONS as Record<string, OptionSpec>).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ""}--${name}${spec.arg ? ` ${spec.arg}` : ""}`;
    return `  ${flag.padEnd(18)} ${spec.help}`;
  });
  return rows.join("\n");
}

const HELP = `apigen: OpenAPI 3.0/3.1 specs in, typed fetch client packages and markdown docs out.

Usage:
  npm run generate [-- <provider>...]           generate generated/<provider>/ from specs/<provider>.yaml
  npm run generate -- --spec <file> --out <dir> generate one package from any OpenAPI file (YAML or JSON)
  npm run check [-- <provider>...]              exit 1 and list files when generated/ is stale or hand-edited
  npm run watch [-- <provider>...]              regenerate whenever a spec or template is saved
  npm run watch -- --spec <file> --out <dir>    the same for one OpenAPI file anywhere
  npm run release [-- <provider>...]            cut a release: version, CHANGELOG.md (release --help)
  npm run diff [-- <provider>...]               the API changes, classified for callers (diff --help)

Options:
${optionsHelp()}

Exit codes: 0 ok, 1 a spec problem or stale output, 2 bad usage.
`;

interface CliOptions {
  command: Command;
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
  refRoots: string[];
  allowRemoteRefs: boolean;
  jobs: number;
  shard?: Shard;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === "release") return (await import("./commands/release.ts")).release(argv.slice(1));
  if (argv[0] === "diff") return (await import("./commands/diff.ts")).diff(argv.slice(1));
  let options: CliOptions | null;
  let targets: Target[];
  try {
    options = parseCli(argv);
    if (!options) {
      process.stdout.write(HELP);
      return 0;
    }
    targets = await resolveTargets(options);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`apigen: ${error.message}\nrun npm run generate -- --help for the commands and options\n`);
    return 2;
  }
  const ctx: RunContext = { templates: lazyTemplates(), fingerprint: await generatorFingerprint() };
  if (options.command === "watch")
    return (await import("./watch.ts")).watch(
      {
        specsDir: options.specsDir,
        generatedDir: options.generatedDir,
        providers: options.providers,
        single: options.spec === undefined ? undefined : targets[0],
      },
      ctx,
    );
  return options.command === "check" ? runCheck(targets, ctx, options) : runGenerate(targets, ctx, options);
}

/** Flags and positionals from argv, checked against OPTIONS: an unknown or misused flag is a UsageError naming the fix. */
function readFlags(argv: string[]): { values: OptionValues; positionals: string[] } {
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  const flags = Object.keys(OPTIONS).map((name) => `--${name}`);
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    const spec = (OPTIONS as Record<string, OptionSpec>)[token.name];
    if (!spec) {
      const suggestion = closest(token.rawName.startsWith("--") ? token.rawName : `--${token.name}`, flags);
      throw new UsageError(`unknown option ${token.rawName}${suggestion ? `; did you mean ${suggestion}?` : ""}`);
    }
    if (spec.type === "string") {
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith("-")))
        throw new UsageError(`${token.rawName} needs a value: --${token.name} ${spec.arg}`);
      if (spec.multiple) values[token.name] = [...((values[token.name] as string[] | undefined) ?? []), token.value];
      else values[token.name] = token.value;
    } else {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value (got "${token.value}")`);
      values[token.name] = true;
    }
  }
  return { values: values as OptionValues, positionals };
}

function parseCli(argv: string[]): CliOptions | null {
  const { values, positionals } = readFlags(argv);
  if (values.help) return null;
  const [command = "generate", ...providers] = positionals;
  if (!(COMMANDS as readonly string[]).includes(command)) {
    const suggestion = closest(command, COMMANDS);
    throw new UsageError(
      `unknown command "${command}"${suggestion ? `; did you mean "${suggestion}"?` : ` (commands: ${COMMANDS.join(", ")})`}`,
    );
  }
  for (const name of Object.keys(values) as OptionName[]) {
    const only = (OPTIONS[name] as OptionSpec).only;
    if (only !== undefined && !only.includes(command as Command))
      throw new UsageError(`--${name} is an option of ${only.join(" and ")}, not of ${command}`);
  }
  if ((values.spec === undefined) !== (values.out === undefined)) throw new UsageError("--spec and --out go together");
  if (values.spec !== undefined && providers.length > 0)
    throw new UsageError("name providers or give --spec, not both");
  if (values.shard !== undefined && (command === "watch" || values.spec !== undefined))
    throw new UsageError("--shard splits the providers of specs/ for generate and check");
  return {
    command: command as Command,
    providers,
    spec: values.spec,
    out: values.out,
    name: values.name,
    specsDir: resolve(values.specs ?? "specs"),
    generatedDir: resolve(values.generated ?? "generated"),
    force: values.force ?? false,
    dryRun: values["dry-run"] ?? false,
    quiet: values.quiet ?? false,
    json: values.json ?? false,
    refRoots: (values["allow-ref-root"] ?? []).map((dir) => resolve(dir)),
    allowRemoteRefs: values["allow-remote-refs"] ?? false,
    jobs: asUsage(() => jobsOption(values.jobs)),
    shard: values.shard === undefined ? undefined : asUsage(() => parseShard(values.shard!)),
  };
}

/**
 * `--jobs`, else `APIGEN_JOBS`, else the core count. The variable is for machines that already run
 * other work on every core (a CI step running test files side by side), where a worker per core only
 * adds threads that each load the same libraries.
 */
function jobsOption(flag: string | undefined): number {
  if (flag !== undefined) return parseJobs(flag);
  const env = process.env.APIGEN_JOBS;
  return env === undefined || env === "" ? DEFAULT_JOBS : parseJobs(env, "APIGEN_JOBS");
}

/** The provider slug and, for a scoped `--name` (`@acme/pets`), the npm name as given. */
function packageChoice(name: string | undefined, outDir: string): { provider: string; packageName?: string } {
  if (name === undefined || !/[@/]/.test(name)) return { provider: slugify(name ?? basename(outDir)) };
  if (!isScopedPackageName(name))
    throw new UsageError(
      `--name ${JSON.stringify(name)} is not an npm package name: give @scope/name in lower case, or a plain name`,
    );
  return { provider: slugify(name.slice(name.indexOf("/") + 1)), packageName: name };
}

/**
 * Generating replaces the whole --out folder with the package: refuse one that holds the spec itself or
 * files apigen did not write (no manifest), instead of deleting them. A new, empty or earlier apigen folder is fine.
 */
async function ownFolder(outDir: string, specFile: string): Promise<void> {
  const inside = relative(outDir, specFile);
  if (inside !== "" && !inside.startsWith("..") && !isAbsolute(inside))
    throw new UsageError(
      `--out ${shown(outDir)} holds the spec itself; the package replaces that folder whole: choose a folder of its own`,
    );
  const entries: string[] = await readdir(outDir).catch(() => []);
  if (entries.length > 0 && !entries.includes(MANIFEST_FILE))
    throw new UsageError(
      `--out ${shown(outDir)} already holds files apigen did not write (no ${MANIFEST_FILE}), and generating would replace them: choose a new or empty folder`,
    );
}

/** A folder as the user would type it: relative to where they are, when it is below. */
function shown(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? dir : rel;
}

async function resolveTargets(options: CliOptions): Promise<Target[]> {
  if (options.spec !== undefined && options.out !== undefined) {
    const outDir = resolve(options.out);
    const specFile = resolve(options.spec);
    if (options.command !== "check") await ownFolder(outDir, specFile);
    return [
      {
        ...packageChoice(options.name, outDir),
        specFile,
        outDir,
        refPolicy: refPolicy(options, dirname(specFile)),
      },
    ];
  }
  // External $refs of provider specs may read the project: the folder that holds specs/.
  const policy = refPolicy(options, dirname(options.specsDir));
  const all = (await listTargets(options.specsDir, options.generatedDir)).map((t) => ({ ...t, refPolicy: policy }));
  if (options.providers.length === 0) {
    // watch starts on an empty folder too: specs added later are picked up.
    if (all.length === 0 && options.command !== "watch")
      throw new UsageError(`no specs found in ${options.specsDir} (give --specs <dir>, or --spec <file> --out <dir>)`);
    // An empty shard is fine: more shards than providers, or an unlucky hash.
    return options.shard ? inShard(all, options.shard) : all;
  }
  const named = namedTargets(all, options.providers, options.specsDir);
  return options.shard ? inShard(named, options.shard) : named;
}

/** A flag value's own parse error, as a usage error (exit 2). */
function asUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function refPolicy(options: CliOptions, defaultRoot: string): RefPolicy {
  return { roots: [defaultRoot, ...options.refRoots], allowRemote: options.allowRemoteRefs };
}

interface Report {
  provider: string;
  status: string;
  ms: number;
  files?: number;
  changed?: string[];
  /** `to`: the version this run wrote; `next`: what `npm run release` would make of the changes so far. */
  version?: { from: string | undefined; to: string; next?: string };
  apiChanges?: { level: string; kind: string; where: string; message: string }[];
  /** Files a newer generator changed while the API did not (a patch release). */
  regenerated?: string[];
  /** The spec's warn-level findings, as printed on stderr. */
  warnings?: string[];
  error?: string;
}

async function runGenerate(targets: Target[], ctx: RunContext, options: CliOptions): Promise<number> {
  if (options.jobs === 1) keepToOneThread();
  const reports: Report[] = [];
  for (const parent of new Set(targets.map((t) => resolve(t.outDir, "..")))) await recoverInterrupted(parent);
  const batch = generateAll(targets, ctx, {
    force: options.force || options.dryRun,
    dryRun: options.dryRun,
    jobs: options.jobs,
  });
  for (const [i, target] of targets.entries()) {
    const started = performance.now();
    try {
      const result = await batch.results[i]!;
      const ms = Math.round(result.ms);
      printWarnings(result.warnings, options);
      const release = result.release;
      reports.push({
        provider: target.provider,
        status: options.dryRun ? (result.changed.length > 0 ? "would-change" : "unchanged") : result.status,
        ms,
        files: result.fileCount,
        changed: result.changed,
        version: release && { from: release.previousVersion, to: release.version, next: release.next },
        apiChanges: release?.changes,
        regenerated: release?.regenerated,
        warnings: result.warnings,
      });
      if (options.json || options.quiet) continue;
      if (options.dryRun && release)
        process.stdout.write(await changeReport(`${target.provider}:`, release, result.changed, "would write"));
      else
        process.stdout.write(
          progressLine(target.provider, result.status, result.changed.length, result.fileCount, ms, release),
        );
    } catch (error) {
      reports.push(failed(target, started, error));
    }
  }
  await batch.close();
  if (options.json) process.stdout.write(JSON.stringify({ command: "generate", results: reports }, null, 2) + "\n");
  return reports.some((r) => r.status === "error") ? 1 : 0;
}

/** Warn-level findings go to stderr (and into --json's report) and never fail the run; --quiet prints errors only. */
function printWarnings(warnings: readonly string[], options: CliOptions): void {
  if (options.quiet) return;
  for (const warning of warnings) process.stderr.write(`${warning}\n`);
}

/** A provider whose run threw: its located error goes to stderr, and into the --json report. */
function failed(target: Target, started: number, error: unknown): Report {
  const message = describe(error);
  process.stderr.write(`${message}\n`);
  return { provider: target.provider, status: "error", ms: Math.round(performance.now() - started), error: message };
}

function progressLine(
  provider: string,
  status: string,
  changed: number,
  files: number,
  ms: number,
  release?: Release,
): string {
  const what =
    status === "up-to-date"
      ? "up to date, skipped"
      : status === "unchanged"
        ? `regenerated, no file changed (${files} files)`
        : `generated ${files} files, ${changed} changed`;
  const bumped =
    release?.previousVersion && release.previousVersion !== release.version
      ? `; ${release.previousVersion} -> ${release.version}`
      : "";
  return `${provider.padEnd(28)} ${what}${bumped} in ${ms} ms\n`;
}

async function runCheck(targets: Target[], ctx: RunContext, options: CliOptions): Promise<number> {
  if (options.jobs === 1) keepToOneThread();
  let stale = 0;
  let broken = 0;
  const reports: Report[] = [];
  const batch = checkAll(targets, ctx, options.jobs);
  for (const [i, target] of targets.entries()) {
    const started = performance.now();
    try {
      const { differing, warnings, ms: took } = await batch.results[i]!;
      const ms = Math.round(took);
      printWarnings(warnings, options);
      reports.push({
        provider: target.provider,
        status: differing.length ? "stale" : "ok",
        ms,
        changed: differing,
        warnings,
      });
      if (differing.length > 0) {
        stale++;
        process.stderr.write(
          `${target.provider}: ${differing.length} file(s) differ from what the generator would write:\n`,
        );
        for (const rel of differing) process.stderr.write(`  ${join(target.outDir, rel)}\n`);
      } else if (!options.quiet && !options.json) {
        process.stdout.write(`${target.provider.padEnd(28)} matches its spec (${ms} ms)\n`);
      }
    } catch (error) {
      // A spec that does not load or validate: its error is the news, not staleness.
      broken++;
      reports.push(failed(target, started, error));
    }
  }
  await batch.close();
  // A whole package whose spec is gone is stale too: a pull request deleting a spec must not pass.
  if (options.providers.length === 0 && options.spec === undefined) {
    const all = await listTargets(options.specsDir, options.generatedDir);
    const orphans = (await orphanedPackages(options.generatedDir, all)).map((provider) => ({ provider }));
    for (const { provider } of options.shard ? inShard(orphans, options.shard) : orphans) {
      stale++;
      reports.push({ provider, status: "no-spec", ms: 0 });
      process.stderr.write(
        `${provider}: ${join(options.generatedDir, provider)} has no spec in ${options.specsDir} any more: restore the spec, or delete the folder\n`,
      );
    }
  }
  if (options.json) process.stdout.write(JSON.stringify({ command: "check", results: reports }, null, 2) + "\n");
  if (broken > 0) process.stderr.write(`${broken} spec(s) have errors: fix them, then run npm run generate\n`);
  if (stale > 0) process.stderr.write(`generated/ is out of date: run npm run generate\n`);
  return stale + broken > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${describe(error)}\n`);
  return 1;
});
