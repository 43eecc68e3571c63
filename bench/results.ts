/**
 * The shape of bench/results.json and the targets of issue 18 (round two), shared by the
 * table, the chart and run.ts.
 */
import type { BundleResult } from "./bundle.ts";
import type { ClientResult } from "./client.ts";
import type { ConsumerResult } from "./consumer.ts";
import type { GithubResult } from "./github.ts";
import type { ManyResult } from "./many.ts";
import type { RegenResult } from "./regen.ts";
import type { WatchResult } from "./watch.ts";

/** Where and on what a section was measured. */
export interface SectionMeta {
  measuredAt: string;
  seconds: number;
  /** 1-minute load average at the start and end: the machine is shared, this says how much. */
  loadavg: [number, number];
  commit: string;
  /** Generator files that differed from the commit (working tree measured as is). */
  dirty: string[];
  /** Hash of the frozen generator copy the section ran (snapshot.ts): equal hashes, same code. */
  generator: string;
}

export interface Results {
  noopOverCold: number;
  oneSpecOverCold: number;
  githubOursOverHeyApi: number;
  githubOursOverOpenapiTypescript: number;
  clientOverRawFetch: number;
  clientOverOpenapiFetch: number;
  clientOverRawFetchConcurrent: number;
  clientOverOpenapiFetchConcurrent: number;
  bundleGzipBytes: Record<string, number>;
  /** 40 providers: `generate --jobs 1` / the default job count, wall time (higher is better). */
  manyProvidersSpeedup: number;
  /** `tsc --noEmit` of a small app calling three GitHub operations: through our package / openapi-fetch + openapi-typescript. */
  consumerTypecheckOverOpenapiFetch: number;
  /** A saved edit of one seed spec: in a running watcher (save to package written) / a cold one-provider `generate`. */
  watchEditOverCold: number;
  /** A description edited in GitHub's spec: in a running `watch --spec --out` / a cold `generate --spec --out`. */
  githubWatchEditOverCold: number;
  /** The time ratios above computed from CPU seconds (generation: GNU time user+sys; client: process.cpuUsage). */
  cpuRatios: Partial<Record<string, number>>;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; memoryGiB: number };
  sections: {
    regen?: RegenResult & { meta: SectionMeta };
    github?: GithubResult & { meta: SectionMeta };
    client?: ClientResult & { meta: SectionMeta };
    bundle?: BundleResult & { meta: SectionMeta };
    many?: ManyResult & { meta: SectionMeta };
    consumer?: ConsumerResult & { meta: SectionMeta };
    watch?: WatchResult & { meta: SectionMeta };
  };
}

export interface Target {
  key: string;
  label: string;
  /** Pass when value <= max (or < max when strict). */
  max?: number;
  /** Pass when value >= min: a speedup, where higher is better. */
  min?: number;
  strict?: boolean;
}

export const TARGETS: Record<string, Target> = {
  noopOverCold: { key: "noopOverCold", label: "no-op rerun / cold", max: 0.1 },
  oneSpecOverCold: { key: "oneSpecOverCold", label: "one spec changed / cold", max: 0.4 },
  githubOursOverHeyApi: { key: "githubOursOverHeyApi", label: "GitHub: ours / @hey-api", max: 0.2 },
  githubOursOverOpenapiTypescript: {
    key: "githubOursOverOpenapiTypescript",
    label: "GitHub: ours / openapi-typescript (CPU target <= 1.3)",
    max: 1,
  },
  clientOverRawFetch: { key: "clientOverRawFetch", label: "client / raw fetch (sequential)", max: 1.05 },
  clientOverRawFetchConcurrent: { key: "clientOverRawFetchConcurrent", label: "client / raw fetch (concurrent)" },
  clientOverOpenapiFetch: { key: "clientOverOpenapiFetch", label: "client / openapi-fetch (sequential)" },
  clientOverOpenapiFetchConcurrent: {
    key: "clientOverOpenapiFetchConcurrent",
    label: "client / openapi-fetch (concurrent)",
  },
  manyProvidersSpeedup: {
    key: "manyProvidersSpeedup",
    label: "40 providers: --jobs 1 / default (higher is better)",
    min: 1.7,
  },
  consumerTypecheckOverOpenapiFetch: {
    key: "consumerTypecheckOverOpenapiFetch",
    label: "app tsc: ours / openapi-fetch",
    max: 0.8,
  },
  watchEditOverCold: { key: "watchEditOverCold", label: "seed spec edit: watcher / cold generate", max: 0.1 },
  githubWatchEditOverCold: {
    key: "githubWatchEditOverCold",
    label: "GitHub description edit: watcher / cold generate",
    max: 0.3,
  },
};

/** Gzipped bundle budget per generated client, bytes. */
export const BUNDLE_BUDGET = 8000;

export function passes(target: Target, value: number): boolean | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (target.min !== undefined) return value >= target.min;
  if (target.max === undefined) return undefined;
  return target.strict ? value < target.max : value <= target.max;
}

export function targetText(target: Target): string {
  if (target.min !== undefined) return `>= ${target.min}`;
  return target.max === undefined ? "-" : `${target.strict ? "<" : "<="} ${target.max}`;
}
