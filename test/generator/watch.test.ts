import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ROOT, apigen } from "../support/run.ts";

/** A running `apigen watch` over a scratch copy of specs/, driven by scripted edits. */
let work: string;
let watcher: ChildProcess;
let output = "";

/** Resolves when the watcher's combined output has grown a line matching `pattern`. */
function waitFor(pattern: RegExp, from: number, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no output matching ${pattern} within ${timeoutMs} ms; got:\n${output.slice(from)}`)), timeoutMs);
    const check = () => {
      const match = pattern.exec(output.slice(from));
      if (match) {
        clearTimeout(timer);
        watcher.stdout!.off("data", check);
        watcher.stderr!.off("data", check);
        resolve(match[0]);
      }
    };
    watcher.stdout!.on("data", check);
    watcher.stderr!.on("data", check);
    check();
  });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "apigen-watch-"));
  await cp(join(ROOT, "specs"), join(work, "specs"), { recursive: true });
  expect((await apigen(["generate", "--quiet"], { cwd: work })).code).toBe(0);
  watcher = spawn(process.execPath, [CLI, "watch"], { cwd: work });
  watcher.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  watcher.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(/watching /, 0);
}, 120_000);

afterAll(async () => {
  watcher?.kill();
  await rm(work, { recursive: true, force: true });
});

describe("npm run watch", () => {
  const spec = () => join(work, "specs", "pingone-management.yaml");
  const client = () => join(work, "generated", "pingone-management", "src", "client.ts");

  it("regenerates the provider whose spec was saved", async () => {
    const from = output.length;
    const source = await readFile(spec(), "utf8");
    await writeFile(spec(), source.replace("summary: List a user's sessions", "summary: List every session of a user"));
    await waitFor(/pingone-management: regenerated/, from);
    expect(await readFile(client(), "utf8")).toContain("List every session of a user");
    // Only the edited provider was regenerated.
    expect(output.slice(from)).not.toMatch(/latitudesh:/);
  });

  it("keeps the last good output when a save breaks the spec, and recovers on the next good save", async () => {
    const good = await readFile(spec(), "utf8");
    const before = await readFile(client(), "utf8");

    let from = output.length;
    await writeFile(spec(), good.replace("paths:", "paths: [unclosed"));
    const error = await waitFor(/pingone-management\.yaml:\d+:\d+: .*\n.*kept the last good output/, from);
    expect(error).toMatch(/YAML syntax error/);
    expect(await readFile(client(), "utf8")).toBe(before);

    from = output.length;
    await writeFile(spec(), good.replace("summary: List every session of a user", "summary: Sessions of one user"));
    await waitFor(/pingone-management: regenerated/, from);
    expect(await readFile(client(), "utf8")).toContain("Sessions of one user");
  });

  it("bumps the package version and prepends a changelog entry when an edit breaks callers", async () => {
    const from = output.length;
    const source = await readFile(spec(), "utf8");
    // Removing the DELETE operation is a breaking change: 0.1.0 -> 0.2.0 under 0.x rules.
    await writeFile(spec(), source.replace(/\n {4}delete:\n(?: {6}.*\n| {8}.*\n)+/, "\n"));
    await waitFor(/pingone-management: regenerated/, from);
    const pkg = JSON.parse(await readFile(join(work, "generated", "pingone-management", "package.json"), "utf8")) as { version: string };
    expect(pkg.version).toBe("0.2.0");
    const changelog = await readFile(join(work, "generated", "pingone-management", "CHANGELOG.md"), "utf8");
    expect(changelog.indexOf("## 0.2.0")).toBeLessThan(changelog.indexOf("## 0.1.0"));
    expect(changelog).toMatch(/### Breaking changes\n\n- .*DELETE \/environments\/\{environmentID\}\/users\/\{userID\}\/sessions\/\{sessionID\}.*removed/);
  });
});
