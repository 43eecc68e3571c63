/**
 * A small API's types are made on a worker thread when the main thread regenerates it
 * (emit/types-job.ts), from a structured clone of the document; one worker serves every provider
 * of the process. The bytes must be those made in-process (`APIGEN_DOCS_WORKER=never`): for
 * several providers in one run, names the clone could mistreat (`__proto__`,
 * `constructor`, literal `$ref` keys, the generator's own markers), and a run that regenerates one
 * edited spec (the next run after a first: its kept lint, validators and dist, no typescript on the
 * main thread). Runs the bundled CLI (bin/apigen.mjs) on a copy of the generator, as launcher.test.ts.
 */
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, run } from "../support/run.ts";

const HOSTILE = `openapi: 3.1.0
info: { title: Hostile names, version: "1" }
paths:
  /__proto__/{constructor}:
    get:
      operationId: __proto__
      summary: "The prototype */ of things"
      parameters:
        - { name: constructor, in: path, required: true, schema: { type: string } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/__proto__" }
  /things:
    post:
      operationId: hasOwnProperty
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                __proto__: { type: string }
                toString: { type: integer }
                $ref: { type: string, description: a literal $ref key }
              example: { $ref: "#/not/a/ref", __proto__: x }
      responses:
        "204": { description: none }
components:
  schemas:
    __proto__:
      type: object
      required: [constructor]
      properties:
        constructor: { type: string, enum: [a, b] }
        prototype: { $ref: "#/components/schemas/__proto__" }
        big: { type: integer, example: 9007199254740991 }
        zero: { type: number, default: -0 }
`;

let copy: string;

/** Runs the copy's CLI with `env` (on top of vitest's APIGEN_JOBS=1). */
function launch(env: NodeJS.ProcessEnv, ...args: string[]) {
  return run(process.execPath, [join(copy, "bin", "apigen.mjs"), ...args], { cwd: copy, env });
}

/** Every file under `dir`, by relative path. */
async function tree(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), "utf8")] as const)));
}

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), "apigen-types-job-"));
  for (const dir of ["bin", "generator", "templates", "specs"])
    await cp(join(ROOT, dir), join(copy, dir), { recursive: true });
  await cp(join(ROOT, "test", "fixtures", "hostile", "marker-names.yaml"), join(copy, "specs", "marker-names.yaml"));
  await writeFile(join(copy, "specs", "hostile-names.yaml"), HOSTILE);
  await symlink(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  await writeFile(join(copy, "package.json"), JSON.stringify({ type: "module", private: true }));
});

afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe("types made on the types worker", () => {
  it("are the bytes made in-process: every provider of a run, then one edited spec regenerated", async () => {
    const outs = { worker: join(copy, "out-worker"), inline: join(copy, "out-inline") };
    // Not `--jobs 1` (vitest's default for spawned runs), which keeps a run to one thread: the first run
    // makes the providers on the pool's threads, the second regenerates the one edited spec on the main
    // thread, whose types go to the types worker.
    const env = { worker: { APIGEN_JOBS: "2" }, inline: { APIGEN_JOBS: "2", APIGEN_DOCS_WORKER: "never" } };
    const generate = async () => {
      for (const mode of ["worker", "inline"] as const) {
        const result = await launch(env[mode], "generate", "--specs", "specs", "--generated", outs[mode], "--quiet");
        expect(result.code, result.stderr).toBe(0);
      }
      const [worker, inline] = [await tree(outs.worker), await tree(outs.inline)];
      expect([...worker.keys()]).toEqual([...inline.keys()]);
      for (const [name, text] of worker) expect(text, name).toBe(inline.get(name));
      return worker;
    };

    const first = await generate();
    expect(first.get("hostile-names/src/schema.d.ts")).toContain("__proto__");
    expect(first.get("marker-names/src/schema.d.ts")).toContain("x-apigen-literal-$ref");

    const spec = join(copy, "specs", "hostile-names.yaml");
    await writeFile(spec, HOSTILE.replace("The prototype */ of things", "The prototype */ of things, edited"));
    const second = await generate();
    expect(second.get("hostile-names/src/schema.d.ts")).toContain("edited");
    expect(second.get("hostile-names/CHANGELOG.md")).toContain("Unreleased");
  });
});
