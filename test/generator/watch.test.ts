/**
 * `npm run watch` as a spec author meets it: a real watcher process over a
 * scratch copy of the project, real saves of each kind editors make, and after
 * each, generated/ compared byte for byte with what `generate` writes. Every
 * test has its own copy and its own watcher. Waits are on the watcher's output
 * lines (PATIENCE_MS in all), never on fixed sleeps.
 */
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apigen } from "../support/run.ts";
import {
  PATIENCE_MS,
  Watcher,
  caughtUpWith,
  copyProject,
  expectSameAsGenerate,
  listGenerated,
  makeProject,
  processesInGroup,
  removeProject,
} from "../support/watcher.ts";

const PETS = `openapi: 3.1.0
info:
  title: Pets
  version: 1.0.0
servers:
  - url: https://pets.example.com
paths:
  /pets:
    get:
      operationId: listPets
      summary: List pets
      responses:
        "200":
          description: The pets
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: "#/components/schemas/Pet"
components:
  schemas:
    Pet:
      type: object
      required: [id]
      properties:
        id:
          type: string
        name:
          type: string
`;

/** A project with specs/pets.yaml and generated/pets/, made once; each test works on its own copy. */
let baseline: string;
beforeAll(async () => {
  baseline = await makeProject({ "pets.yaml": PETS });
  const result = await apigen(["generate", "--quiet"], { cwd: baseline });
  expect(result.code, result.stderr).toBe(0);
}, PATIENCE_MS);
afterAll(() => removeProject(baseline));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh copy of the baseline with a watcher on it that has finished its first pass. */
async function watching(
  command?: (project: string) => string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ project: string; watcher: Watcher; spec: string; client: string }> {
  const project = await copyProject(baseline);
  cleanups.push(() => removeProject(project));
  const watcher = new Watcher(project, command?.(project), env);
  cleanups.push(() => watcher.stop());
  await watcher.started();
  return {
    project,
    watcher,
    spec: join(project, "specs", "pets.yaml"),
    client: join(project, "generated", "pets", "src", "client.ts"),
  };
}

/**
 * Writes `text` into `file` as an editor that truncates, writes the first `cut` characters, stalls,
 * then writes the rest: the watcher (run with APIGEN_DEBUG) regenerates from the half it sees,
 * fails, and holds that error back (MID_SAVE_MS). The rest is written once it says so.
 */
async function saveInTwoSteps(
  watcher: Watcher,
  file: string,
  text: string,
  cut: number,
  what: "pets" | "templates",
): Promise<number> {
  const from = watcher.mark();
  const handle = await open(file, "w");
  try {
    await handle.write(text.slice(0, cut));
    const heldBack = await watcher.waitFor(
      new RegExp(`^apigen: ${what}: held back \\(the save may be half-written\\): .*\\n`, "m"),
      from,
    );
    await handle.write(text.slice(cut));
    return heldBack.end;
  } finally {
    await handle.close();
  }
}

/**
 * Saves a syntax error into a module under generator/ and waits until the supervisor says the rebuilt
 * watcher did not start. Returns the module and its text before the edit.
 */
async function breakGenerator(project: string, watcher: Watcher): Promise<{ emitter: string; before: string }> {
  const emitter = join(project, "generator", "emit", "client.ts");
  const before = await readFile(emitter, "utf8");
  const from = watcher.mark();
  await writeFile(emitter, `${before}\nexport const broken = ;\n`);
  await watcher.waitFor(
    /^the watcher did not start on the edited generator \(exit 1\): fix generator\/ and save/m,
    from,
  );
  return { emitter, before };
}

/** What the watcher printed since `from`, without APIGEN_DEBUG's held-back lines. */
function printedBesidesHeldBack(watcher: Watcher, from: number): string {
  return watcher.output.slice(from).replace(/^apigen: [^:\s]+: held back .*\n/gm, "");
}

/** The inode of every file and folder below `dir` ("." itself), by relative path. */
async function inodes(dir: string): Promise<Map<string, number>> {
  const found = new Map([[".", (await stat(dir)).ino]]);
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    found.set(path.slice(dir.length + 1), (await stat(path)).ino);
  }
  return found;
}

const withSummary = (summary: string) => PETS.replace("summary: List pets", `summary: ${summary}`);

