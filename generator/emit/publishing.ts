/**
 * What npm shows about a package beside its code: license, repository,
 * homepage, issue tracker, and the absolute URL of the full docs (a relative
 * link in a README is broken on the registry's page).
 *
 * They come from the `apigen` key of the project's root package.json:
 *
 * ```json
 * "apigen": {
 *   "repository": "https://github.com/owner/repo",
 *   "branch": "main",
 *   "packagesDir": "generated",
 *   "license": "MIT"
 * }
 * ```
 *
 * `license` is the default for specs whose `info.license` names none (an SPDX
 * `identifier`, or a `name` that is a single SPDX-like token). Without a
 * `repository` the packages get no links and the README points at its docs
 * folder relatively.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../paths.ts";

export interface PublishingSettings {
  /** Web URL of the repository the packages are published from, e.g. https://github.com/owner/repo. */
  repository?: string | undefined;
  /** The branch the packages' files are read from on the web. Default "main". */
  branch?: string | undefined;
  /** The folder of the packages in the repository. Default "generated". */
  packagesDir?: string | undefined;
  /** License of packages whose spec declares none. Default "UNLICENSED". */
  license?: string | undefined;
}

export interface PackageLinks {
  homepage: string;
  repository: { type: "git"; url: string; directory: string };
  bugs: { url: string };
  /** The package's docs/README.md on the web. */
  docs: string;
}

/** The `apigen` key of the root package.json (read once; a missing or odd key means no settings). */
export function publishingSettings(file: string = join(ROOT, "package.json")): PublishingSettings {
  const cached = cache.get(file);
  if (cached !== undefined) return cached;
  let settings: PublishingSettings = {};
  try {
    const raw = (JSON.parse(readFileSync(file, "utf8")) as { apigen?: unknown }).apigen;
    if (raw !== null && typeof raw === "object") {
      const value = (key: string) => {
        const v = (raw as Record<string, unknown>)[key];
        return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
      };
      settings = {
        repository: value("repository"),
        branch: value("branch"),
        packagesDir: value("packagesDir"),
        license: value("license"),
      };
    }
  } catch {
    // No readable package.json: packages get no links and the default license.
  }
  cache.set(file, settings);
  return settings;
}
const cache = new Map<string, PublishingSettings>();

/** Links of the package of `provider`, or undefined without a repository setting. */
export function packageLinks(provider: string, settings: PublishingSettings): PackageLinks | undefined {
  if (settings.repository === undefined) return undefined;
  const web = settings.repository.replace(/\.git$/, "").replace(/\/+$/, "");
  const directory = `${(settings.packagesDir ?? "generated").replace(/^\/+|\/+$/g, "")}/${provider}`;
  const branch = settings.branch ?? "main";
  return {
    homepage: `${web}/tree/${branch}/${directory}#readme`,
    repository: { type: "git", url: `git+${web}.git`, directory },
    bugs: { url: `${web}/issues` },
    docs: `${web}/blob/${branch}/${directory}/docs/README.md`,
  };
}

/** The spec's own license when it names an SPDX one, else the project's default. */
export function packageLicense(document: Record<string, unknown>, settings: PublishingSettings): string {
  const info =
    document.info !== null && typeof document.info === "object" ? (document.info as Record<string, unknown>) : {};
  const license =
    info.license !== null && typeof info.license === "object" ? (info.license as Record<string, unknown>) : {};
  for (const candidate of [license.identifier, license.name]) {
    if (
      typeof candidate === "string" &&
      /^[A-Za-z0-9][A-Za-z0-9.+-]*(?: (?:OR|AND|WITH) [A-Za-z0-9][A-Za-z0-9.+-]*)*$/.test(candidate.trim())
    )
      return candidate.trim();
  }
  return settings.license ?? "UNLICENSED";
}
