import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { SpecError } from "../errors.ts";
import { decodePlainPointer, encodePointer as toPointer } from "../shared/json-pointer.ts";
import { memoKey, NO_MEMO, type Memo } from "../shared/memo.ts";
import type { LoadedSpec } from "../load/load.ts";
import { checkCallable } from "./callable.ts";
import { canonicalize } from "./canonicalize.ts";
import { hoistDeepSchemaRefs } from "./hoist-refs.ts";
import { LITERAL_REF_KEY, NAME_MAPS, protectLiteralRefs, unusedMarker } from "../shared/literal-refs.ts";
import { lintOnThread, type LintThread } from "./lint-job.ts";
import { nullTypeAsUnion, stripQueryFromPathKeys } from "./normalize.ts";
import { checkPathTemplates } from "./path-templates.ts";
import { bundleExternal, lintWith, startRedocly, type LintProblem, type RedoclyRun, type Refusals } from "./redocly.ts";
import { findAllOfCycles, findPureRefCycles } from "./ref-cycles.ts";
import { defaultRefPolicy, redactUrl, type RefPolicy } from "./ref-policy.ts";
import { readinessConfig } from "./rules/config.ts";

/** A spec that passed validation, with every external `$ref` bundled in. */
export interface BundledSpec {
  file: string;
  /**
   * The canonical document: bundled, keys sorted (output does not depend on key
   * order). What openapi-typescript needs besides is done in emit/openapi-typescript/.
   */
  document: Record<string, unknown>;
  /** Every local file the document was built from (the root first), absolute paths; no URLs. */
  dependencies: string[];
  /** The bytes of those files as the bundler read them, the root's aside (LoadedSpec has its text). */
  read?: ReadonlyMap<string, Buffer>;
  /** The version as given, normalised to major.minor.patch. */
  openapiVersion: string;
  /**
   * Findings of rules redocly.yaml sets to `warn` (the apigen/* readiness rules), located like
   * errors: they do not stop generation, and the CLI prints them (see formatWarning).
   */
  warnings: SpecError[];
}

/** `memo`: a watcher's memo of the last run (shared/memo.ts); lint results are reused when only prose changed. */
export async function validateAndBundle(
  loaded: LoadedSpec,
  refPolicy: RefPolicy = defaultRefPolicy(loaded.file),
  memo: Memo = NO_MEMO,
): Promise<BundledSpec> {
  return (await validate(loaded, refPolicy, memo, false)).bundled;
}

/** A validation the caller may go on from before redocly's lint has finished: see {@link validateSpeculatively}. */
export interface Validation {
  /** The spec as validation makes it when lint finds nothing wrong; without warnings while `confirmed` is pending. */
  bundled: BundledSpec;
  /**
   * Only while lint runs on another thread: `bundled` with its warnings once lint found no error, or
   * lint's error. Undefined when lint's findings change the document (a mistyped keyword to drop) or
   * the thread failed: validate again with {@link validateAndBundle}.
   */
  confirmed?: Promise<BundledSpec | undefined>;
  /** Stops the lint thread (the run failed elsewhere). */
  cancel(): void;
}

/**
 * {@link validateAndBundle} for the pipeline, which writes nothing before it has `confirmed`: a big
 * spec without external refs, on a machine with a core to spare, is linted on a worker thread
 * (lint-job.ts) while the caller goes on with the document every other check has passed. redocly's
 * lint is a third of the main thread's work on GitHub's spec (about 2 s), and nothing it finds
 * changes the document but a mistyped keyword, which is rare.
 */
export function validateSpeculatively(
  loaded: LoadedSpec,
  refPolicy: RefPolicy = defaultRefPolicy(loaded.file),
  memo: Memo = NO_MEMO,
): Promise<Validation> {
  return validate(loaded, refPolicy, memo, true);
}

