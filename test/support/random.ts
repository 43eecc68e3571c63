/**
 * A small deterministic generator for tests that make random edits: the same seed gives the same
 * sequence on every run and machine, so a failing case can be replayed.
 */
export function seededRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}
