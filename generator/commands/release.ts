/**
 * `npm run release -- [provider...] [--dry-run]`: turns each package's `## Unreleased` into the
 * next version (package.json, CHANGELOG.md, the workspace lock) and makes the current spec the
 * baseline that later changes are measured from. Nothing unreleased: says so, exit 0.
 */
import { join, relative, resolve } from "node:path";
import { formatReport } from "../changes/changelog.ts";
import { describe } from "../errors.ts";
import { generatorFingerprint } from "../fingerprint.ts";
import { lazyTemplates, releasePackage, type RunContext } from "../pipeline.ts";
import { recoverInterrupted } from "../write/write.ts";
import { commandArgs, usageLine } from "./args.ts";
import { UsageError, providerTargets } from "./targets.ts";

const HELP = `Usage: npm run release -- [provider...] [--dry-run]

Turns the Unreleased section of each package's CHANGELOG.md into the next version:
breaking changes bump the major (the minor below 1.0.0), features the minor (the patch
below 1.0.0), fixes and docs the patch. Writes package.json, CHANGELOG.md, the package's
entry in package-lock.json and the new baseline (.apigen/released.json).

Options:
  --dry-run          print what would be released; write nothing
  --specs <dir>      folder of provider specs (default: specs)
  --generated <dir>  folder of generated packages (default: generated)
  -h, --help         show this help
`;

export async function release(argv: string[]): Promise<number> {
  let values: { "dry-run": boolean; specs: string; generated: string; help: boolean };
  let providers: string[];
  try {
    const parsed = commandArgs(argv, {
      "dry-run": { type: "boolean", default: false },
      specs: { type: "string", default: "specs" },
      generated: { type: "string", default: "generated" },
      help: { type: "boolean", short: "h", default: false },
    });
    values = parsed.values;
    providers = parsed.positionals;
  } catch (error) {
    process.stderr.write(usageLine("release", error));
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const dryRun = values["dry-run"];
  let targets;
  try {
    targets = await providerTargets(resolve(values.specs), resolve(values.generated), providers);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`apigen release: ${error.message}\n`);
    return 2;
  }
  const ctx: RunContext = { templates: lazyTemplates(), fingerprint: await generatorFingerprint() };
  for (const parent of new Set(targets.map((t) => resolve(t.outDir, "..")))) await recoverInterrupted(parent);
  let failed = 0;
  for (const target of targets) {
    try {
      const { release, changed, lockfile } = await releasePackage(target, ctx, dryRun);
      for (const warning of release.warnings) process.stderr.write(`${target.provider}: warning: ${warning}\n`);
      if (!release.cut) {
        process.stdout.write(`${target.provider}: nothing to release (version stays ${release.version})\n`);
        continue;
      }
      const report = formatReport(
        release.changes,
        release.previousVersion ?? "(new)",
        release.version,
        release.regenerated,
      );
      const files = [
        ...changed.map((f) => relative(process.cwd(), join(target.outDir, f))),
        ...(lockfile ? [relative(process.cwd(), lockfile)] : dryRun ? ["package-lock.json (the package's entry)"] : []),
      ];
      const verb = dryRun ? "would release" : "released";
      process.stdout.write(
        `${target.provider}: ${verb} ${release.version}\n${report.replace(/^/gm, "  ").trimEnd()}\n  ${dryRun ? "would write" : "wrote"} ${files.join(", ")}\n`,
      );
    } catch (error) {
      failed++;
      process.stderr.write(`${describe(error)}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}
