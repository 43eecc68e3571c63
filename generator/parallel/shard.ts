import { sha256 } from "../shared/hash.ts";

/**
 * `--shard i/n`: which providers this CI job handles. A provider's shard is
 * the first 32 bits of the SHA-256 of its name, mod n, so it depends on the
 * name alone: adding or removing another provider never moves it (a sorted
 * round-robin would reshuffle every shard after the insertion point). Shards
 * are 1-based, as job matrices count (`1/3`, `2/3`, `3/3`).
 */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` (1 <= i <= n); throws a usage message otherwise. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new Error(`--shard wants i/n with 1 <= i <= n (e.g. --shard 2/3), got "${text}"`);
  }
  return { index, count };
}

/** The 1-based shard a provider belongs to among `count`. */
export function shardOf(provider: string, count: number): number {
  return (Number.parseInt(sha256(provider).slice(0, 8), 16) % count) + 1;
}

export function inShard<T extends { provider: string }>(targets: readonly T[], shard: Shard): T[] {
  return targets.filter((t) => shardOf(t.provider, shard.count) === shard.index);
}

/** `--jobs N` (or `APIGEN_JOBS=N`, named by `what`): a positive integer; throws a usage message otherwise. */
export function parseJobs(text: string, what = "--jobs"): number {
  const jobs = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(jobs) || jobs < 1)
    throw new Error(`${what} wants a whole number of at least 1, got "${text}"`);
  return jobs;
}
