import { watch as watchFs } from "node:fs";
import { basename, extname, join } from "node:path";
import { describe } from "./errors.ts";
import { generatorFingerprint } from "./fingerprint.ts";
import { generatePackage, type RunContext, type Target } from "./pipeline.ts";
import { loadTemplates } from "./emit/templates.ts";
import { TEMPLATES_DIR } from "./paths.ts";

const DEBOUNCE_MS = 75;

/**
 * Regenerates on save: a spec change regenerates its provider, a template
 * change regenerates all. A broken spec prints its located error and leaves
 * the last good package in place; the next good save recovers. Runs until
 * interrupted.
 */
export async function watch(specsDir: string, targets: Target[], initial: RunContext): Promise<number> {
  let ctx = initial;
  const pending = new Set<string>();
  let reloadTemplates = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const flush = () => {
    const providers = [...pending];
    const templatesChanged = reloadTemplates;
    pending.clear();
    reloadTemplates = false;
    running = running.then(async () => {
      if (templatesChanged) {
        try {
          const templates = await loadTemplates();
          ctx = { ...ctx, templates: () => Promise.resolve(templates), fingerprint: await generatorFingerprint() };
        } catch (error) {
          process.stderr.write(`${describe(error)}\n`);
          return;
        }
      }
      for (const target of targets.filter((t) => templatesChanged || providers.includes(t.provider))) {
        const started = performance.now();
        try {
          const result = await generatePackage(target, ctx);
          const ms = Math.round(performance.now() - started);
          process.stdout.write(`${target.provider}: ${result.status === "generated" ? `regenerated, ${result.changed.length} file(s) changed` : "no change"} in ${ms} ms\n`);
        } catch (error) {
          process.stderr.write(`${describe(error)}\n${target.provider}: kept the last good output\n`);
        }
      }
    });
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };

  watchFs(specsDir, { recursive: true }, (_event, file) => {
    if (!file) return;
    const provider = basename(String(file), extname(String(file)));
    if (targets.some((t) => t.provider === provider)) {
      pending.add(provider);
      schedule();
    }
  });
  watchFs(TEMPLATES_DIR, { recursive: true }, () => {
    reloadTemplates = true;
    schedule();
  });
  process.stdout.write(`watching ${specsDir} and ${TEMPLATES_DIR} (Ctrl-C to stop)\n`);
  return new Promise<number>(() => {});
}
