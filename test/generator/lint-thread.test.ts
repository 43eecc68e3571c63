/**
 * A big spec is linted (redocly) on a worker thread while the package is made from the document
 * every other check has passed (validate/lint-job.ts, validateSpeculatively); nothing is written
 * before the lint has answered. What a user sees must not depend on it: the same exit code, the same
 * errors and warnings, the same files, whether the lint ran on a thread (`APIGEN_DOCS_WORKER=always`
 * sends every spec there) or in-process (`never`). Runs the bundled CLI, as `npm run generate` does.
 */
import { MessageChannel } from "node:worker_threads";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintWorker } from "../../generator/validate/lint-job.ts";
import { ROOT, apigen } from "../support/run.ts";

const SPEC_HEAD = `openapi: 3.1.0
info: { title: Lint thread, version: "1" }
`;

const GET_THING = `paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Thing" }
`;

const cases: { name: string; spec: string; want: { code: number; stderr?: RegExp } }[] = [
  {
    name: "a sound spec",
    spec: `${SPEC_HEAD}${GET_THING}components:\n  schemas:\n    Thing: { type: object, properties: { id: { type: string } } }\n`,
    want: { code: 0 },
  },
  {
    name: "a duplicate operationId (lint's error, found after the package was made)",
    spec: `${SPEC_HEAD}${GET_THING}  /others:\n    get:\n      operationId: getThing\n      responses: { "204": { description: none } }\ncomponents:\n  schemas:\n    Thing: { type: object }\n`,
    want: { code: 1, stderr: /duplicate operationId "getThing"/ },
  },
  {
    name: "a keyword of the wrong kind that lint drops (the package is made again without it)",
    spec: `${SPEC_HEAD}${GET_THING}components:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        id: { type: string, description: 42, pattern: 7 }\n`,
    want: { code: 0 },
  },
  {
    name: "a warning (no operationId)",
    spec: `${SPEC_HEAD}paths:\n  /health:\n    get:\n      responses: { "204": { description: none } }\n`,
    want: { code: 0, stderr: /warning: .*operationId/ },
  },
  {
    name: "a structure lint rejects, which the generator's own stages would choke on",
    spec: `${SPEC_HEAD}paths:\n  /health:\n    get:\n      operationId: health\n      parameters: 42\n      responses: { "204": { description: none } }\n`,
    want: { code: 1, stderr: /parameters/ },
  },
];

const HOSTILE = ["allof-cycle.yaml", "marker-names.yaml", "no-responses.yaml", "operation-id-collision.yaml"];

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "apigen-lint-thread-"));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** Every file under `dir` by relative path (none when it was never written). */
async function tree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), "utf8")] as const)));
}

/** `generate --spec --out` with the lint on a thread and in-process; each package in a folder named alike. */
async function bothWays(spec: string, name: string) {
  const results = [];
  for (const mode of ["always", "never"] as const) {
    const out = join(work, `${name}-${mode}`, "pkg");
    // APIGEN_JOBS=2: under `--jobs 1` (vitest's default for spawned runs) a run keeps to one thread.
    const result = await apigen(["generate", "--spec", spec, "--out", out], {
      env: { APIGEN_JOBS: "2", APIGEN_DOCS_WORKER: mode },
    });
    results.push({ ...result, files: await tree(out) });
  }
  return { thread: results[0]!, here: results[1]! };
}

describe("lint on a thread", () => {
  it.each(cases)("$name: the same result either way", async ({ name, spec, want }) => {
    const file = join(work, `${name.replace(/\W+/g, "-")}.yaml`);
    await writeFile(file, spec);
    const { thread, here } = await bothWays(file, name.replace(/\W+/g, "-"));
    expect(here.code, here.stderr).toBe(want.code);
    if (want.stderr) expect(here.stderr).toMatch(want.stderr);
    expect(thread.code).toBe(here.code);
    expect(thread.stderr).toBe(here.stderr);
    expect([...thread.files.keys()]).toEqual([...here.files.keys()]);
    for (const [path, text] of thread.files) expect(text, path).toBe(here.files.get(path));
    // A failed run writes nothing.
    if (want.code !== 0) expect(thread.files.size).toBe(0);
  });

  it.each(HOSTILE)("hostile fixture %s: the same result either way", async (fixture) => {
    const { thread, here } = await bothWays(join(ROOT, "test", "fixtures", "hostile", fixture), fixture);
    expect(thread.code).toBe(here.code);
    expect(thread.stderr).toBe(here.stderr);
    expect([...thread.files.keys()]).toEqual([...here.files.keys()]);
    for (const [path, text] of thread.files) expect(text, path).toBe(here.files.get(path));
  });

  it("runs on a thread when sent there (APIGEN_DEBUG says so), not when told never, nor when a mapping names a file", async () => {
    const sound = join(work, "traced.yaml");
    await writeFile(sound, cases[0]!.spec);
    const mapped = join(work, "mapped.yaml");
    await writeFile(
      mapped,
      `${SPEC_HEAD}${GET_THING}components:\n  schemas:\n    Thing:\n      type: object\n      properties: { kind: { type: string } }\n      discriminator: { propertyName: kind, mapping: { other: "./other.yaml#/Other" } }\n`,
    );
    const traced = async (spec: string, mode: string) =>
      (
        await apigen(
          [
            "generate",
            "--spec",
            spec,
            "--out",
            join(work, `traced-${mode}-${spec === mapped ? "mapped" : "sound"}`, "pkg"),
          ],
          {
            env: { APIGEN_JOBS: "2", APIGEN_DOCS_WORKER: mode, APIGEN_DEBUG: "1" },
          },
        )
      ).stderr.includes("on a worker thread");
    expect(await traced(sound, "always")).toBe(true);
    expect(await traced(sound, "never")).toBe(false);
    // The thread lints under the default ref policy only: a document reaching outside itself stays here.
    expect(await traced(mapped, "always")).toBe(false);
  });

  it("the worker's side answers with lint's findings as plain data, or with the error that stopped it", async () => {
    const ask = async (text: string) => {
      const { port1, port2 } = new MessageChannel();
      const answer = new Promise((resolve) => port2.once("message", resolve));
      await lintWorker({ job: "lint", file: join(work, "asked.yaml"), text }, port1);
      const value = await answer;
      port1.close();
      port2.close();
      return value;
    };
    const duplicate = cases[1]!.spec;
    expect(await ask(duplicate)).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: "operation-operationId-unique", severity: "error" })]),
    );
    expect(await ask("openapi: [")).toEqual({ error: expect.stringContaining("YAML syntax error") });
  });
});
