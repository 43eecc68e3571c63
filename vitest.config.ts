import { defineConfig } from "vitest/config";
import { SlowFirstSequencer } from "./test/support/sequencer.ts";

/**
 * Two layers. `unit`: tests that run in-process (functions, the runtime and the
 * generated clients over node:http on 127.0.0.1): seconds, `npm run test:unit`.
 * `integration`: tests that start the generator or tsc as a process, a browser,
 * or regenerate whole packages, plus the type tests. `npm test` runs both.
 * A new test file that is not listed under unit lands in integration.
 */
const UNIT = [
  "test/architecture.test.ts",
  "test/changes/changelog.test.ts",
  "test/changes/diff.test.ts",
  "test/changes/semver.test.ts",
  "test/changes/same.test.ts",
  "test/changes/usage.test.ts",
  "test/clients/*.test.ts",
  "test/generator/layout.test.ts",
  "test/generator/data-literal.test.ts",
  "test/generator/memo-key.test.ts",
  "test/generator/yaml-reparse.test.ts",
  "test/docs/docs-memo.test.ts",
  "test/generator/libraries.test.ts",
  "test/generator/optimizer.test.ts",
  "test/docs/links.test.ts",
  "test/docs/markdown.test.ts",
  "test/docs/runtime-facts.test.ts",
  "test/ir/**/*.test.ts",
  "test/runtime/*.test.ts",
  "test/specs/operations.test.ts",
];

export default defineConfig({
  test: {
    // Tests spawn the generator and tsc; the machine has two cores.
    maxWorkers: 2,
    // Two test files already run side by side on those cores: a spawned generate or check that started a
    // worker thread per core would only add threads loading the same libraries (about a third of its CPU).
    // test/generator/jobs.test.ts passes --jobs itself, so the worker pool is still tested.
    env: { APIGEN_JOBS: "1" },
    // The few files that take minutes start first (test/support/sequencer.ts), so they do not tail the run.
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: UNIT, testTimeout: 20_000 },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          exclude: UNIT,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          typecheck: {
            enabled: true,
            include: ["test/**/*.test-d.ts"],
            // Only the type tests and what they import: test/generator/typecheck.test.ts already runs tsc over
            // the whole project (tsconfig.json), and this pass runs alone at the end of a run.
            tsconfig: "./tsconfig.typetests.json",
          },
        },
      },
    ],
  },
});
