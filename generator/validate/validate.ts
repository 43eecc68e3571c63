import type { NormalizedProblem } from "@redocly/openapi-core";
import { SpecError, fromPointer, toPointer } from "../errors.ts";
import type { LoadedSpec } from "../load/load.ts";
import { canonicalize } from "./canonicalize.ts";
import { hoistDeepSchemaRefs } from "./hoist-refs.ts";
import { protectLiteralRefs, restoreLiteralRefs } from "./literal-values.ts";
import { breakSelfArrayUnions, nullTypeAsUnion, stripQueryFromPathKeys } from "./normalize.ts";
import { findPureRefCycles } from "./ref-cycles.ts";

/** A spec that passed validation, with every external `$ref` bundled in. */
export interface BundledSpec {
  file: string;
  /** The bundled document with keys sorted, so output does not depend on key order. */
  document: Record<string, unknown>;
  /**
   * The same document with `$ref` keys inside example values renamed (see
   * literal-values.ts), for tools that would otherwise try to resolve them.
   */
  protectedDocument: Record<string, unknown>;
  /** Every file the document was built from (the root first), absolute paths. */
  dependencies: string[];
  /** The version as given, normalised to major.minor.patch. */
  openapiVersion: string;
}

/**
 * The rules that make a document unusable for generation. Style rules
 * (descriptions, tags, examples) belong to `redocly lint` over specs/, not here:
 * the generator must accept any real-world spec that is unambiguous.
 */
const VALIDATION_RULES = {
  struct: "error",
  "no-unresolved-refs": "error",
  "operation-operationId-unique": "error",
  "path-parameters-defined": "error",
  "operation-parameters-unique": "error",
} as const;

export async function validateAndBundle(loaded: LoadedSpec): Promise<BundledSpec> {
  const openapiVersion = checkVersion(loaded);
  // redocly throws an unlocated "circular pointer" error on these; find them first.
  throwIfCycles(loaded, loaded.document);
  // Lenient on `openapi: "3.0"` (no patch): downstream tools want the full form.
  const parsed = { ...stripQueryFromPathKeys(protectLiteralRefs(loaded.document).document), openapi: openapiVersion };

  const redocly = await import("@redocly/openapi-core");
  const config = await redocly.createConfig({ rules: { ...VALIDATION_RULES } }, { extends: [] });
  const resolver = new redocly.BaseResolver(config.resolve);
  const source = new redocly.Source(loaded.file, loaded.text, loaded.format === "json" ? "application/json" : "application/yaml");
  const document = { source, parsed };

  let bundled: Awaited<ReturnType<typeof redocly.bundle>>;
  try {
    const lintProblems = await redocly.lintDocument({ document, config: config.styleguide, externalRefResolver: resolver });
    throwIfErrors(loaded, lintProblems, redocly.getLineColLocation);
    bundled = await redocly.bundle({ doc: document, config, dereference: false, externalRefResolver: resolver });
  } catch (error) {
    // A cycle spanning files: the message is all redocly gives.
    if (error instanceof Error && /circular pointer/i.test(error.message)) {
      throw new SpecError({ file: loaded.file }, `$ref cycle with no schema in it, across files (${error.message})`);
    }
    throw error;
  }
  throwIfErrors(loaded, bundled.problems, redocly.getLineColLocation);

  const result = bundled.bundle.parsed as Record<string, unknown>;
  throwIfCycles(loaded, result);
  nullTypeAsUnion(result);
  const canonical = canonicalize(hoistDeepSchemaRefs(result)) as Record<string, unknown>;
  const dependencies = [loaded.file, ...[...bundled.fileDependencies].filter((f) => f !== loaded.file).sort()];
  const restored = restoreLiteralRefs(canonical);
  // breakSelfArrayUnions mutates: the types document is the one that gets it.
  return { file: loaded.file, document: restored, protectedDocument: breakSelfArrayUnions(canonical), dependencies, openapiVersion };
}