async function validate(loaded: LoadedSpec, refPolicy: RefPolicy, memo: Memo, speculate: boolean): Promise<Validation> {
  const openapiVersion = checkVersion(loaded);
  // redocly throws an unlocated "circular pointer" error on these; find them first.
  throwIfCycles(loaded, loaded.document);
  const { parsed, literalRef } = lintedDocument(loaded, openapiVersion);
  // redocly lets `$ref: 42` through; openapi-typescript then crashes on it.
  const { external, externalMapping } = checkRefs(loaded, parsed);

  const readiness = await readinessConfig();
  // Made on first use: a remembered lint result of a document without external refs needs no redocly.
  let redoclyRun: Promise<RedoclyRun> | undefined;
  const prepare = () => (redoclyRun ??= startRedocly(loaded, parsed, refPolicy, readiness));
  // Why the ref policy refused a target: filled by the resolver, so empty when redocly never ran.
  const refusals = async (): Promise<Refusals> => (redoclyRun ? (await redoclyRun).refusals : new Map());
  const lintHere = async () => lintWith(await prepare(), loaded);

  let thread: LintThread | undefined;
  const lint = (): Promise<LintProblem[]> => {
    // A discriminator mapping may name another file too: the lint thread knows no ref policy but the default.
    thread = speculate && !externalMapping ? lintOnThread(loaded) : undefined;
    return thread?.problems ?? lintHere();
  };
  const finish = async (lintProblems: LintProblem[]): Promise<BundledSpec> => {
    let bundled:
      | Awaited<ReturnType<typeof bundleExternal>>
      | { bundle: { parsed: unknown }; problems: LintProblem[]; fileDependencies: Set<string> };
    let warnings: SpecError[];
    try {
      throwIfErrors(loaded, lintProblems, await refusals());
      warnings = warningsOf(loaded, lintProblems, await refusals());
      dropMistypedKeywords(loaded, parsed, lintProblems);
      // Bundling only pulls other files in: a document whose refs all start with `#` is its own bundle
      // (lint has resolved every ref already). On GitHub's spec that saves a second walk of 1 s.
      bundled = external
        ? await bundleExternal(await prepare(), loaded.file)
        : { bundle: { parsed }, problems: [], fileDependencies: new Set<string>() };
    } catch (error) {
      throw crossFileCycle(loaded, error);
    }
    throwIfErrors(loaded, bundled.problems, await refusals());
    const result = bundled.bundle.parsed as Record<string, unknown>;
    throwIfCycles(loaded, result);
    throwIfAllOfCycles(loaded, result);
    throwIfPathProblems(loaded, result);
    nullTypeAsUnion(result);
    const document = canonicalize(hoistDeepSchemaRefs(result), [literalRef, "$ref"]) as Record<string, unknown>;
    // Files only: a remote $ref's content is not tracked for "up to date" (--force fetches it again).
    const dependencies = [
      loaded.file,
      ...[...bundled.fileDependencies].filter((f) => f !== loaded.file && !/^https?:\/\//i.test(f)).sort(),
    ];
    const read = external ? (await prepare()).read : undefined;
    return { file: loaded.file, document, dependencies, read, openapiVersion, warnings };
  };

  // No rule reads the text of a description or summary, and problems point by JSON pointer: with the
  // rest of the document as it was, the last run's problems are this one's. (A document with other
  // files in it is linted afresh: their content is not in the key. A run whose lint found errors
  // fails, and a failed run is never remembered.)
  const problems = external
    ? lintHere()
    : memo.use("lint", () => memoKey(readiness.rules, loaded.file, proseFreeKey(loaded, parsed, literalRef)), lint);
  if (!thread) {
    const list = await problems.catch((error: unknown) => {
      throw crossFileCycle(loaded, error);
    });
    return { bundled: await finish(list), cancel: () => {} };
  }

  // Lint runs on a thread: what it finds must win over anything the document as it stands does below.
  const found = problems.then(
    (list) => list,
    () => undefined,
  );
  let tentative: BundledSpec;
  try {
    tentative = await finish([]);
  } catch (error) {
    const list = await found;
    // The thread failed, or lint drops a keyword the document failed on: as if there had been no thread.
    if (list === undefined || list.some((p) => isDroppable(loaded, p))) return validate(loaded, refPolicy, memo, false);
    throwIfErrors(loaded, list, new Map());
    throw error;
  }
  const confirmed = found.then((list) => {
    if (list === undefined) return undefined;
    throwIfErrors(loaded, list, new Map());
    if (list.some((p) => isDroppable(loaded, p))) return undefined;
    return { ...tentative, warnings: warningsOf(loaded, list, new Map()) };
  });
  confirmed.catch(() => {});
  return { bundled: tentative, confirmed, cancel: thread.cancel };
}

/**
 * The document redocly lints, made from the loaded one (`$ref`s that are names protected, `?query`
 * dropped from path keys, the version normalised): the same on a lint thread as here.
 */
export function lintedDocument(
  loaded: LoadedSpec,
  openapiVersion = checkVersion(loaded),
): { parsed: Record<string, unknown>; literalRef: string } {
  // A marker the document does not hold: restoring it must rename nothing of the spec's own.
  const literalRef = unusedMarker(LITERAL_REF_KEY, loaded.text);
  const parsed = {
    ...stripQueryFromPathKeys(protectLiteralRefs(loaded.document, literalRef).document),
    openapi: openapiVersion,
  };
  return { parsed, literalRef };
}

/** Findings at `warn` (the apigen/* readiness rules), as located errors in line order. */
function warningsOf(loaded: LoadedSpec, problems: LintProblem[], refusals: Refusals): SpecError[] {
  return problems
    .filter((p) => p.severity === "warn")
    .map((p) => {
      const error = problemToError(loaded, p, refusals);
      return new SpecError(error.location, `warning: ${error.message} [${p.ruleId}]`);
    })
    .sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
}

/** The prose-free key ({@link withoutProse}) of each loaded document's linted one, with what else made it. */
const proseFreeKeys = new WeakMap<object, { literalRef: string; openapi: unknown; key: string }>();

/**
 * A hash of {@link withoutProse} of `parsed` (the linted document of `loaded`, made with `literalRef`).
 * A watcher's save that only changed one `description` or `summary` string of the last pass's document
 * (json-reparse.ts) leaves it as it was: the last one is not worked out again (60 ms of GitHub's save).
 */
export function proseFreeKey(loaded: LoadedSpec, parsed: Record<string, unknown>, literalRef: string): string {
  const edit = loaded.edit;
  // The same document as last time (the same text loaded again), or that one with some prose edited.
  const last =
    proseFreeKeys.get(loaded.document) ?? (edit && isProse(edit.path) ? proseFreeKeys.get(edit.of) : undefined);
  const key =
    last !== undefined && last.literalRef === literalRef && last.openapi === parsed.openapi
      ? last.key
      : memoKey(withoutProse(parsed));
  proseFreeKeys.set(loaded.document, { literalRef, openapi: parsed.openapi, key });
  return key;
}

/**
 * A string {@link withoutProse} empties: a `description` or `summary`, not a name in a discriminator's
 * mapping (nor in an object a path key `mapping?...` holds, which is `mapping` once its query is dropped).
 */
function isProse(path: readonly (string | number)[]): boolean {
  const key = path.at(-1);
  const holder = path.at(-2);
  return (
    (key === "description" || key === "summary") &&
    holder !== "mapping" &&
    !(typeof holder === "string" && holder.startsWith("mapping?"))
  );
}

/**
 * The document as JSON with every `description` and `summary` string emptied (prose; a `mapping` of a
 * discriminator, whose values are refs, is kept whole).
 */
function withoutProse(document: Record<string, unknown>): string {
  const mappings = new WeakSet<object>();
  return JSON.stringify(document, function (this: unknown, key: string, value: unknown) {
    if (key === "mapping" && value !== null && typeof value === "object") mappings.add(value);
    if ((key === "description" || key === "summary") && typeof value === "string" && !mappings.has(this as object))
      return "";
    return value;
  });
}

function throwIfCycles(loaded: LoadedSpec, document: Record<string, unknown>): void {
  const cycles = findPureRefCycles(document);
  if (cycles.length === 0) return;
  const errors = cycles.map((cycle) =>
    locatedError(loaded, cycle.path, `$ref cycle with no schema in it: ${cycle.refs.join(" -> ")}`),
  );
  throw new SpecError(errors[0]!.location, errors[0]!.message, errors.slice(1));
}

function throwIfAllOfCycles(loaded: LoadedSpec, document: Record<string, unknown>): void {
  const errors = findAllOfCycles(document).map((cycle) =>
    locatedError(
      loaded,
      cycle.path,
      `allOf cycle: ${cycle.refs.join(" -> ")}; a schema cannot include itself (TypeScript rejects the type). Refer to it from a property instead, or drop the allOf member that closes the loop`,
    ),
  );
  if (errors.length === 0) return;
  throw new SpecError(errors[0]!.location, errors[0]!.message, errors.slice(1));
}

function throwIfPathProblems(loaded: LoadedSpec, document: Record<string, unknown>): void {
  const problems = [...checkPathTemplates(document), ...checkCallable(document)];
  const errors = problems.map((problem) => locatedError(loaded, problem.path, problem.message));
  if (errors.length === 0) return;
  throw new SpecError(errors[0]!.location, errors[0]!.message, errors.slice(1));
}

function checkVersion(loaded: LoadedSpec): string {
  const { document } = loaded;
  const raw = document.openapi;
  if (raw === undefined) {
    if (document.swagger !== undefined) {
      throw locatedError(
        loaded,
        ["swagger"],
        `Swagger ${String(document.swagger)} is not supported; convert the document to OpenAPI 3.0 or 3.1 first`,
      );
    }
    throw locatedError(loaded, [], 'missing the "openapi" version field; expected an OpenAPI 3.0 or 3.1 document');
  }
  if (typeof raw !== "string" && typeof raw !== "number") {
    const kind =
      raw === null ? "null" : Array.isArray(raw) ? "a list" : `a ${typeof raw === "object" ? "mapping" : typeof raw}`;
    throw locatedError(
      loaded,
      ["openapi"],
      `the "openapi" field must be a version string such as "3.1.0", not ${kind}`,
    );
  }
  // `openapi: 3.0` in YAML is the number 3; unambiguous enough to accept.
  const text = typeof raw === "number" ? (Number.isInteger(raw) ? `${raw}.0` : String(raw)) : String(raw);
  const match = /^3\.([01])(?:\.(\d+))?(-rc\d+)?$/.exec(text);
  if (!match) {
    throw locatedError(loaded, ["openapi"], `unsupported OpenAPI version "${text}"; expected 3.0.x or 3.1.x`);
  }
  return `3.${match[1]}.${match[2] ?? "0"}`;
}

/**
 * Every `$ref` keyword (not a property or other name that happens to be "$ref") must hold a string.
 * `external`: some ref points outside the document; `externalMapping`: some discriminator mapping does.
 */
function checkRefs(
  loaded: LoadedSpec,
  document: Record<string, unknown>,
): { external: boolean; externalMapping: boolean } {
  const path: string[] = [];
  let external = false;
  let externalMapping = false;
  // Depth is bounded by the loader (MAX_DEPTH), so plain recursion is safe; one shared path, copied only on error.
  const walk = (node: unknown, names: boolean): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        path.push(String(i));
        walk(item, false);
        path.pop();
      });
      return;
    }
    for (const key of Object.keys(node)) {
      const value: unknown = (node as Record<string, unknown>)[key];
      if (!names && key === "$ref" && typeof value !== "string") {
        const kind =
          value === null
            ? "null"
            : Array.isArray(value)
              ? "a list"
              : typeof value === "object"
                ? "a mapping"
                : `a ${typeof value}`;
        throw locatedError(
          loaded,
          [...path, key],
          `$ref must be a string such as "#/components/schemas/Thing", not ${kind}`,
        );
      }
      if (!names && key === "$ref" && !(value as string).startsWith("#")) external = true;
      if (key === "mapping" && path.at(-1) === "discriminator" && value !== null && typeof value === "object")
        externalMapping ||= Object.values(value).some((ref) => typeof ref === "string" && !ref.startsWith("#"));
      if (!names && key === "$ref" && hasStrayPercent(fragmentOf(value as string))) {
        // redocly (and any other tool reading openapi.json) percent-decodes the pointer and throws "URI malformed".
        throw locatedError(
          loaded,
          [...path, key],
          `$ref "${value as string}" has a \`%\` that does not begin a percent-encoded byte; write a literal % in a name as %25`,
        );
      }
      path.push(key);
      walk(value, !names && NAME_MAPS.has(key));
      path.pop();
    }
  };
  walk(document, false);
  return { external, externalMapping };
}

