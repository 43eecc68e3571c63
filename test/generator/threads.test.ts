import { describe, expect, it, vi } from "vitest";
import { worthAThread } from "../../generator/emit/docs-job.ts";
import { keepToOneThread } from "../../generator/shared/threads.ts";

/** `--jobs 1` is the sequential baseline: a big API's docs and validators stay on the run's one thread. */
describe("threads of a run", () => {
  it("a big API gets a worker for its docs and validators until the run keeps to one thread", () => {
    vi.stubEnv("APIGEN_DOCS_WORKER", "");
    const big = 1_223 + 969; // GitHub's operations and models
    expect([worthAThread(big), worthAThread(10)]).toEqual([true, false]);
    keepToOneThread();
    expect(worthAThread(big)).toBe(false);
    vi.unstubAllEnvs();
  });
});