describe("npm run watch: every kind of save ends with generated/ as generate writes it", () => {
  it(
    "a save in place",
    async () => {
      const { project, watcher, spec, client } = await watching();
      const from = watcher.mark();
      await writeFile(spec, withSummary("Every pet in the shop"));
      await caughtUpWith(watcher, project, "pets", from);
      expect(await readFile(client, "utf8")).toContain("Every pet in the shop");
      await expectSameAsGenerate(project);
    },
    PATIENCE_MS,
  );

  it(
    "a save replaces the files it changed and removes the ones gone, inside the folders the package had",
    async () => {
      // What an app's `tsc --watch` or dev server watching the package relies on: its folders stay.
      const { project, watcher, spec } = await watching();
      const pkg = join(project, "generated", "pets");
      await mkdir(join(pkg, "node_modules", "left-alone"), { recursive: true });
      const before = await inodes(pkg);
      const from = watcher.mark();
      // The Pet model goes (inlined): its page, and the folder of model pages, go with it.
      await writeFile(
        spec,
        PETS.replace('$ref: "#/components/schemas/Pet"', "type: object").replace(/\ncomponents:[\s\S]*$/, "\n"),
      );
      await caughtUpWith(watcher, project, "pets", from);
      const after = await inodes(pkg);
      const wrote = [...watcher.output.slice(from).matchAll(/^ {2}wrote (.+)$/gm)].map((m) => m[1]!).sort();
      expect(wrote).toContain("docs/models/pet.md");
      expect(after.has("docs/models/pet.md") || after.has("docs/models")).toBe(false);
      for (const folder of [".", "src", "docs", "dist", "node_modules/left-alone"])
        expect(after.get(folder), folder).toBe(before.get(folder));
      const replaced = [...after]
        .filter(([rel, ino]) => !before.has(rel) || before.get(rel) !== ino)
        .map(([rel]) => rel);
      expect(replaced.sort()).toEqual(wrote.filter((rel) => after.has(rel)));
      await rm(join(pkg, "node_modules"), { recursive: true });
      await expectSameAsGenerate(project);
    },
    PATIENCE_MS,
  );

  it(
    "starts by clearing what a generator killed mid-write left beside the packages",
    async () => {
      const project = await copyProject(baseline);
      cleanups.push(() => removeProject(project));
      // A pid no process has: the generator that wrote this is gone.
      const leftover = join(project, "generated", ".apigen-tmp-pets-999999-0badf00d");
      await mkdir(leftover);
      await writeFile(join(leftover, "0"), "half a package");
      const watcher = new Watcher(project);
      cleanups.push(() => watcher.stop());
      await watcher.started();
      expect(await listGenerated(project)).toEqual(["pets"]);
    },
    PATIENCE_MS,
  );

  it(
    "three saves in a row by temp file and rename over the spec (vim, JetBrains safe write)",
    async () => {
      const { project, watcher, spec, client } = await watching();
      for (const summary of ["First edit", "Second edit", "Third edit"]) {
        const from = watcher.mark();
        await writeFile(`${spec}.tmp`, withSummary(summary));
        await rename(`${spec}.tmp`, spec);
        await caughtUpWith(watcher, project, "pets", from);
        expect(await readFile(client, "utf8")).toContain(summary);
      }
      await expectSameAsGenerate(project);
    },
    PATIENCE_MS,
  );

  it(
    "delete and recreate",
    async () => {
      const { project, watcher, spec, client } = await watching();
      const from = watcher.mark();
      await unlink(spec);
      await writeFile(spec, withSummary("Recreated"));
      await caughtUpWith(watcher, project, "pets", from);
      expect(await readFile(client, "utf8")).toContain("Recreated");
      await expectSameAsGenerate(project);
    },
    PATIENCE_MS,
  );

  it(
    "several saves of each kind within milliseconds: the last one wins",
    async () => {
      const { project, watcher, spec, client } = await watching();
      const from = watcher.mark();
      for (let i = 1; i <= 6; i++) {
        if (i % 2 === 0) {
          await writeFile(`${spec}.swp-${i}`, withSummary(`Burst ${i}`));
          await rename(`${spec}.swp-${i}`, spec);
        } else {
          await writeFile(spec, withSummary(`Burst ${i}`));
        }
      }
      await caughtUpWith(watcher, project, "pets", from);
      expect(await readFile(client, "utf8")).toContain("Burst 6");
      await expectSameAsGenerate(project);
    },
    PATIENCE_MS,
  );

  it(
    "a save written in two steps with a pause between (truncate and write half, then the rest) prints no error",
    async () => {
      // APIGEN_DEBUG says when an error is held back: the test waits for that, so it always exercises it.
      const { project, watcher, spec, client } = await watching(undefined, { ...process.env, APIGEN_DEBUG: "1" });
      const text = withSummary("Written in two steps");
      // Cut inside a quoted key: the first half alone is a YAML syntax error, as a half-written save often is.
      const cut = text.indexOf('"200"') + 3;
      const from = watcher.mark();
      await saveInTwoSteps(watcher, spec, text, cut, "pets");
      await caughtUpWith(watcher, project, "pets", from);
      expect(await readFile(client, "utf8")).toContain("Written in two steps");
      expect(printedBesidesHeldBack(watcher, from)).not.toMatch(/kept the last good output|error/i);
      await expectSameAsGenerate(project);
    },
    PATIENCE_MS,
  );

  it(
    "prints the version impact and the API changes after a regeneration, as --dry-run does",
    async () => {
      const { project, watcher, spec } = await watching();
      const from = watcher.mark();
      // Removing a response property breaks callers that read it: a breaking change, 0.1.0 -> 0.2.0 under 0.x rules.
      await writeFile(spec, PETS.replace("        name:\n          type: string\n", ""));
      await caughtUpWith(watcher, project, "pets", from);
      const printed = watcher.output.slice(from);
      expect(printed).toMatch(/^pets: regenerated, \d+ file\(s\) changed/m);
      expect(printed).toMatch(/^ {2}0\.1\.0 -> 0\.2\.0: 1 breaking/m);
      expect(printed).toMatch(/^ {2}BREAKING .*name/m);
      expect(printed).toMatch(/^ {2}wrote src\/schema\.d\.ts$/m);
      await expectSameAsGenerate(project);
    },
    PATIENCE_MS,
  );

  it(
    "a broken save keeps the last good output; the next good save recovers",
    async () => {
      const { project, watcher, spec, client } = await watching();
      const before = await readFile(client, "utf8");
      let from = watcher.mark();
      await writeFile(spec, PETS.replace("paths:", "paths: [unclosed"));
      const error = await watcher.waitFor(/pets\.yaml:\d+:\d+: .*\n.*pets: kept the last good output/, from);
      expect(error.text).toMatch(/YAML syntax error/);
      expect(await readFile(client, "utf8")).toBe(before);

      from = watcher.mark();
      await writeFile(spec, withSummary("Fixed again"));
      await caughtUpWith(watcher, project, "pets", from);
      expect(await readFile(client, "utf8")).toContain("Fixed again");
      await expectSameAsGenerate(project);
    },
    PATIENCE_MS,
  );
});

