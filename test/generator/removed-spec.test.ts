/**
 * A pull request that deletes a provider's spec removes a whole API: `check` must not pass it, and
 * `diff` (from the last release, or from a git ref) must list every operation as removed.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, apigen } from "../support/run.ts";

const git = promisify(execFile);
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "apigen-removed-"));
  for (const provider of ["latitudesh", "pingone-management"])
    await cp(join(ROOT, "specs", `${provider}.yaml`), join(work, "specs", `${provider}.yaml`));
  expect((await apigen(["generate"], { cwd: work })).code).toBe(0);
  for (const args of [
    ["init", "-q"],
    ["add", "specs"],
    ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "specs"],
  ])
    await git("git", args, { cwd: work });
  await rm(join(work, "specs", "latitudesh.yaml"));
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe("a provider's spec deleted", () => {
  it("check fails and says which package has no spec", async () => {
    const result = await apigen(["check"], { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `latitudesh: ${join(work, "generated", "latitudesh")} has no spec in ${join(work, "specs")} any more: restore the spec, or delete the folder`,
    );
    expect(result.stdout).toMatch(/^pingone-management\s+matches its spec/m);
  });

  it("check of another provider by name does not mention it", async () => {
    const result = await apigen(["check", "pingone-management"], { cwd: work });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("latitudesh");
  });

  it.each([
    [[], "since the last release (0.1.0)"],
    [["--base", "HEAD"], "since HEAD"],
  ])("diff %j reports every operation removed, breaking", async (args, since) => {
    const result = await apigen(["diff", ...args, "--format", "json"], { cwd: work });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      providers: { provider: string; changes: { level: string; kind: string }[] }[];
    };
    const removed = report.providers.find((p) => p.provider === "latitudesh");
    expect(removed?.changes.filter((c) => c.kind === "operation-removed")).toHaveLength(4);
    const text = await apigen(["diff", ...args], { cwd: work });
    expect(text.stdout).toMatch(new RegExp(`^latitudesh: \\d+ breaking, .* ${since.replace(/[()]/g, "\\$&")}$`, "m"));
  });
});
