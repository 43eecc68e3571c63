import { basename, resolve } from "node:path";
import type { Templates } from "./emit/templates.ts";
import type { ApiIR } from "./ir/types.ts";
import type { Release } from "./changes/release.ts";
import type { RefPolicy } from "./validate/ref-policy.ts";
import type { StoredValidators } from "./emit/testing/validators.ts";
import type { ValidatorsJob } from "./emit/testing/validators-job.ts";
import type { DocsSession } from "./emit/docs-job.ts";
import type { BundledSpec } from "./validate/validate.ts";
import type { LoadedSpec } from "./load/load.ts";
import { sha256 } from "./shared/hash.ts";
import { memoKey, NO_MEMO, StageMemo, StoredMemo, type Memo } from "./shared/memo.ts";
import { jsonFile } from "./shared/json.ts";
import { startTypes } from "./emit/types-job.ts";
import {
  MANIFEST_FILE,
  hashInputs,
  hashOutputs,
  isUpToDate,
  manifestFor,
  readManifest,
  stampWritten,
  type Manifest,
} from "./write/manifest.ts";
import { updateInPlace } from "./write/in-place.ts";
import { syncLockfileVersion } from "./write/lockfile.ts";
import { compareWithDisk, diffAgainstDisk, replaceFolder, type FileSet, type WrittenStats } from "./write/write.ts";
import type { WrittenPackage } from "./write/written.ts";

/** One spec to turn into one package. */
export interface Target {
  provider: string;
  specFile: string;
  outDir: string;
  /** The npm name, when `--name` gives one with its own scope; else `@apigen/<provider>`. */
  packageName?: string;
  /** Where external `$ref`s may lead (default: the spec's own folder, no URLs). */
  refPolicy?: RefPolicy;
}

/** What every target of a run shares: compiled templates and the generator's fingerprint. */
export interface RunContext {
  /** Loaded on first use: a run where every package is up to date never needs them. */
  templates: () => Promise<Templates>;
  fingerprint: string;
  /**
   * A watcher's memo of each target's last run (shared/memo.ts): stages whose inputs did not change
   * are not redone. None in a one-shot run.
   */
  memo?: (target: Target) => StageMemo;
  /**
   * A watcher's record of what it last wrote into each package (write/written.ts): unchanged files are
   * neither read back, hashed again nor rewritten. None in a one-shot run.
   */
  written?: (target: Target) => WrittenPackage;
  /** A watcher's docs of each target (emit/docs-job.ts): pages a save did not touch are kept. */
  docs?: (target: Target) => DocsSession;
  /**
   * A watcher's: takes work left once a package is in place (removing the old folder, the stamp that lets a
   * later `generate` find it up to date), which it awaits before its next regeneration, so that the package
   * is reported written without waiting for it. A one-shot run awaits that work itself.
   */
  later?: (work: Promise<void>) => void;
  /**
   * A watcher's: what was saved since this regeneration started, for this target: its spec ("spec"),
   * or one of the files it refers to (`dependencies`, as bundled), a folder, or a template ("shared");
   * undefined when nothing was. Asked once
   * the package is made, before anything is written. A regeneration may have read such a save half
   * done: generatePackage then throws {@link Superseded} and leaves the package as it was, for the
   * regeneration of the newer save. For its spec alone it first checks the file against the text it
   * read (a big file's save comes as several events, some after the regeneration read it whole: the
   * package is then written). A shared file or a template is not checked: its hash in the manifest is
   * taken from the disk, not from what the bundler or the templates read.
   */
  savedDuring?: (target: Target, dependencies: readonly string[]) => Promise<"spec" | "shared" | undefined>;
}

/** A regeneration that a newer save overtook: nothing was written; the watcher regenerates again. */
export class Superseded extends Error {
  constructor(provider: string) {
    super(`${provider}: a save came during the regeneration; nothing written`);
    this.name = "Superseded";
  }
}

/** Templates compiled once, on first use (handlebars is not loaded at all when nothing is stale). */
export function lazyTemplates(): RunContext["templates"] {
  let loading: ReturnType<RunContext["templates"]> | undefined;
  return () => (loading ??= import("./emit/templates.ts").then((m) => m.loadTemplates()));
}

export interface RenderedPackage {
  files: FileSet;
  ir: ApiIR;
  bundled: BundledSpec;
  /** What changed for client users since the last release (and, with `cut`, the release made). */
  release: Release;
}

export interface RenderOptions {
  /** Turn `## Unreleased` into the next version (`npm run release`); a no-op when nothing is unreleased. */
  cut?: boolean;
}