function throwIfCycles(loaded: LoadedSpec, document: Record<string, unknown>): void {
  const cycles = findPureRefCycles(document);
  if (cycles.length === 0) return;
  const errors = cycles.map((cycle) => locatedError(loaded, cycle.path, `$ref cycle with no schema in it: ${cycle.refs.join(" -> ")}`));
  throw new SpecError(errors[0]!.location, errors[0]!.message, errors.slice(1));
}

function checkVersion(loaded: LoadedSpec): string {
  const { document } = loaded;
  const raw = document.openapi;
  if (raw === undefined) {
    if (document.swagger !== undefined) {
      throw locatedError(loaded, ["swagger"], `Swagger ${String(document.swagger)} is not supported; convert the document to OpenAPI 3.0 or 3.1 first`);
    }
    throw locatedError(loaded, [], 'missing the "openapi" version field; expected an OpenAPI 3.0 or 3.1 document');
  }
  // `openapi: 3.0` in YAML is the number 3; unambiguous enough to accept.
  const text = typeof raw === "number" ? (Number.isInteger(raw) ? `${raw}.0` : String(raw)) : String(raw);
  const match = /^3\.([01])(?:\.(\d+))?(-rc\d+)?$/.exec(text);
  if (!match) {
    throw locatedError(loaded, ["openapi"], `unsupported OpenAPI version "${text}"; expected 3.0.x or 3.1.x`);
  }
  return `3.${match[1]}.${match[2] ?? "0"}`;
}

function locatedError(loaded: LoadedSpec, path: readonly string[], message: string): SpecError {
  const position = loaded.locate(path);
  return new SpecError({ file: loaded.file, line: position?.line, column: position?.column, pointer: toPointer(path) }, message);
}

type LineColFn = typeof import("@redocly/openapi-core").getLineColLocation;

/**
 * Structural problems that leave the meaning clear (a `nullable` without a
 * `type`, a missing description, an unexpected field) are tolerated: real
 * specs are full of them (GitHub's has over a hundred) and every tool copes.
 * A value of the wrong kind where an object belongs is not tolerated.
 */
function isFatal(problem: NormalizedProblem): boolean {
  if (problem.severity !== "error") return false;
  return problem.ruleId !== "struct" || problem.message.startsWith("Expected type");
}

function throwIfErrors(loaded: LoadedSpec, problems: NormalizedProblem[], getLineCol: LineColFn): void {
  const errors = problems.filter(isFatal).map((p) => problemToError(loaded, p, getLineCol));
  if (errors.length === 0) return;
  errors.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  throw new SpecError(errors[0]!.location, errors[0]!.message, errors.slice(1));
}

function problemToError(loaded: LoadedSpec, problem: NormalizedProblem, getLineCol: LineColFn): SpecError {
  const where = problem.location[0];
  const message = problemMessage(loaded, problem);
  if (!where) return new SpecError({ file: loaded.file }, message);
  const file = where.source.absoluteRef;
  const pointer = where.pointer;
  if (file === loaded.file && pointer !== undefined) {
    const position = loaded.locate(fromPointer(pointer));
    return new SpecError({ file, line: position?.line, column: position?.column, pointer }, message);
  }
  try {
    const { start } = getLineCol(where);
    return new SpecError({ file, line: start.line, column: start.col, pointer }, message);
  } catch {
    return new SpecError({ file, pointer }, message);
  }
}

function problemMessage(loaded: LoadedSpec, problem: NormalizedProblem): string {
  const text = problem.message.replace(/\.$/, "");
  if (problem.ruleId !== "no-unresolved-refs") return text;
  const where = problem.location[0];
  let node: unknown = where?.source.absoluteRef === loaded.file ? loaded.document : undefined;
  for (const segment of fromPointer(where?.pointer ?? "#")) node = (node as Record<string, unknown> | undefined)?.[segment];
  const ref = (node as { $ref?: unknown } | undefined)?.$ref;
  return typeof ref === "string" ? `dangling $ref: nothing found at "${ref}"` : text.replace(/^Can't resolve \$ref/, "dangling $ref: cannot resolve it");
}
