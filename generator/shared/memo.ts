import { sha256 } from "./hash.ts";

/**
 * What a long-running process (the watcher) keeps of one package's last
 * generation, so that the next one redoes only the stages an edit touched.
 * Each entry is keyed by its stage's name and a hash of everything the stage
 * reads, so a hit returns exactly what the stage would compute (output stays
 * byte-identical to a cold run).
 *
 * Bounded: a run keeps only the entries it used (plus the ones it made), and
 * the rest are dropped when it ends ({@link commit}). However many edits a
 * watcher sees, it holds at most one run's worth per package. A run that
 * fails keeps the previous good run's entries instead ({@link abandon}), so
 * fixing a broken save is as quick as any other edit.
 */
export class StageMemo {
  #previous = new Map<string, unknown>();
  #current = new Map<string, unknown>();
  /** Hits and misses of the run in progress, by stage (what `APIGEN_MEMO_LOG=1` prints). */
  readonly stats = new Map<string, { hits: number; misses: number }>();

  /**
   * `compute()`'s value for this stage and key: from the last run when it made the same, else computed now.
   * `key` is a function: a one-shot run ({@link NO_MEMO}) never pays for hashing.
   */
  use<T>(stage: string, key: () => string, compute: () => T): T {
    const id = `${stage}\0${key()}`;
    const stat = this.stats.get(stage) ?? { hits: 0, misses: 0 };
    this.stats.set(stage, stat);
    if (this.#current.has(id)) {
      stat.hits++;
      return this.#current.get(id) as T;
    }
    if (this.#previous.has(id)) {
      stat.hits++;
      const kept = this.#previous.get(id) as T;
      this.#current.set(id, kept);
      return kept;
    }
    stat.misses++;
    const value = compute();
    this.#current.set(id, value);
    // A stage that fails is not remembered: the next run tries it again.
    if (value instanceof Promise) value.catch(() => this.#current.delete(id));
    return value;
  }

  /** The run succeeded: keep what it used, drop the rest. */
  commit(): void {
    this.#previous = this.#current;
    this.#current = new Map();
  }

  /** The run failed: keep the last good run's entries (a broken save must not empty the memo). */
  abandon(): void {
    this.#current = new Map();
  }

  /** Entries held (the last run's). */
  get size(): number {
    return this.#previous.size + this.#current.size;
  }
}

/** A key from the parts a stage reads: strings as they are, anything else as its JSON (each length-prefixed). */
export function memoKey(...parts: unknown[]): string {
  const texts = parts.map((p) => (typeof p === "string" ? p : (JSON.stringify(p) ?? "undefined")));
  return sha256(texts.map((t) => `${t.length}:${t}`).join("\n"));
}

/** No memo: every stage computes (a one-shot `generate`). */
export const NO_MEMO = {
  use: <T>(_stage: string, _key: () => string, compute: () => T): T => compute(),
};

/** What the pipeline asks of a memo (a {@link StageMemo}, or {@link NO_MEMO}). */
export type Memo = Pick<StageMemo, "use">;
