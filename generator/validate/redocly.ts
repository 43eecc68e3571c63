/**
 * What validation asks of redocly: its lint of the document and, for a document that `$ref`s other
 * files, its bundle. Both give back plain data (LintProblem), which a memo can keep and a worker
 * thread can send (lint-job.ts).
 */
import type { NormalizedProblem } from "@redocly/openapi-core";
import type { LoadedSpec } from "../load/load.ts";
import { guardRedoclyPrototypeKeys } from "./redocly-guard.ts";
import { guardedResolver, type RefPolicy } from "./ref-policy.ts";
import type { readinessConfig } from "./rules/config.ts";
import { flagTypos } from "./rules/typos.ts";

/**
 * The rules that make a document unusable for generation. Style rules
 * (descriptions, tags, examples) belong to `redocly lint` over specs/, not here:
 * the generator must accept any real-world spec that is unambiguous.
 */
const VALIDATION_RULES = {
  struct: "error",
  "no-unresolved-refs": "error",
  "operation-operationId-unique": "error",
  // "path-parameters-defined" is checked by checkPathTemplates: redocly's only knows [A-Za-z0-9_.-] names.
  "operation-parameters-unique": "error",
} as const;

/**
 * A redocly finding as validation reads it: plain data. The line and column are redocly's, taken
 * where the root document's own positions (`loaded.locate`) do not apply.
 */
export interface LintProblem {
  ruleId: string;
  severity: NormalizedProblem["severity"];
  message: string;
  where?: { file: string; pointer?: string; line?: number; column?: number };
}

/** Why the ref policy refused a target (an absolute path or URL), by target. */
export type Refusals = ReadonlyMap<string, string>;

type Redocly = typeof import("@redocly/openapi-core");

/** What linting and bundling with redocly need, made once per validation. */
export interface RedoclyRun {
  redocly: Redocly;
  config: Awaited<ReturnType<Redocly["createConfig"]>>;
  resolver: ReturnType<typeof guardedResolver>["resolver"];
  /** Filled by the resolver as it refuses targets. */
  refusals: Refusals;
  /** Filled by the resolver: the bytes of each local file it read, by absolute path. */
  read: ReadonlyMap<string, Buffer>;
  document: { source: InstanceType<Redocly["Source"]>; parsed: Record<string, unknown> };
}

/** redocly (a third of a second to load), its config and the guarded resolver for `parsed`, the text of `loaded`. */
export async function startRedocly(
  loaded: LoadedSpec,
  parsed: Record<string, unknown>,
  refPolicy: RefPolicy,
  readiness: Awaited<ReturnType<typeof readinessConfig>>,
): Promise<RedoclyRun> {
  const redocly = await import("@redocly/openapi-core");
  guardRedoclyPrototypeKeys();
  const config = await redocly.createConfig(
    { plugins: readiness.plugins, rules: { ...VALIDATION_RULES, ...readiness.rules } },
    { extends: [] },
  );
  const { resolver, refusals, read } = guardedResolver(redocly, config.resolve, refPolicy);
  const source = new redocly.Source(
    loaded.file,
    loaded.text,
    loaded.format === "json" ? "application/json" : "application/yaml",
  );
  return { redocly, config, resolver, refusals, read, document: { source, parsed } };
}

/** Every rule's findings on the document. */
export async function lintWith(run: RedoclyRun, loaded: LoadedSpec): Promise<LintProblem[]> {
  const { redocly, config, resolver, document } = run;
  const problems = await redocly.lintDocument({ document, config: config.styleguide, externalRefResolver: resolver });
  return plainProblems(
    flagTypos(redocly, loaded.file, document.parsed, problems),
    loaded.file,
    redocly.getLineColLocation,
  );
}

/** The document with every file it `$ref`s pulled in, and what bundling found wrong. */
export async function bundleExternal(run: RedoclyRun, rootFile: string) {
  const { redocly, config, resolver, document } = run;
  const result = await redocly.bundle({ doc: document, config, dereference: false, externalRefResolver: resolver });
  return { ...result, problems: plainProblems(result.problems, rootFile, redocly.getLineColLocation) };
}

function plainProblems(
  problems: NormalizedProblem[],
  rootFile: string,
  getLineCol: Redocly["getLineColLocation"],
): LintProblem[] {
  return problems.map((problem) => {
    const { ruleId, severity, message } = problem;
    const location = problem.location[0];
    if (!location) return { ruleId, severity, message };
    const where: LintProblem["where"] = { file: location.source.absoluteRef, pointer: location.pointer };
    if (where.file !== rootFile || where.pointer === undefined) {
      try {
        const { start } = getLineCol(location);
        Object.assign(where, { line: start.line, column: start.col });
      } catch {
        // No position: the error names the file and the pointer.
      }
    }
    return { ruleId, severity, message, where };
  });
}
