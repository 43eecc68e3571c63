/**
 * The test kit works under the runners users have: the files in runners/ are
 * plain-JavaScript test files for node:test and jest, run here as their users
 * run them (`node --test`, `npx jest`), each in its own process.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, run } from "../support/run.ts";

const RUNNERS = join(ROOT, "test", "testing", "runners");

/** Exit code and all output of a command run from the repository root. */
async function outcome(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = await run(command, args, { env, timeoutMs: 90_000 });
  return { code: result.code, output: result.stdout + result.stderr };
}

describe("the test kit under other runners", () => {
  it("node --test runs app.node-test.mjs: both tests pass", async () => {
    const result = await outcome(process.execPath, ["--test", join(RUNNERS, "app.node-test.mjs")]);
    expect(result.output).toMatch(/^# pass 2$/m);
    expect(result.output).toMatch(/^# fail 0$/m);
    expect(result.code).toBe(0);
  });

  it("npx jest runs app.jest-test.mjs (ESM, no transform): both tests pass", async () => {
    const jest = join(ROOT, "node_modules", "jest", "bin", "jest.js");
    const args = [jest, "--rootDir", RUNNERS, "--testMatch", "**/*.jest-test.mjs", "--transform", "{}", "--ci"];
    const result = await outcome(process.execPath, args, { NODE_OPTIONS: "--experimental-vm-modules" });
    expect(result.output).toMatch(/Tests:\s+2 passed, 2 total/);
    expect(result.code).toBe(0);
  });
});