export type { Release };

/** load -> validate -> IR -> emit -> format: every file of the package, in memory. */
export async function renderPackage(
  target: Target,
  ctx: RunContext,
  options: RenderOptions = {},
  stored?: StoredMemo,
): Promise<RenderedPackage> {
  const store = ctx.memo?.(target);
  try {
    const rendered = await render(target, ctx, options, store ?? stored ?? NO_MEMO);
    store?.commit();
    return rendered;
  } catch (error) {
    store?.abandon();
    throw error;
  }
}

async function render(
  target: Target,
  ctx: RunContext,
  options: RenderOptions,
  memo: Memo,
  speculate = true,
): Promise<RenderedPackage> {
  // A small API's types are made on a worker thread, which loads their libraries meanwhile (emit/types-job.ts):
  // started first, so that its start overlaps the stages' own loading too.
  const typesJob = startTypes(target.specFile, memo instanceof StageMemo);
  typesJob.catch(() => {});
  const stages = await loadStages();
  // A failure to start esbuild surfaces where dist awaits it.
  stages.startDist().catch(() => undefined);
  const templates = await ctx.templates();
  // A watcher's last parse of the spec (the same object every run): a save inside one string value is applied to it.
  const loaded = await stages.loadSpec(
    target.specFile,
    memo.use(
      "yaml-parse",
      () => "",
      () => new stages.YamlParses(),
    ),
  );
  // A big spec's lint runs on a thread while the package is made (validate/lint-job.ts); nothing is
  // returned, so nothing is written, before it has found the spec sound.
  const validation = speculate
    ? await stages.validateSpeculatively(loaded, target.refPolicy, memo)
    : { bundled: await stages.validateAndBundle(loaded, target.refPolicy, memo), confirmed: undefined, cancel() {} };
  try {
    const rendered = await makePackage(
      target,
      ctx,
      options,
      memo,
      stages,
      templates,
      loaded,
      validation.bundled,
      typesJob,
    );
    const bundled = validation.confirmed ? await validation.confirmed : validation.bundled;
    if (bundled) return { ...rendered, bundled };
  } catch (error) {
    // What lint finds wrong is the error to report, not what the unlinted document did downstream.
    if (!validation.confirmed || (await validation.confirmed) !== undefined) throw error;
  } finally {
    validation.cancel();
  }
  // Lint dropped a mistyped keyword (so the document differs), or its thread failed: made again, linted here.
  return render(target, ctx, options, memo, false);
}

type Stages = Awaited<ReturnType<typeof loadStages>>;

