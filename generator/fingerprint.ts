import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./paths.ts";
import { fileClock, namesHash, seen, statNow, stillAsSeen, type Seen } from "./shared/file-stamp.ts";
import { sha256 } from "./shared/hash.ts";
import { readStored, writeStored } from "./shared/stored.ts";

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

/** The last fingerprint and the files and folders it was made from, as seen then (shared/file-stamp.ts). */
interface StoredFingerprint {
  fingerprint: string;
  seen: Seen[];
}
const STORE = "fingerprint";
const STORE_KEY = "1";

/**
 * One hash for "the generator": its source, its templates, the lint config
 * that decides which specs pass (redocly.yaml: a rule raised to `error` must
 * stop the next `generate`), and the versions of the libraries that shape
 * output. A change to any of them makes every package stale, which is what a
 * generator change must do.
 *
 * Reading and hashing those 160 files was a fifth of a no-op run: the result
 * is kept in .cache/ with the stat of every file and folder read, and reused
 * while they all look the same (a file added to a folder changes the folder).
 */
export async function generatorFingerprint(): Promise<string> {
  const stored = (await readStored(STORE, STORE_KEY)) as StoredFingerprint | undefined;
  if (stored && (await stillAsSeen(stored.seen))) return stored.fingerprint;
  const clock = await fileClock();
  const seenNow: Seen[] = [];
  // Each stat is taken before its read, so whatever changes after the read shows in the stat.
  const observe = (path: string, read: (path: string) => Promise<string | Buffer>) => {
    const stat = statNow(path);
    return read(path).then((content) => {
      const hash = sha256(content);
      if (clock !== undefined) seenNow.push(seen(path, stat, hash, clock));
      return { content, hash };
    });
  };
  const parts: string[] = [];
  for (const dir of ["generator", "templates"]) {
    const files = (
      await listFiles(join(ROOT, dir), (path, stat, names) => {
        if (clock !== undefined) seenNow.push(seen(path, stat, namesHash(names), clock));
      })
    ).sort();
    // Read all at once: one at a time, a no-op run waited on a hundred reads in a row.
    const hashes = await Promise.all(files.map(async (file) => (await observe(file, readFile)).hash));
    files.forEach((file, i) => parts.push(file.slice(ROOT.length + 1), hashes[i]!));
  }
  // Rule severities (validate/rules/config.ts reads them from here); a missing file is the defaults.
  const lint = await observe(join(ROOT, "redocly.yaml"), (path) => readFile(path).catch(() => ""));
  parts.push("redocly.yaml", sha256(lint.content));
  // The publishing settings (license, repository: see emit/publishing.ts) go into every package.json.
  const project = JSON.parse(String((await observe(join(ROOT, "package.json"), readFile)).content)) as {
    apigen?: unknown;
  };
  parts.push("package.json#apigen", JSON.stringify(project.apigen ?? null));
  for (const name of OUTPUT_SHAPING) {
    const { content } = await observe(join(ROOT, "node_modules", name, "package.json"), readFile);
    parts.push(name, (JSON.parse(String(content)) as { version: string }).version);
  }
  const fingerprint = sha256(parts.join("\n"));
  if (clock !== undefined)
    await writeStored(STORE, STORE_KEY, { fingerprint, seen: seenNow } satisfies StoredFingerprint);
  return fingerprint;
}

/** Every file below `dir`, as readdir's recursive listing gives them; each folder is reported, stat taken before its listing. */
async function listFiles(
  dir: string,
  folder: (path: string, stat: ReturnType<typeof statNow>, names: string[]) => void,
): Promise<string[]> {
  const stat = statNow(dir);
  const entries = await readdir(dir, { withFileTypes: true });
  folder(
    dir,
    stat,
    entries.map((e) => e.name),
  );
  const nested = await Promise.all(
    entries.filter((e) => e.isDirectory()).map((e) => listFiles(join(dir, e.name), folder)),
  );
  return [...entries.filter((e) => e.isFile()).map((e) => join(dir, e.name)), ...nested.flat()];
}