/** redocly's unlocated "circular pointer" error, as a cycle spanning files; any other error as it is. */
function crossFileCycle(loaded: LoadedSpec, error: unknown): unknown {
  return error instanceof Error && /circular pointer/i.test(error.message)
    ? new SpecError({ file: loaded.file }, `$ref cycle with no schema in it, across files (${error.message})`)
    : error;
}

/** The part of a `$ref` after `#` (empty when there is none). */
function fragmentOf(ref: string): string {
  const hash = ref.indexOf("#");
  return hash < 0 ? "" : ref.slice(hash + 1);
}

/** A `%` that does not begin a percent-encoded byte (`100%`, `%zz`). */
function hasStrayPercent(text: string): boolean {
  return /%(?![0-9A-Fa-f]{2})/.test(text);
}

function locatedError(loaded: LoadedSpec, path: readonly string[], message: string): SpecError {
  const position = loaded.locate(path);
  return new SpecError(
    { file: loaded.file, line: position?.line, column: position?.column, pointer: toPointer(path) },
    message,
  );
}

/**
 * Path segments of a pointer in a redocly problem. Unlike a `$ref`'s fragment it is
 * not percent-encoded (only `~` and `/` are escaped), so a path key holding `%20`
 * must not be decoded.
 */
function problemPath(pointer: string | undefined): string[] {
  return decodePlainPointer(pointer ?? "#");
}