/** IR -> emit -> format, from a validated document: every file of the package, in memory. */
async function makePackage(
  target: Target,
  ctx: RunContext,
  options: RenderOptions,
  memo: Memo,
  stages: Stages,
  templates: Templates,
  loaded: LoadedSpec,
  bundled: BundledSpec,
  typesJob: ReturnType<typeof startTypes>,
): Promise<RenderedPackage> {
  const {
    buildIR,
    emitTypes,
    emitClient,
    emitRuntime,
    validatorInputs,
    startValidators,
    withCheck,
    emitTesting,
    emitPackageFiles,
    openapiJsonText,
    startDocs,
    withLlmsFull,
    formatFiles,
    tidy,
    emitDist,
    release: releases,
    SampleStore,
    shareSamples,
    bytesOf,
  } = stages;
  // The file name only: output must not depend on where the generator was run from.
  const specName = basename(target.specFile);
  const banner = `// Generated by apigen from ${specName.replace(/\*\//g, "*\\/").replace(/[\r\n\u2028\u2029]/g, " ")}. Do not edit: change the spec and regenerate.`;
  // Sent as soon as it is known; awaited once the rest is made (a failure meanwhile must not count as unhandled).
  const typesWorker = await typesJob;
  const remoteSchema = typesWorker?.emit(bundled.document, banner);
  remoteSchema?.catch(() => {});
  const ir = buildIR(bundled, target.provider, loaded.locate, target.packageName);
  // Sample values, made once for the docs, the test kit and the README; a watcher's last ones while the models are the same.
  shareSamples(
    ir,
    memo.use(
      "samples",
      () => memoKey(ir.models),
      () => new SampleStore(),
    ),
  );

  const docs = ctx.docs ? ctx.docs(target).start(ir, templates) : startDocs(ir, templates);
  // Keyed by exactly what ajv compiles: annotations (an edited description) leave it as it was.
  const validatorSchemas = validatorInputs(ir, bundled.document);
  // Compiled meanwhile, on a worker thread for a big API (emit/testing/validators-job.ts).
  let validatorsJob: ValidatorsJob | undefined;
  const compiled = memo.use(
    "validators",
    () => memoKey(validatorSchemas),
    (): Promise<StoredValidators> =>
      (validatorsJob = startValidators(validatorSchemas, ir.operations.length + ir.models.length)).validators,
  );
  // Awaited after the types: a failure meanwhile must not count as unhandled.
  compiled.catch(() => {});
  // openapi.json's text, made once: the types made here read the document's strings in it too.
  const openapiJson = openapiJsonText(bundled.document);
  try {
    const [madeHere, runtime, state] = await Promise.all([
      // A watcher's memo keeps the types unit by unit (one per path item): a prose edit redoes its own.
      remoteSchema
        ? undefined
        : emitTypes(bundled.document, banner, memo instanceof StageMemo ? memo : undefined, openapiJson),
      // Read from generator/runtime/: the same for every run of this generator (a watcher restarts when it changes).
      memo.use("runtime", () => "", emitRuntime),
      // A watcher's baseline (13 MB for GitHub) as it wrote it last, when it is still so on disk: not read and parsed again.
      releases.readState(target.outDir, sha256, (name) => ctx.written?.(target).content(target.outDir, name)),
    ]);
    const { client, clientDeclarations, index, raw } = emitClient(ir, templates, banner);
    const validators = withCheck(await compiled, validatorSchemas, validatorsJob?.remote);
    const kit = await emitTesting(ir, bundled.document, validators, templates, banner);
    validatorsJob?.cancel();
    // package.json carries a placeholder version until the release is decided (below).
    const packageFiles = emitPackageFiles(
      ir,
      bundled.document,
      releases.VERSION_PLACEHOLDER,
      templates,
      undefined,
      openapiJson,
    );
    const unformatted: FileSet = new Map([
      ["src/client.ts", client],
      ["src/index.ts", index],
      ["src/raw.ts", raw],
      ["src/testing.ts", kit.testing],
      ["src/validate.ts", kit.validate],
      ...packageFiles,
    ]);
    // Formatting is the pipeline's step, not an emitter's: every emitted file passes through it once.
    // llms-full.txt joins the docs pages as they are written, so it is made after formatting.
    // What does not read the docs (formatting the other files, dist, what changed for the package's
    // users) is done before waiting for them: a big API's docs are made on another thread meanwhile.
    const own = formatFiles(unformatted);
    const sources = new Map([
      ...runtime,
      ["client.ts", own.get("src/client.ts")!],
      ["index.ts", own.get("src/index.ts")!],
      ["raw.ts", own.get("src/raw.ts")!],
      ["testing.ts", own.get("src/testing.ts")!],
      ["validate.ts", own.get("src/validate.ts")!],
    ]);
    const dist = emitDist(
      sources,
      new Map([["client.ts", tidy(clientDeclarations)]]),
      ctx.fingerprint,
      memo,
      new Map([["testing.ts", tidy(kit.testingShape)]]),
    );
    // Awaited below, after the docs: a failure meanwhile must not count as unhandled.
    dist.catch(() => {});
    const changes = releases.changesSinceRelease(state, bundled.document, memo);
    const formatted = withLlmsFull(new Map([...own, ...(await docs.formatted(formatFiles))]));
    const files: FileSet = new Map([
      ...formatted,
      ["src/schema.d.ts", madeHere ?? (await remoteSchema!)],
      ...[...runtime].map(([name, text]) => [`src/${name}`, text] as const),
      // Compiled validators: JavaScript already, the same file in src/ and dist/ (only ./validate and ./testing import it).
      ["src/validators.js", validators.code],
      ["src/validators.d.ts", validators.declarations],
      ["dist/validators.js", validators.code],
      ["dist/validators.d.ts", validators.declarations],
      ...(await dist),
    ]);
    // Every file is hashed once; then the versioned files (package.json's version, CHANGELOG.md,
    // the release baseline) are decided and written once, and hashed for the manifest.
    const written = ctx.written?.(target);
    const hash = (name: string, text: string) => written?.hash(name, text) ?? sha256(text);
    const outputs = hashOutputs(files, hash);
    const release = releases.planRelease(state, bundled.document, outputs, options.cut === true, changes);
    const versioned = releases.versionedFiles(
      state,
      release,
      bundled.document,
      outputs,
      files.get("package.json")!,
      ir,
    );
    for (const [name, content] of versioned) {
      const text = name === "CHANGELOG.md" ? tidy(content) : content;
      files.set(name, text);
      outputs[name] = hash(name, text);
    }
    // Each input's hash is of what this run read (a save made meanwhile leaves the package stale), as a file.
    const read = new Map<string, string | Buffer>([...(bundled.read ?? []), [loaded.file, bytesOf(loaded)]]);
    const inputs = await hashInputs(target.outDir, bundled.dependencies, read);
    const manifest = manifestFor(ctx.fingerprint, inputs, outputs);
    files.set(MANIFEST_FILE, jsonFile(manifest));
    return { files: sortFiles(files), ir, bundled, release };
  } finally {
    docs.cancel();
    validatorsJob?.cancel();
  }
}

