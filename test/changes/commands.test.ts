/**
 * `npm run diff` and `npm run release` as a spec author's CI runs them: real processes on a git
 * repository this test makes (git init, a committed spec, an uncommitted edit).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apigen, run } from "../support/run.ts";

const SPEC = `openapi: 3.1.0
info:
  title: Demo API
  version: 1.0.0
tags:
  - name: VPN Sessions
paths:
  /vpn-sessions:
    get:
      operationId: getVpnSessions
      tags: [VPN Sessions]
      responses:
        '200':
          description: The sessions.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/session'
  /vpn-sessions/{id}:
    delete:
      operationId: deleteVpnSession
      tags: [VPN Sessions]
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '204':
          description: Deleted.
components:
  schemas:
    session:
      type: object
      required: [id, token]
      properties:
        id: { type: string }
        token: { type: string }
`;

let repo: string;
const repos: string[] = [];
const gitIn = (dir: string, ...args: string[]) =>
  run(
    "git",
    ["-c", "user.name=Spec Author", "-c", "user.email=author@example.com", "-c", "commit.gpgsign=false", ...args],
    { cwd: dir },
  );
const cliIn = (dir: string, ...args: string[]) => apigen(args, { cwd: dir });
const cli = (...args: string[]) => cliIn(repo, ...args);
const versionIn = async (dir: string) =>
  (JSON.parse(await readFile(join(dir, "generated", "demo", "package.json"), "utf8")) as { version: string }).version;

/** A git repository holding the released demo API, and the pull request's edit of it in the work tree. */
async function specRepo(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "apigen-diff-"));
  repos.push(dir);
  await mkdir(join(dir, "specs"));
  await writeFile(join(dir, "specs", "demo.yaml"), SPEC);
  expect((await gitIn(dir, "init", "-q")).code).toBe(0);
  expect((await cliIn(dir, "generate")).code).toBe(0);
  await gitIn(dir, "add", "-A");
  expect((await gitIn(dir, "commit", "-q", "-m", "demo API")).code).toBe(0);
  // The pull request: a response field removed (breaking) and an endpoint removed (breaking), the rest intact.
  await writeFile(
    join(dir, "specs", "demo.yaml"),
    SPEC.replace("required: [id, token]", "required: [id]").replace("        token: { type: string }\n", ""),
  );
  return dir;
}

// The diff tests only read the repository; the release flow gets one of its own (it moves the baseline).
beforeAll(async () => {
  repo = await specRepo();
}, 120_000);

afterAll(async () => {
  await Promise.all(repos.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("npm run diff", () => {
  it("--base HEAD --format markdown prints a pull-request comment and exits 1 on a breaking change", async () => {
    const { code, stdout, stderr } = await cli("diff", "--base", "HEAD", "--format", "markdown");
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^## API changes: `demo`\n\n1 breaking, 0 minor, 0 patch since HEAD\.\n\n### Breaking changes \(1\)\n\n- /,
    );
    expect(stdout).toContain(
      "Field token of schema session (used by api.vpnSessions.getVpnSessions (GET /vpn-sessions)) was removed from responses",
    );
    expect(stdout).toContain("TypeScript callers: code that reads it is a compile error.");
  });

  it("--fail-on never exits 0; --format json carries the level, the verdict and what callers see", async () => {
    const { code, stdout } = await cli("diff", "demo", "--base", "HEAD", "--format", "json", "--fail-on", "never");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      failed: boolean;
      providers: { provider: string; highest: string; changes: { kind: string; caller?: string }[] }[];
    };
    expect(report.failed).toBe(false);
    expect(report.providers[0]).toMatchObject({
      provider: "demo",
      highest: "breaking",
      changes: [{ kind: "response-property-removed", caller: "code that reads it is a compile error" }],
    });
  });

  it("by default compares with the last release and names the version a release would make", async () => {
    const { code, stdout } = await cli("diff");
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^demo: 1 breaking, 0 minor, 0 patch since the last release \(0\.1\.0\); releasing gives 0\.2\.0\n {2}BREAKING {2}/,
    );
  });

  it("--old/--new compares two files; a removed operation names its client method", async () => {
    await writeFile(join(repo, "old.yaml"), SPEC);
    await writeFile(join(repo, "new.yaml"), SPEC.replace(/ {2}\/vpn-sessions\/\{id\}:[\s\S]*?(?=components:)/, ""));
    const { code, stdout } = await cli("diff", "--old", "old.yaml", "--new", "new.yaml", "--fail-on", "minor");
    expect(code).toBe(1);
    expect(stdout).toContain(
      "api.vpnSessions.deleteVpnSession (DELETE /vpn-sessions/{id}): DELETE /vpn-sessions/{id} was removed",
    );
  });

  it.each([
    [["--format", "xml"], /--format must be one of text, markdown, json/],
    [["--fail-on", "sometimes"], /--fail-on must be one of breaking, minor, never/],
    [["--old", "old.yaml"], /--old and --new go together/],
    [["--base", "no-such-ref"], /cannot read specs at git ref "no-such-ref"/],
    [["nope"], /no spec for "nope"/],
  ])("bad usage %j exits 2 with a reason", async (args, reason) => {
    const { code, stderr } = await cli("diff", ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(reason);
  });
});

describe("npm run release", () => {
  // One flow, in the order a spec author takes it: regenerate, look (--dry-run), release, release again.
  it("regeneration keeps the version; --dry-run says what it would release and writes nothing; release cuts it once; the diff from the new release is empty", async () => {
    const own = await specRepo();
    expect((await cliIn(own, "generate")).code).toBe(0);
    expect(await versionIn(own)).toBe("0.1.0");
    const { code, stdout, stderr } = await cliIn(own, "release", "--dry-run");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^demo: would release 0\.2\.0\n {2}0\.1\.0 -> 0\.2\.0: 1 breaking, 0 minor, 0 patch\n/);
    expect(stderr).toMatch(
      /demo: warning: breaking changes since 0\.1\.0, but the spec's info\.version is still "1\.0\.0"/,
    );
    expect(await versionIn(own)).toBe("0.1.0");

    expect((await cliIn(own, "release")).code).toBe(0);
    expect(await versionIn(own)).toBe("0.2.0");
    expect(await readFile(join(own, "generated", "demo", "CHANGELOG.md"), "utf8")).toMatch(
      /## 0\.2\.0\n\nGenerated from version 1\.0\.0 of the API\.\n\n### Breaking changes\n/,
    );
    const again = await cliIn(own, "release");
    expect(again).toMatchObject({ code: 0, stdout: "demo: nothing to release (version stays 0.2.0)\n" });
    expect((await cliIn(own, "diff")).code).toBe(0);
  }, 180_000);
});