/**
 * Structural problems that leave the meaning clear (a `nullable` without a
 * `type`, a missing description, an unexpected field) are tolerated: real
 * specs are full of them (GitHub's has over a hundred) and every tool copes.
 * A value of the wrong kind where an object belongs is not tolerated.
 */
function isFatal(problem: LintProblem): boolean {
  if (problem.severity !== "error") return false;
  if (problem.ruleId !== "struct") return true;
  const mistyped = mistypedValue(problem);
  return mistyped !== undefined && !mistyped.inExtension && !mistyped.tolerated;
}

/**
 * A value of the wrong kind (redocly's "Expected type ..."): where it is, whether it sits inside
 * an extension (`x-webhooks: { x-sdk-exclude: true }`: not the generator's to judge), and whether
 * it is a keyword no generated code reads (`pattern: 123`, 3.0-style `examples` in a 3.1 schema).
 */
function mistypedValue(problem: LintProblem): { path: string[]; inExtension: boolean; tolerated: boolean } | undefined {
  if (problem.ruleId !== "struct" || !problem.message.startsWith("Expected type")) return undefined;
  const path = problemPath(problem.where?.pointer);
  return {
    path,
    inExtension: path.some((segment) => segment.startsWith("x-")),
    tolerated: TOLERATED_KEYWORDS.has(path.at(-1) ?? ""),
  };
}