/**
 * The stages, imported on first use: they pull in yaml, redocly,
 * openapi-typescript, esbuild and typescript, which a no-op run never needs.
 */
async function loadStages() {
  const [
    load,
    validate,
    ir,
    types,
    client,
    pkg,
    docs,
    format,
    dist,
    release,
    validators,
    validatorsJob,
    testing,
    samples,
  ] = await Promise.all([
    import("./load/load.ts"),
    import("./validate/validate.ts"),
    import("./ir/build.ts"),
    import("./emit/types.ts"),
    import("./emit/client.ts"),
    import("./emit/package.ts"),
    import("./emit/docs-job.ts"),
    import("./format/format.ts"),
    import("./emit/dist.ts"),
    import("./changes/release.ts"),
    import("./emit/testing/validators.ts"),
    import("./emit/testing/validators-job.ts"),
    import("./emit/testing/mock.ts"),
    import("./emit/docs/samples.ts"),
  ]);
  return {
    loadSpec: load.loadSpec,
    bytesOf: load.bytesOf,
    YamlParses: load.YamlParses,
    validateAndBundle: validate.validateAndBundle,
    validateSpeculatively: validate.validateSpeculatively,
    buildIR: ir.buildIR,
    emitTypes: types.emitTypes,
    emitClient: client.emitClient,
    emitRuntime: client.emitRuntime,
    validatorInputs: validators.validatorInputs,
    startValidators: validatorsJob.startValidators,
    withCheck: validators.withCheck,
    emitTesting: testing.emitTesting,
    emitPackageFiles: pkg.emitPackageFiles,
    openapiJsonText: pkg.openapiJsonText,
    startDocs: docs.startDocs,
    withLlmsFull: docs.withLlmsFull,
    formatFiles: format.formatFiles,
    tidy: format.tidy,
    emitDist: dist.emitDist,
    startDist: dist.startDist,
    release,
    SampleStore: samples.SampleStore,
    shareSamples: samples.shareSamples,
  };
}

