import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { generatorFingerprint } from "../../generator/fingerprint.ts";
import { lazyTemplates, type RunContext } from "../../generator/pipeline.ts";

/**
 * For a test file that calls generatePackage: a scratch folder of its own (removed after the file's
 * tests) and the context a one-shot `generate` runs with. Read `dir` and `ctx` inside tests: they are
 * set before the first one.
 */
export function oneShotScratch(prefix: string): { readonly dir: string; readonly ctx: RunContext } {
  const made: { dir: string; ctx: RunContext } = { dir: "", ctx: undefined as unknown as RunContext };
  beforeAll(async () => {
    made.dir = await mkdtemp(join(tmpdir(), prefix));
    made.ctx = { templates: lazyTemplates(), fingerprint: await generatorFingerprint() };
  });
  afterAll(() => rm(made.dir, { recursive: true, force: true }));
  return made;
}
