/**
 * shared/optimizer.ts: the V8 optimizer limit a small-API run sets, and where it records it for the code
 * cache's keys (bin/code-cache.mjs reads the same global). A --max-opt given to node by the user wins.
 */
import { afterEach, describe, expect, it } from "vitest";
import { limitOptimizer, unlimitOptimizer } from "../../generator/shared/optimizer.ts";

const recorded = () => (globalThis as Record<symbol, unknown>)[Symbol.for("apigen.runtimeV8Flags")];
const nodeOptions = process.env.NODE_OPTIONS;

afterEach(() => {
  unlimitOptimizer();
  if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = nodeOptions;
});

describe("optimizer limit", () => {
  it("is set and recorded for the code cache, then undone", () => {
    expect(limitOptimizer()).toBe("--max-opt=2");
    expect(recorded()).toBe("--max-opt=2");
    expect(limitOptimizer()).toBe("--max-opt=2");
    unlimitOptimizer();
    expect(recorded()).toBe("");
  });

  it("leaves a --max-opt given by the user alone", () => {
    process.env.NODE_OPTIONS = `${nodeOptions ?? ""} --max-opt=3`;
    expect(limitOptimizer()).toBe("");
    expect(recorded() ?? "").toBe("");
  });
});