/**
 * The tolerated keywords of the wrong kind (`pattern: 123`, `description: 5`) are
 * removed from the document before bundling: every tool downstream takes them
 * for strings (openapi-typescript calls `.trim()` on a summary). Only in the
 * root document; `parsed` is the generator's own copy.
 */
function dropMistypedKeywords(loaded: LoadedSpec, parsed: Record<string, unknown>, problems: LintProblem[]): void {
  for (const problem of problems) {
    if (!isDroppable(loaded, problem)) continue;
    const { path } = mistypedValue(problem)!;
    const key = path.at(-1)!;
    let node: unknown = parsed;
    for (const segment of path.slice(0, -1))
      node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[segment] : undefined;
    if (node !== null && typeof node === "object" && !Array.isArray(node))
      delete (node as Record<string, unknown>)[key];
  }
}

/** A tolerated keyword of the wrong kind in the root document, which dropMistypedKeywords removes. */
function isDroppable(loaded: LoadedSpec, problem: LintProblem): boolean {
  const mistyped = mistypedValue(problem);
  return mistyped !== undefined && mistyped.tolerated && !mistyped.inExtension && problem.where?.file === loaded.file;
}

/** Keywords that only document or constrain values: the types and the client never read them. */
const TOLERATED_KEYWORDS = new Set([
  "description",
  "summary",
  "title",
  "pattern",
  "format",
  "example",
  "examples",
  "externalDocs",
  "xml",
  "$comment",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "contentMediaType",
  "contentEncoding",
]);

