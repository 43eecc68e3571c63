import { createHash } from "node:crypto";
import { pruneStored, readStored, writeStored } from "./stored.ts";

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
  // The parts go into the hash one by one (the same bytes as their joined text): a key of a big part
  // (a spec's components, a 2 MB source) is not copied into one more string first.
  const hash = createHash("sha256");
  parts.forEach((p, i) => {
    const text = typeof p === "string" ? p : (JSON.stringify(p) ?? "undefined");
    hash.update(`${i === 0 ? "" : "\n"}${text.length}:`).update(text);
  });
  return hash.digest("hex");
}

/** No memo: every stage computes (a one-shot `generate`). */
export const NO_MEMO = {
  use: <T>(_stage: string, _key: () => string, compute: () => T): T => compute(),
};

/** What the pipeline asks of a memo (a {@link StageMemo}, or {@link NO_MEMO}). */
export type Memo = Pick<StageMemo, "use">;

/**
 * What a one-shot run keeps of one package's generation on disk, for the next run that regenerates
 * that same package (an edited spec): the stages in `stages` whose values are small plain data
 * (lint findings, compiled validators, dist files), so that a summary edit neither loads redocly and
 * ajv nor compiles what it did not touch. Entries are read back only while the package on disk is
 * the one the run that saved them wrote (`key`: a hash of its manifest, which holds the generator's
 * fingerprint and every input and output hash); a package deleted, hand-edited or written by another
 * generator starts afresh. Like {@link StageMemo}, a run keeps only what it used and made.
 */
/** Packages whose last run's entries are kept on disk: a project's, plus room for the temporary ones of tests. */
const STORED_PACKAGES = 64;

export class StoredMemo {
  #previous: Map<string, unknown>;
  #current = new Map<string, unknown>();

  private constructor(
    readonly name: string,
    previous: Map<string, unknown>,
    readonly stages: ReadonlySet<string>,
  ) {
    this.#previous = previous;
  }

  /** `name`: the package's entry in .cache/ (shared/stored.ts); `key`: the package now on disk. */
  static async open(name: string, key: string | undefined, stages: ReadonlySet<string>): Promise<StoredMemo> {
    const stored = key === undefined ? undefined : await readStored(name, key);
    return new StoredMemo(name, new Map(Array.isArray(stored) ? (stored as [string, unknown][]) : []), stages);
  }

  use<T>(stage: string, key: () => string, compute: () => T): T {
    if (!this.stages.has(stage)) return compute();
    const id = `${stage}\0${key()}`;
    if (this.#previous.has(id)) {
      const { async, value } = this.#previous.get(id) as { async: boolean; value: unknown };
      this.#current.set(id, { async, value });
      return (async ? Promise.resolve(value) : value) as T;
    }
    const value = compute();
    if (value instanceof Promise)
      void value.then(
        (resolved: unknown) => this.#current.set(id, { async: true, value: resolved }),
        () => undefined,
      );
    else this.#current.set(id, { async: false, value });
    return value;
  }

  /** The package this run computed is on disk under `key` now: keep what the run used and made for the next. */
  async save(key: string): Promise<void> {
    await writeStored(this.name, key, [...this.#current]);
    const folder = this.name.includes("/") ? this.name.slice(0, this.name.lastIndexOf("/")) : undefined;
    if (folder) await pruneStored(folder, STORED_PACKAGES);
  }
}
