/**
 * `npm run diff -- [provider...] [--base <git-ref> | --old <file> --new <file>]
 *  [--format text|markdown|json] [--fail-on breaking|minor|never]`
 *
 * The classified API changes a CI job posts on a pull request. Measured from the last release
 * (the baseline in generated/<provider>/.apigen/released.json) unless `--base` names a git ref
 * (specs/ as committed there) or `--old`/`--new` name two files. Exits 1 when a change reaches
 * the --fail-on level (default breaking), 2 on bad usage. Reads only; writes nothing.
 */
import { execFile } from "node:child_process";
import { access, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { diffSpecs } from "../changes/diff.ts";
import { readState } from "../changes/release.ts";
import { diffJson, diffMarkdown, diffText, fails, type FailOn, type ProviderDiff } from "../changes/report.ts";
import { highestLevel, nextVersion } from "../changes/semver.ts";
import { describe } from "../errors.ts";
import { sha256 } from "../shared/hash.ts";
import type { Target } from "../pipeline.ts";
import { listTargets } from "../targets.ts";
import { commandArgs, usageLine } from "./args.ts";
import { UsageError, orphanedPackages, providerTargets } from "./targets.ts";

const run = promisify(execFile);

const HELP = `Usage: npm run diff -- [provider...] [--base <git-ref> | --old <file> --new <file>]
                     [--format text|markdown|json] [--fail-on breaking|minor|never]

Prints the API changes of each provider's spec, classified for the people calling its client.

  (default)          compare specs/<provider>.yaml with the last release (generated/<provider>/.apigen/released.json)
  --base <git-ref>   compare with specs/ as committed at <git-ref> (for example origin/main)
  --old, --new       compare two spec files
  --format           text (default), markdown (a pull-request comment) or json
  --fail-on          exit 1 when a change is at least this level (default breaking; never: always 0)
  --specs <dir>      folder of provider specs (default: specs)
  --generated <dir>  folder of generated packages (default: generated)
`;

const FORMATS = ["text", "markdown", "json"] as const;
const FAIL_ON = ["breaking", "minor", "never"] as const;

interface DiffOptions {
  providers: string[];
  base?: string;
  old?: string;
  new?: string;
  format: (typeof FORMATS)[number];
  failOn: FailOn;
  specsDir: string;
  generatedDir: string;
}

function parse(argv: string[]): DiffOptions | null {
  const { values, positionals } = commandArgs(argv, {
    base: { type: "string" },
    old: { type: "string" },
    new: { type: "string" },
    format: { type: "string", default: "text" },
    "fail-on": { type: "string", default: "breaking" },
    specs: { type: "string", default: "specs" },
    generated: { type: "string", default: "generated" },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) return null;
  const format = values.format as DiffOptions["format"];
  if (!FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got "${values.format}")`);
  const failOn = values["fail-on"] as DiffOptions["failOn"];
  if (!(FAIL_ON as readonly string[]).includes(failOn))
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(", ")} (got "${values["fail-on"]}")`);
  if ((values.old === undefined) !== (values.new === undefined)) throw new UsageError("--old and --new go together");
  if (values.old !== undefined && (values.base !== undefined || positionals.length > 0))
    throw new UsageError("--old/--new compare two files: give no provider and no --base with them");
  return {
    providers: positionals,
    base: values.base,
    old: values.old,
    new: values.new,
    format,
    failOn,
    specsDir: resolve(values.specs),
    generatedDir: resolve(values.generated),
  };
}

export async function diff(argv: string[]): Promise<number> {
  let options: DiffOptions | null;
  try {
    options = parse(argv);
  } catch (error) {
    process.stderr.write(usageLine("diff", error));
    return 2;
  }
  if (options === null) {
    process.stdout.write(HELP);
    return 0;
  }
  let diffs: ProviderDiff[];
  try {
    diffs = await collect(options);
  } catch (error) {
    process.stderr.write(`apigen diff: ${error instanceof UsageError ? error.message : describe(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
  const out =
    options.format === "json"
      ? diffJson(diffs, options.failOn)
      : options.format === "markdown"
        ? diffMarkdown(diffs)
        : diffText(diffs);
  process.stdout.write(out);
  return fails(diffs, options.failOn) ? 1 : 0;
}

async function collect(options: DiffOptions): Promise<ProviderDiff[]> {
  if (options.old !== undefined && options.new !== undefined) {
    const [before, after] = await Promise.all([bundle(resolve(options.old)), bundle(resolve(options.new))]);
    return [
      {
        provider: basename(options.new).replace(/\.(ya?ml|json)$/, ""),
        base: options.old,
        changes: diffSpecs(before, after),
      },
    ];
  }
  const targets = await providerTargets(options.specsDir, options.generatedDir, options.providers);
  const atRef = options.base === undefined ? undefined : await specsAt(options.base, options.specsDir);
  try {
    const diffs: ProviderDiff[] = [];
    for (const target of targets) {
      const after = await bundle(target.specFile);
      if (atRef !== undefined) {
        const file = join(atRef, relative(options.specsDir, target.specFile));
        const existed = await access(file).then(
          () => true,
          () => false,
        );
        const before = existed ? await bundle(file) : emptySpec(after);
        diffs.push({ provider: target.provider, base: options.base!, changes: diffSpecs(before, after) });
        continue;
      }
      const { baseline, changelog } = await readState(target.outDir, sha256);
      if (baseline === undefined)
        throw new UsageError(
          `${target.provider} has no release yet (nothing in ${relative(process.cwd(), target.outDir) || "."}): run npm run generate first, or compare with --base <git-ref>`,
        );
      const changes = diffSpecs(baseline.spec, after);
      const level = highestLevel(changes);
      diffs.push({
        provider: target.provider,
        base: `the last release (${baseline.version})`,
        changes,
        next: level === "none" ? undefined : nextVersion(baseline.version, level, changelog),
      });
    }
    // A provider whose spec is gone: every operation of it is removed.
    if (options.providers.length === 0) diffs.push(...(await removedProviders(options, targets, atRef)));
    return diffs;
  } finally {
    if (atRef !== undefined) await rm(atRef, { recursive: true, force: true });
  }
}

/** Providers in the base (specs at `--base`, else released packages in generated/) that have no spec now. */
async function removedProviders(
  options: DiffOptions,
  targets: readonly Target[],
  atRef: string | undefined,
): Promise<ProviderDiff[]> {
  const now = new Set(targets.map((t) => t.provider));
  const out: ProviderDiff[] = [];
  if (atRef !== undefined) {
    for (const old of await listTargets(atRef, options.generatedDir)) {
      if (now.has(old.provider)) continue;
      const before = await bundle(old.specFile);
      out.push({ provider: old.provider, base: options.base!, changes: diffSpecs(before, emptySpec(before)) });
    }
    return out;
  }
  for (const provider of await orphanedPackages(options.generatedDir, targets)) {
    const { baseline } = await readState(join(options.generatedDir, provider), sha256);
    if (baseline === undefined) continue;
    out.push({
      provider,
      base: `the last release (${baseline.version})`,
      changes: diffSpecs(baseline.spec, emptySpec(baseline.spec)),
    });
  }
  return out;
}

/** The document the generator would build from `file`: loaded, validated, bundled. */
async function bundle(file: string): Promise<Record<string, unknown>> {
  const [{ loadSpec }, { validateAndBundle }] = await Promise.all([
    import("../load/load.ts"),
    import("../validate/validate.ts"),
  ]);
  return (await validateAndBundle(await loadSpec(file))).document;
}

/** A provider new since the base: every operation of it is an addition. */
function emptySpec(after: Record<string, unknown>): Record<string, unknown> {
  return { openapi: after.openapi, info: after.info, paths: {} };
}

/**
 * The specs folder as committed at `ref`, in a temporary folder (so files a spec references by
 * relative path come along). Uses `git show`, so nothing in the working tree changes.
 */
async function specsAt(ref: string, specsDir: string): Promise<string> {
  if (ref.startsWith("-")) throw new UsageError(`--base takes a git ref, not "${ref}"`);
  let listing: string;
  try {
    listing = (
      await run("git", ["ls-tree", "-r", "-z", "--name-only", ref, "--", "."], { cwd: specsDir, maxBuffer: 64 << 20 })
    ).stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    throw new UsageError(
      `cannot read ${relative(process.cwd(), specsDir) || "."} at git ref "${ref}": ${stderr.split("\n")[0] || (error as Error).message}`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), "apigen-diff-"));
  try {
    for (const rel of listing.split("\0").filter(Boolean)) {
      const { stdout } = await run("git", ["show", `${ref}:./${rel}`], {
        cwd: specsDir,
        encoding: "buffer",
        maxBuffer: 64 << 20,
      });
      await mkdir(dirname(join(dir, rel)), { recursive: true });
      await writeFile(join(dir, rel), stdout);
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}