function throwIfErrors(loaded: LoadedSpec, problems: LintProblem[], refusals: Refusals): void {
  const errors = problems.filter(isFatal).map((p) => problemToError(loaded, p, refusals));
  if (errors.length === 0) return;
  errors.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
  throw new SpecError(errors[0]!.location, errors[0]!.message, errors.slice(1));
}

function problemToError(loaded: LoadedSpec, problem: LintProblem, refusals: Refusals): SpecError {
  const where = problem.where;
  const message = problemMessage(loaded, problem, refusals);
  if (!where) return new SpecError({ file: loaded.file }, message);
  const file = where.file;
  // redocly points a duplicate operationId at `<operation>/<the id>`; the key is `operationId`.
  const pointer =
    problem.ruleId === "operation-operationId-unique"
      ? where.pointer?.replace(/\/[^/]*$/, "/operationId")
      : where.pointer;
  if (file === loaded.file && pointer !== undefined) {
    let path = problemPath(pointer);
    let at = pointer;
    // redocly points an unresolved ref at the object that holds it; the `$ref` line is where the fix goes.
    if (problem.ruleId === "no-unresolved-refs" && typeof nodeAt(loaded.document, path)?.$ref === "string") {
      path = [...path, "$ref"];
      at = `${pointer}/$ref`;
    }
    const position = loaded.locate(path);
    return new SpecError({ file, line: position?.line, column: position?.column, pointer: at }, message);
  }
  return where.line === undefined
    ? new SpecError({ file, pointer }, message)
    : new SpecError({ file, line: where.line, column: where.column, pointer }, message);
}

function problemMessage(loaded: LoadedSpec, problem: LintProblem, refusals: Refusals): string {
  const text = problem.message.replace(/\.$/, "");
  const where = problem.where;
  if (problem.ruleId === "operation-operationId-unique") {
    const id = problemPath(where?.pointer).at(-1) ?? "";
    const first = operationUsing(loaded.document, id);
    return `duplicate operationId "${id}": ${first ? `${first} already uses it` : "another operation already uses it"}; every operationId must be unique`;
  }
  if (problem.ruleId !== "no-unresolved-refs") return text;
  const node: unknown = where?.file === loaded.file ? nodeAt(loaded.document, problemPath(where?.pointer)) : undefined;
  // A discriminator mapping's values are refs themselves (`mapping: { A: "models/a.yml" }`).
  const ref = typeof node === "string" ? node : (node as { $ref?: unknown } | undefined)?.$ref;
  if (typeof ref !== "string") return text.replace(/^Can't resolve \$ref/, "dangling $ref: cannot resolve it");
  const filePart = ref.split("#")[0]!;
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(filePart);
  if (filePart !== "" && where) {
    // As redocly's resolver works the target out: URLs as they are, paths from the referring file's folder, not decoded.
    const target = isUrl ? filePart : resolve(dirname(where.file), filePart);
    const refused = refusals.get(target);
    if (refused) return `$ref "${isUrl ? redactUrl(filePart) : filePart}" refused: ${refused}`;
    if (!isUrl && !existsSync(target))
      return `$ref to a file that does not exist: "${filePart}" (looked for ${target})`;
  }
  return `dangling $ref: nothing found at "${isUrl ? redactUrl(filePart) + ref.slice(filePart.length) : ref}"`;
}

/** The value at `path` in `document`, when there is one and it is a mapping or a scalar. */
function nodeAt(document: unknown, path: readonly string[]): Record<string, unknown> | undefined {
  let node = document;
  for (const segment of path) node = (node as Record<string, unknown> | null | undefined)?.[segment];
  return node as Record<string, unknown> | undefined;
}

/** `GET /things`: the first operation in document order with this operationId. */
function operationUsing(document: Record<string, unknown>, id: string): string | undefined {
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const [method, op] of Object.entries(item ?? {})) {
      if ((op as { operationId?: unknown } | null)?.operationId === id) return `${method.toUpperCase()} ${path}`;
    }
  }
  return undefined;
}