function sortFiles(files: FileSet): FileSet {
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export type GenerateStatus = "up-to-date" | "unchanged" | "generated";

export interface GenerateResult {
  status: GenerateStatus;
  release?: Release;
  /** Files whose content changed (all of them on a first generation). */
  changed: string[];
  fileCount: number;
  /** The spec's warn-level findings, printable lines (none when up to date: nothing was validated). */
  warnings: string[];
}

/**
 * What a one-shot run keeps on disk for the next regeneration of the same package (StoredMemo): small
 * plain results. The types are left out: they are most of a big API's output, and most edits change them.
 */
const STORED_STAGES: ReadonlySet<string> = new Set(["lint", "validators", "dist"]);

/** Brings one package up to date on disk. */
export async function generatePackage(
  target: Target,
  ctx: RunContext,
  force = false,
  dryRun = false,
): Promise<GenerateResult> {
  const manifest = await readManifest(target.outDir);
  if (!force && (await isUpToDate(target.outDir, ctx.fingerprint, manifest))) {
    return { status: "up-to-date", changed: [], fileCount: Object.keys(manifest!.outputs).length + 1, warnings: [] };
  }
  // A watcher keeps its memo in memory; a one-shot run reads what the run that wrote this package kept.
  const stored =
    ctx.memo || dryRun
      ? undefined
      : await StoredMemo.open(storedName(target), manifest && packageKey(ctx, manifest), STORED_STAGES);
  const { files, release, bundled } = await renderPackage(target, ctx, {}, stored);
  const warnings = bundled.warnings.map((w) => w.format());
  const written = ctx.written?.(target);
  const known = written?.onDisk(target.outDir);
  const { differing: changed, same } = await compareWithDisk(target.outDir, files, known);
  const saved = dryRun ? undefined : await ctx.savedDuring?.(target, bundled.dependencies);
  if (saved === "shared" || (saved === "spec" && !(await inputsAsRead(target.outDir, files))))
    throw new Superseded(target.provider);
  let stats: WrittenStats | undefined;
  let inPlace = false;
  if (!dryRun && changed.length > 0) {
    try {
      // A watcher changes the files of the package it wrote, where they are (write/in-place.ts); a one-shot
      // run, or a watcher's first write, swaps the whole folder.
      const updated =
        written && known!.size > 0
          ? await updateInPlace(target.outDir, files, same, changed, (rel) => written.recordedStat(rel), ctx.later)
          : "swap";
      inPlace = updated !== "swap";
      stats = updated === "swap" ? await replaceFolder(target.outDir, files, same, ctx.later) : updated;
      // The next run finds this package up to date by stat alone (write/manifest.ts).
      if (stats) {
        const stamp = (written: WrittenStats) => stampWritten(target.outDir, files.get(MANIFEST_FILE)!, written);
        // A watcher's starts once the package is reported written (after this turn of the loop): it is
        // not needed before, and reading the clock and the inputs again is a part of a small save.
        if (ctx.later)
          ctx.later(new Promise((go) => setImmediate(go)).then(() => stamp(stats!)).catch(() => undefined));
        else await stamp(stats);
      }
    } catch (error) {
      written?.forget();
      throw error;
    }
  }
  const manifestMade = JSON.parse(files.get(MANIFEST_FILE)!) as Manifest;
  // Written in place but a file is not as written (changed meanwhile): the next save reads the folder again.
  if (!dryRun && inPlace && !stats) written?.forget();
  else if (!dryRun) written?.record(target.outDir, files, manifestMade.outputs, stats?.stats);
  await stored?.save(packageKey(ctx, manifestMade));
  if (changed.length === 0) return { status: "unchanged", changed, fileCount: files.size, release, warnings };
  return { status: "generated", changed, fileCount: files.size, release, warnings };
}

/** Whether the inputs a package was made from (its manifest's) still hold what was read. */
async function inputsAsRead(outDir: string, files: FileSet): Promise<boolean> {
  const made = (JSON.parse(files.get(MANIFEST_FILE)!) as Manifest).inputs;
  const paths = Object.keys(made).map((rel) => resolve(outDir, rel));
  const now = await hashInputs(outDir, paths).catch(() => undefined);
  return JSON.stringify(now) === JSON.stringify(made);
}

/** A package's entry in .cache/ (shared/stored.ts), by its folder. */
function storedName(target: Target): string {
  return `stages/${sha256(target.outDir).slice(0, 32)}`;
}

/**
 * The package on disk (its manifest: inputs and outputs) and the generator of this run: entries are
 * computed by the generator's code, so a run of another generator reads none, whatever wrote the package.
 */
function packageKey(ctx: RunContext, manifest: Manifest): string {
  return sha256(JSON.stringify([ctx.fingerprint, manifest]));
}

export interface ReleaseResult {
  release: Release;
  /** Files the release rewrote (or would, with dryRun). */
  changed: string[];
  /** The workspace lock, when its entry for the package followed the new version. */
  lockfile?: string;
}

/**
 * `npm run release`: regenerates the package with its Unreleased changes cut into the next
 * version, and moves the package's entry in the workspace lock along. Nothing unreleased: nothing written.
 */
export async function releasePackage(target: Target, ctx: RunContext, dryRun = false): Promise<ReleaseResult> {
  const { files, release } = await renderPackage(target, ctx, { cut: true });
  if (!release.cut) return { release, changed: [] };
  const changed = await diffAgainstDisk(target.outDir, files);
  if (dryRun) return { release, changed };
  await replaceFolder(target.outDir, files);
  // The lock is a convenience (npm install would fix it): failing to update it must not fail the release.
  const lockfile = await syncLockfileVersion(target.outDir, release.version).catch(() => undefined);
  return { release, changed, lockfile };
}

export interface CheckResult {
  /** Paths under the package folder that differ from what the generator would write now. */
  differing: string[];
  /** The spec's warn-level findings, printable lines. */
  warnings: string[];
}

export async function checkPackage(target: Target, ctx: RunContext): Promise<CheckResult> {
  const { files, bundled } = await renderPackage(target, ctx);
  return { differing: await diffAgainstDisk(target.outDir, files), warnings: bundled.warnings.map((w) => w.format()) };
}