describe("npm run watch: specs, templates and the generator change under it", () => {
  it(
    "a spec added while watching is generated; a spec removed is reported and its package left in place",
    async () => {
      const { project, watcher } = await watching();
      let from = watcher.mark();
      const added = join(project, "specs", "shop.yaml");
      await writeFile(added, PETS.replace("title: Pets", "title: Shop"));
      await watcher.waitFor(/^shop: specs\/shop\.yaml was added$/m, from);
      await caughtUpWith(watcher, project, "shop", from);
      expect(await listGenerated(project)).toEqual(["pets", "shop"]);
      await expectSameAsGenerate(project);

      from = watcher.mark();
      await rm(added);
      await watcher.waitFor(/^shop: specs\/shop\.yaml was removed; generated\/shop is left as it was/m, from);
      await watcher.waitFor(/^ready$/m, from);
      expect(await listGenerated(project)).toEqual(["pets", "shop"]);
      await expectSameAsGenerate(project);
    },
    PATIENCE_MS,
  );

  it(
    "a template edit regenerates every package with the new template",
    async () => {
      const { project, watcher } = await watching();
      const template = join(project, "templates", "client", "README.md.hbs");
      const from = watcher.mark();
      await writeFile(
        template,
        (await readFile(template, "utf8")).replace("Do not edit: change the spec and regenerate.", "Edited template."),
      );
      await watcher.waitFor(/^pets: regenerated, \d+ file\(s\) changed[^]*?^ready$/m, from);
      expect(await readFile(join(project, "generated", "pets", "README.md"), "utf8")).toContain("Edited template.");
      await expectSameAsGenerate(project);
    },
    PATIENCE_MS,
  );

  it(
    "a template saved in two steps with a pause between prints no error and regenerates with the whole template",
    async () => {
      const { project, watcher } = await watching(undefined, { ...process.env, APIGEN_DEBUG: "1" });
      const template = join(project, "templates", "client", "README.md.hbs");
      const text = (await readFile(template, "utf8")).replace(
        "Do not edit: change the spec and regenerate.",
        "Saved in two steps.",
      );
      // Cut inside the first {{...}}: the first half alone does not compile.
      const cut = text.indexOf("{{") + 3;
      const from = watcher.mark();
      // The regeneration with the whole template: the one after the held-back line.
      const completed = await saveInTwoSteps(watcher, template, text, cut, "templates");
      await watcher.waitFor(/^pets: regenerated, \d+ file\(s\) changed[^]*?^ready$/m, completed);
      expect(await readFile(join(project, "generated", "pets", "README.md"), "utf8")).toContain("Saved in two steps.");
      expect(printedBesidesHeldBack(watcher, from)).not.toMatch(/kept the last good output|error/i);
      await expectSameAsGenerate(project);
    },
    PATIENCE_MS,
  );

  it(
    "an edit to generator/ restarts the watcher on the new build, which regenerates with it",
    async () => {
      const { project, watcher } = await watching();
      // The module that writes the runtime banner; the edit must change it, or no restart would follow.
      const emitter = join(project, "generator", "emit", "client.ts");
      const before = await readFile(emitter, "utf8");
      const edited = before.replace(
        "Copied by apigen from its client runtime",
        "Copied by the edited apigen from its client runtime",
      );
      expect(
        edited,
        "the runtime banner moved out of generator/emit/client.ts: edit the module that writes it",
      ).not.toBe(before);
      const from = watcher.mark();
      await writeFile(emitter, edited);
      const restarted = await watcher.waitFor(/^generator\/ changed: restarting the watcher on the new build$/m, from);
      await watcher.waitFor(/^watching [^]*?^ready$/m, restarted.end);
      expect(await readFile(join(project, "generated", "pets", "src", "runtime", "index.ts"), "utf8")).toContain(
        "Copied by the edited apigen",
      );
      expect(watcher.output.slice(from).match(/generator\/ changed/g)).toHaveLength(1);
      await expectSameAsGenerate(project);
    },
    PATIENCE_MS,
  );

  it(
    "an edit to generator/ that does not build keeps the session: the watcher starts again once it is fixed",
    async () => {
      const { project, watcher } = await watching();
      const { emitter, before } = await breakGenerator(project, watcher);
      expect(watcher.process.exitCode).toBeNull();
      const from = watcher.mark();
      await writeFile(
        emitter,
        before.replace(
          "Copied by apigen from its client runtime",
          "Copied by the fixed apigen from its client runtime",
        ),
      );
      await watcher.waitFor(/^watching [^]*?^ready$/m, from);
      expect(await readFile(join(project, "generated", "pets", "src", "runtime", "index.ts"), "utf8")).toContain(
        "Copied by the fixed apigen",
      );
      await expectSameAsGenerate(project);
    },
    PATIENCE_MS,
  );

  it(
    "Ctrl-C while the watcher waits for a generator/ that builds ends the session, with nothing left behind",
    async () => {
      const { project, watcher } = await watching();
      await breakGenerator(project, watcher);
      watcher.signal("SIGINT");
      expect(await watcher.exited).toBe(0);
      await untilEmpty(watcher.pgid);
      expect(processesInGroup(watcher.pgid)).toEqual([]);
    },
    PATIENCE_MS,
  );
});

describe("stopping npm run watch leaves no process behind", () => {
  it.each([
    ["SIGTERM to npm", "SIGTERM", false],
    ["Ctrl-C (SIGINT to the terminal's process group)", "SIGINT", true],
  ] as const)(
    "%s",
    async (_name, signal, group) => {
      const { watcher } = await watching(() => ["npm", "run", "watch"]);
      expect(processesInGroup(watcher.pgid).length).toBeGreaterThanOrEqual(2); // npm, the supervisor, the watcher
      watcher.signal(signal, group);
      await watcher.exited;
      // npm exits once its script has; the group must be empty by then or very soon after.
      await untilEmpty(watcher.pgid);
      expect(processesInGroup(watcher.pgid)).toEqual([]);
    },
    PATIENCE_MS,
  );
});

/** Resolves when no process of the group is alive; each check waits for the next tick of the event loop, bounded by the test's timeout. */
async function untilEmpty(pgid: number): Promise<void> {
  while (processesInGroup(pgid).length > 0) await new Promise((resolve) => setImmediate(resolve));
}
