/**
 * Typos stop the build: a spec author's misspelt keyword or value is an error
 * in generate, --dry-run, check and watch, located (file:line:col and the JSON
 * pointer) with the fix, and nothing is written. Real spec files in a scratch
 * folder, the real command line.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLI, apigen } from "../support/run.ts";
import { hashTree } from "../support/tree.ts";
import { PATIENCE_MS, Watcher } from "../support/watcher.ts";

const PETS = `openapi: 3.1.0
info:
  title: Pets
  version: 1.0.0
paths:
  /pets/{petId}:
    get:
      operationId: getPet
      parameters:
        - name: petId
          in: path
          required: true
          schema:
            type: string
      responses:
        "200":
          description: The pet
          content:
            application/json:
              schema:
                type: object
                required: [id]
                properties:
                  id:
                    type: string
`;

/** Each typo an author makes, the line:col it is on in PETS, what must be said, and the pointer. */
const TYPOS = [
  {
    name: "a misspelt keyword (requierd)",
    edit: (s: string) => s.replace("          required: true", "          requierd: true"),
    at: "12:11",
    says: "unknown keyword `requierd` here; did you mean `required`?",
    pointer: "#/paths/~1pets~1{petId}/get/parameters/0/requierd",
  },
  {
    name: "a misspelt keyword in a schema (tpye)",
    edit: (s: string) => s.replace("            type: string", "            tpye: string"),
    at: "14:13",
    says: "unknown keyword `tpye` here; did you mean `type`?",
    pointer: "#/paths/~1pets~1{petId}/get/parameters/0/schema/tpye",
  },
  {
    name: "a value outside the allowed set (type: sting)",
    edit: (s: string) => s.replace("                    type: string", "                    type: sting"),
    at: "25:21",
    says: '`type` cannot be "sting"; did you mean "string"?',
    pointer: "#/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema/properties/id/type",
  },
  {
    name: "a parameter location outside the allowed set (in: paht)",
    edit: (s: string) => s.replace("in: path", "in: paht"),
    at: "11:11",
    says: '`in` cannot be "paht"; did you mean "path"?',
    pointer: "#/paths/~1pets~1{petId}/get/parameters/0/in",
  },
];

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A project folder with specs/pets.yaml generated, then the spec replaced by `text`. */
async function projectWith(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "apigen-typos-"));
  dirs.push(dir);
  await mkdir(join(dir, "specs"));
  await writeFile(join(dir, "specs", "pets.yaml"), PETS);
  const first = await apigen(["generate", "--quiet"], { cwd: dir });
  expect(first.code, first.stderr).toBe(0);
  await writeFile(join(dir, "specs", "pets.yaml"), text);
  return dir;
}

describe.each(TYPOS)("$name", (typo) => {
  const line = `specs/pets.yaml:${typo.at}: ${typo.says} (at ${typo.pointer})`;

  it(
    "fails generate, --dry-run and check with the located error and the fix; nothing is written",
    async () => {
      const dir = await projectWith(typo.edit(PETS));
      const before = await hashTree(join(dir, "generated"));
      for (const args of [["generate"], ["generate", "--dry-run"], ["check"]]) {
        const result = await apigen(args, { cwd: dir });
        expect(result.code, args.join(" ")).toBe(1);
        expect(result.stderr.split("\n"), args.join(" ")).toContain(line);
        expect(result.stderr).not.toMatch(/out of date|internal error|\n\s+at /);
      }
      expect(await hashTree(join(dir, "generated"))).toEqual(before);
    },
    PATIENCE_MS,
  );
});

describe("watch", () => {
  it(
    "prints a typo's located error and keeps the last good package until the typo is fixed",
    async () => {
      const dir = await projectWith(PETS);
      const watcher = new Watcher(dir, [process.execPath, CLI, "watch"]);
      try {
        await watcher.started();
        const client = await readFile(join(dir, "generated", "pets", "src", "client.ts"), "utf8");
        const from = watcher.mark();
        await writeFile(join(dir, "specs", "pets.yaml"), TYPOS[0]!.edit(PETS));
        await watcher.waitFor(
          /^specs\/pets\.yaml:12:11: unknown keyword `requierd` here; did you mean `required`\?.*\npets: kept the last good output$/m,
          from,
        );
        expect(await readFile(join(dir, "generated", "pets", "src", "client.ts"), "utf8")).toBe(client);
      } finally {
        await watcher.stop();
      }
    },
    PATIENCE_MS,
  );
});

describe("what real-world specs do on purpose stays accepted", () => {
  it(
    "a 3.0 keyword in a 3.1 spec (nullable) and a misplaced non-keyword are not typos",
    async () => {
      const text = PETS.replace(
        "                  id:\n                    type: string\n",
        "                  id:\n                    type: string\n                    nullable: true\n                  name:\n                    type: string\n                    auto_bump_days: 3\n",
      );
      const dir = await projectWith(text);
      const result = await apigen(["generate"], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe("");
    },
    PATIENCE_MS,
  );
});
