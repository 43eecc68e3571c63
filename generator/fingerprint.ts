import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./paths.ts";
import { sha256 } from "./shared/hash.ts";

/** Packages whose version changes what the generator writes (esbuild writes every dist/*.js). */
const OUTPUT_SHAPING = [
  "openapi-typescript",
  "esbuild",
  "typescript",
  "@redocly/openapi-core",
  "handlebars",
  "mdast-util-to-markdown",
  "semver",
];

/**
 * One hash for "the generator": its source, its templates, the lint config
 * that decides which specs pass (redocly.yaml: a rule raised to `error` must
 * stop the next `generate`), and the versions of the libraries that shape
 * output. A change to any of them makes every package stale, which is what a
 * generator change must do.
 */
export async function generatorFingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const dir of ["generator", "templates"]) {
    const entries = await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
    // Read all at once: one at a time, a no-op run waited on a hundred reads in a row.
    const hashes = await Promise.all(files.map(async (file) => sha256(await readFile(file))));
    files.forEach((file, i) => parts.push(file.slice(ROOT.length + 1), hashes[i]!));
  }
  // Rule severities (validate/rules/config.ts reads them from here); a missing file is the defaults.
  parts.push("redocly.yaml", sha256(await readFile(join(ROOT, "redocly.yaml")).catch(() => "")));
  // The publishing settings (license, repository: see emit/publishing.ts) go into every package.json.
  const project = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { apigen?: unknown };
  parts.push("package.json#apigen", JSON.stringify(project.apigen ?? null));
  for (const name of OUTPUT_SHAPING) {
    const pkg = JSON.parse(await readFile(join(ROOT, "node_modules", name, "package.json"), "utf8")) as {
      version: string;
    };
    parts.push(name, pkg.version);
  }
  return sha256(parts.join("\n"));
}
