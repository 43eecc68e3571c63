import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Integration files that take most of a run, heaviest first by CPU time when
 * run alone (each spawns the generator, tsc, npm or a browser; real-world
 * also downloads the GitHub spec on a clean clone). Started first, they share
 * the two workers with the many short files instead of running alone at the
 * end while the other core idles. A file missing from
 * this list only runs later; nothing else depends on it.
 */
export const SLOW_FILES = [
  "test/generator/real-world.test.ts",
  "test/generator/hostile-names.test.ts",
  "test/generator/typecheck.test.ts",
  "test/generator/watch.test.ts",
  "test/generator/cli.test.ts",
  "test/generator/launcher.test.ts",
  "test/generator/hostile-specs.test.ts",
  "test/generator/jobs.test.ts",
  "test/package/tarball.test.ts",
  "test/docs/site.test.ts",
];

/**
 * File order for `vitest run`: the slow files first, heaviest first; the rest
 * after them, in vitest's usual order, or, under `--sequence.shuffle`, in a
 * random order from the run's seed (printed at the start, `--sequence.seed`
 * replays it), so that CI still meets the files in an order nobody chose. The
 * tests inside each file are shuffled by vitest itself, as before.
 */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => SLOW_FILES.indexOf(this.relative(spec));
    const slow = files.filter((f) => rank(f) >= 0).sort((a, b) => rank(a) - rank(b));
    const others = files.filter((f) => rank(f) < 0);
    const { shuffle, seed } = this.ctx.config.sequence;
    const rest = shuffle ? shuffled(others, seed) : await super.sort(others);
    return [...slow, ...rest];
  }

  private relative(spec: TestSpecification): string {
    return spec.moduleId.slice(this.ctx.config.root.length + 1).replaceAll("\\", "/");
  }
}

/** Fisher-Yates with a small seeded generator (mulberry32): the same seed gives the same order. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
