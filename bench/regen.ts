/**
 * Section 1: regenerating our providers, as whole `generate` processes over a
 * copy of specs/ (never /work/main/generated).
 *
 * One round = cold (empty generated dir) -> no-op (immediately again) ->
 * one spec changed (an operation summary edited in the largest spec). One
 * warm-up round is discarded; medians over the measured rounds. Interleaving
 * the three kinds inside each round exposes them to the same machine load.
 */
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { log, measure, ROOT, summarizeSamples, WORK, type ProcessSample, type ProcessSummary } from "./proc.ts";

export interface RegenResult {
  providers: string[];
  /** The provider whose spec the one-spec runs edit (the largest spec). */
  touched: string;
  rounds: number;
  cold: ProcessSummary;
  noop: ProcessSummary;
  oneSpec: ProcessSummary;
  noopOverCold: number;
  oneSpecOverCold: number;
  /** A copy of one cold run's output: the packages the client and bundle sections use. */
  packagesDir: string;
}

const SPEC_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

/** `cli`: the generator to run (the run's frozen copy, see snapshot.ts). */
export async function benchRegen(rounds: number, cli: string): Promise<RegenResult> {
  const work = join(WORK, "regen");
  const specs = join(work, "specs");
  const generated = join(work, "generated");
  const packagesDir = join(WORK, "packages");
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await cp(join(ROOT, "specs"), specs, { recursive: true });

  const files = (await readdir(specs)).filter((f) => SPEC_EXTENSIONS.has(extname(f))).sort();
  const providers = files.map((f) => basename(f, extname(f)));
  const sizes = await Promise.all(files.map(async (f) => (await stat(join(specs, f))).size));
  const touchedFile = files[sizes.indexOf(Math.max(...sizes))]!;
  const touched = basename(touchedFile, extname(touchedFile));
  const original = await readFile(join(specs, touchedFile), "utf8");

  const generate = () =>
    measure(process.execPath, [cli, "generate", "--specs", specs, "--generated", generated, "--quiet"]);
  const cold: ProcessSample[] = [];
  const noop: ProcessSample[] = [];
  const oneSpec: ProcessSample[] = [];

  for (let round = 0; round <= rounds; round++) {
    const label = round === 0 ? "warm-up round" : `round ${round}/${rounds}`;
    await writeFile(join(specs, touchedFile), original);
    await rm(generated, { recursive: true, force: true });
    const c = await generate();
    if (round === rounds) {
      await rm(packagesDir, { recursive: true, force: true });
      await cp(generated, packagesDir, { recursive: true });
    }
    const before = await folderIds(generated, providers);
    const n = await generate();
    const afterNoop = await folderIds(generated, providers);
    if (providers.some((p) => afterNoop[p] !== before[p])) throw new Error("regen: the no-op rerun rewrote a package");
    await writeFile(join(specs, touchedFile), editSummary(original, round));
    const o = await generate();
    const afterEdit = await folderIds(generated, providers);
    const rewritten = providers.filter((p) => afterEdit[p] !== afterNoop[p]);
    if (rewritten.join() !== touched)
      throw new Error(`regen: editing ${touchedFile} rewrote [${rewritten.join(", ")}], expected [${touched}]`);
    log(`regen ${label}: cold ${ms(c)}, no-op ${ms(n)}, one spec ${ms(o)}`);
    if (round === 0) continue;
    cold.push(c);
    noop.push(n);
    oneSpec.push(o);
  }
  await writeFile(join(specs, touchedFile), original);

  const summary = { cold: summarizeSamples(cold), noop: summarizeSamples(noop), oneSpec: summarizeSamples(oneSpec) };
  return {
    providers,
    touched,
    rounds,
    ...summary,
    noopOverCold: summary.noop.ms.median / summary.cold.ms.median,
    oneSpecOverCold: summary.oneSpec.ms.median / summary.cold.ms.median,
    packagesDir,
  };
}

/** Appends a marker to the first operation summary: a patch-level change to one operation. */
function editSummary(text: string, round: number): string {
  let done = false;
  const edited = text.replace(/^(\s+summary:\s*)(.+)$/m, (_, key: string, value: string) => {
    done = true;
    const quoted = /^["']/.test(value);
    return quoted
      ? `${key}${value.slice(0, -1)} (bench edit ${round})${value.slice(-1)}`
      : `${key}${value} (bench edit ${round})`;
  });
  if (!done) throw new Error("regen: no `summary:` line to edit in the largest spec");
  return edited;
}

/** Inode of each package folder: the generator swaps a whole folder in when it writes a package. */
async function folderIds(generated: string, providers: string[]): Promise<Record<string, number>> {
  const entries = await Promise.all(providers.map(async (p) => [p, (await stat(join(generated, p))).ino] as const));
  return Object.fromEntries(entries);
}

function ms(sample: ProcessSample): string {
  return `${Math.round(sample.ms)} ms`;
}
