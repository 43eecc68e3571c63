/**
 * The watcher keeps what each package's last regeneration computed (types,
 * compiled validators, dist) and redoes only what a save touched. Whatever it
 * reuses, generated/ must stay byte for byte what a cold `generate --force`
 * writes: each save below is followed by that comparison, over a sequence
 * that reuses and invalidates different stages (a description only: the
 * validators are kept, the types redone; a type change: both redone; an
 * undo: back to content an earlier run saw; a broken save after a prose-only
 * one, whose lint results were reused). It also remembers what it wrote:
 * a generated file edited by hand meanwhile must still be put back. Waits
 * are on the watcher's output lines, never on fixed sleeps.
 */
import { cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../support/run.ts";
import { hashTree } from "../support/tree.ts";
import {
  PATIENCE_MS,
  Watcher,
  caughtUpWith,
  expectSameAsGenerate,
  makeProject,
  removeProject,
} from "../support/watcher.ts";

const SHOP = `openapi: 3.0.3
info:
  title: Shop
  version: 1.0.0
servers:
  - url: https://shop.example.com
paths:
  /orders/{id}:
    get:
      operationId: getOrder
      summary: One order
      description: An order by its id.
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: integer
            minimum: 1
      responses:
        "200":
          description: The order
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Order"
components:
  schemas:
    Order:
      type: object
      description: A placed order.
      required: [id, total]
      properties:
        id:
          type: integer
        total:
          type: number
          description: What the customer pays, in cents.
        status:
          type: string
          enum: [open, paid]
`;

/** Each save: what it changes, and the spec text after it. */
const SAVES: [string, string][] = [
  ["a schema description only", SHOP.replace("What the customer pays, in cents.", "The amount due, in cents.")],
  ["an operation description only", SHOP.replace("An order by its id.", "Looks one order up.")],
  ["a type (a new enum value)", SHOP.replace("enum: [open, paid]", "enum: [open, paid, shipped]")],
  ["a type and a description at once", SHOP.replace("type: number\n", "type: integer\n").replace("A placed", "An")],
  ["a validation keyword only (minimum)", SHOP.replace("minimum: 1", "minimum: 0")],
  // The sample values (docs examples, the test kit's default answer, the README) follow the model.
  [
    "a model's example",
    SHOP.replace("          enum: [open, paid]\n", "          enum: [open, paid]\n          example: paid\n"),
  ],
  ["undone: back to the spec the watcher started from", SHOP],
];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A project with no specs/ but api/shop.yaml, for `watch --spec`. */
async function specOutsideSpecs(): Promise<{ project: string; spec: string }> {
  const project = await makeProject({});
  cleanups.push(() => removeProject(project));
  await mkdir(join(project, "api"));
  const spec = join(project, "api", "shop.yaml");
  await writeFile(spec, SHOP);
  return { project, spec };
}

async function start(project: string, args: string[] = []): Promise<Watcher> {
  const watcher = new Watcher(project, [process.execPath, join(project, "bin", "apigen.mjs"), "watch", ...args]);
  cleanups.push(() => watcher.stop());
  await watcher.started();
  return watcher;
}

describe("a running watcher reuses its last run's work, and writes what generate writes", () => {
  it(
    "specs/: after each save generated/ equals a cold generate --force, byte for byte",
    async () => {
      const project = await makeProject({ "shop.yaml": SHOP });
      cleanups.push(() => removeProject(project));
      const watcher = await start(project);
      const spec = join(project, "specs", "shop.yaml");
      for (const [what, text] of SAVES) {
        const from = watcher.mark();
        await writeFile(spec, text);
        await caughtUpWith(watcher, project, "shop", from);
        expect(watcher.output.slice(from), what).not.toMatch(/kept the last good output/);
        await expectSameAsGenerate(project);
      }
      // Lint results were reused for the prose-only saves: a broken save after one must still be caught.
      let from = watcher.mark();
      await writeFile(spec, SAVES[0]![1].replace("type: integer", "type: integr"));
      await watcher.waitFor(/shop\.yaml:\d+:\d+: [^]*?^shop: kept the last good output$/m, from);
      from = watcher.mark();
      await writeFile(spec, SAVES[0]![1]);
      await caughtUpWith(watcher, project, "shop", from);
      await expectSameAsGenerate(project);
    },
    // One wait per save, each up to PATIENCE_MS on a loaded machine: the test's own bound is theirs together.
    PATIENCE_MS * (SAVES.length + 2),
  );

  it(
    "a generated file edited by hand while watching is put back by the next save, as generate would",
    async () => {
      const project = await makeProject({ "shop.yaml": SHOP });
      cleanups.push(() => removeProject(project));
      const watcher = await start(project);
      const spec = join(project, "specs", "shop.yaml");
      const page = join(project, "generated", "shop", "docs", "README.md");
      const client = join(project, "generated", "shop", "src", "client.ts");
      // The watcher remembers what it wrote; these edits change the files in place, one keeping its size.
      const original = await readFile(page, "utf8");
      await writeFile(page, `${original}\nA note of the author's.\n`);
      const code = await readFile(client, "utf8");
      await writeFile(client, code.replace("export", "EXPORT"));
      for (const [what, text] of [SAVES[0]!, SAVES[2]!]) {
        const from = watcher.mark();
        await writeFile(spec, text);
        await caughtUpWith(watcher, project, "shop", from);
        expect(await readFile(page, "utf8"), what).not.toContain("A note of the author's.");
        expect(await readFile(client, "utf8"), what).not.toContain("EXPORT");
        await expectSameAsGenerate(project);
      }
    },
    PATIENCE_MS * 3,
  );

  it(
    "watch --spec <file> --out <dir>: the same for one spec outside specs/",
    async () => {
      const { project, spec } = await specOutsideSpecs();
      const out = join(project, "out", "shop");
      const watcher = await start(project, ["--spec", spec, "--out", out]);
      expect(watcher.output).toMatch(/^watching api\/shop\.yaml, /m);
      // A description, a type, and back: fewer saves than above, each with a cold run of its own.
      for (const [what, text] of [SAVES[0]!, SAVES[2]!, SAVES.at(-1)!]) {
        const from = watcher.mark();
        await writeFile(spec, text);
        await watcher.waitFor(/^shop: regenerated[^]*?^ready$/m, from);
        // A cold run over a copy of the package the watcher wrote: --force regenerates it from the spec alone.
        const expected = join(project, "out", "expected");
        await rm(expected, { recursive: true, force: true });
        await cp(out, expected, { recursive: true });
        const cold = await run(
          process.execPath,
          [
            join(project, "bin", "apigen.mjs"),
            "generate",
            "--force",
            "--spec",
            spec,
            "--out",
            expected,
            "--name",
            "shop",
          ],
          { cwd: project },
        );
        expect(cold.code, cold.stderr).toBe(0);
        expect(await hashTree(out), what).toEqual(await hashTree(expected));
        expect(await readFile(join(out, "src", "schema.d.ts"), "utf8"), what).toContain(
          text.includes("The amount due") ? "The amount due" : "What the customer pays",
        );
      }
    },
    PATIENCE_MS * 3,
  );

  it(
    "watch --spec <file> --out <dir> in the spec's own folder: the watcher's writes start no pass of their own",
    async () => {
      const { project, spec } = await specOutsideSpecs();
      const watcher = await start(project, ["--spec", spec, "--out", join(project, "api", "sdk")]);
      const from = watcher.mark();
      // Saved whole (temp file renamed over it), so this save alone cannot take two passes.
      await writeFile(`${spec}.tmp`, SAVES[0]![1]);
      await rename(`${spec}.tmp`, spec);
      await watcher.waitFor(/^sdk: regenerated[^]*?^ready$/m, from);
      // The package is written into the watched folder. Before the fix each write was taken for a
      // save and a pass of every spec followed, printing a second `ready`: give one the time to come.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(watcher.output.match(/^ready$/gm), watcher.output).toHaveLength(2);
      expect(watcher.output).not.toMatch(/^sdk: up to date/m);
    },
    PATIENCE_MS,
  );

  it(
    "--generated . (a folder that holds specs/): a save still regenerates",
    async () => {
      const project = await makeProject({ "shop.yaml": SHOP });
      cleanups.push(() => removeProject(project));
      const watcher = await start(project, ["--generated", "."]);
      const from = watcher.mark();
      await writeFile(join(project, "specs", "shop.yaml"), SAVES[0]![1]);
      await watcher.waitFor(/^shop: regenerated[^]*?^ready$/m, from);
      expect(await readFile(join(project, "shop", "src", "schema.d.ts"), "utf8")).toContain("The amount due");
    },
    PATIENCE_MS,
  );
});
