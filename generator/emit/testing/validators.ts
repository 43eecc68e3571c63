/**
 * `src/validators.js` of a package: one compiled JSON Schema validator per
 * operation request and per declared response, written as plain JavaScript by
 * ajv's standalone code generation at generation time. The package never
 * depends on ajv: the output is checked to import nothing.
 *
 * A request is validated as one object, `{ path, query, header, body }`
 * (header names lower-cased), so an error's JSON pointer reads
 * `/query/filter[location]` or `/body/data/type`. All of them are compiled from
 * one document (schema-document.ts): each component schema an operation reaches
 * becomes one function, shared by every validator that refers to it.
 * String formats (FORMATS) are checked: they compile to regular expression literals.
 *
 * Only JSON bodies are checked in full. A multipart/form-data or
 * x-www-form-urlencoded request body is checked for its required fields (the
 * validators see the field names, not the parts' values, which arrive as text or
 * files); any other non-JSON body (bytes, text) and non-JSON responses are not checked.
 */
import { createRequire } from "node:module";
import type { ApiIR, MediaIR, OperationIR } from "../../ir/types.ts";
import { literal } from "../code.ts";
import { Schemas } from "../docs/schema.ts";
import { FORMATS } from "./formats.ts";
import { SchemaDocument, named } from "./schema-document.ts";
import { standaloneModule } from "./standalone.ts";

export interface CompiledValidators {
  /** The JavaScript module. */
  code: string;
  /** Its declarations. */
  declarations: string;
  /**
   * What {@link CompiledValidators.check} answered so far, by operation, status and value (null: valid).
   * Plain data, kept with the code by a memo, so that a later run with the same inputs checks the same
   * values without compiling anything ({@link withCheck}).
   */
  checked: Record<string, string | null>;
  /** Validates a value at generation time (the mock's default answers are checked before they are written). */
  check(kind: "response", operationId: string, status: string, value: unknown): string | undefined;
  /**
   * {@link check} for many values at once, answered in order: validators compiled on a worker thread
   * (validators-job.ts) answer them there, in one exchange, instead of being compiled again here.
   */
  checkAll(requests: readonly CheckRequest[]): Promise<(string | undefined)[]>;
}

/** One value to check: against the response schema of an operation and status. */
export type CheckRequest = readonly [operationId: string, status: string, value: unknown];

/**
 * Checks values on the thread that compiled the validators: a null answer is valid, like
 * {@link CompiledValidators.checked}'s.
 */
export type RemoteCheck = (requests: CheckRequest[]) => Promise<(string | null)[]>;

/** The part of {@link CompiledValidators} that is plain data: what a memo on disk keeps of them. */
export type StoredValidators = Omit<CompiledValidators, "check" | "checkAll">;

/**
 * Validators whose `check` lost its compiled functions (a memo on disk keeps plain data): answers
 * from `checked`, and for a value not checked before, from the schemas compiled then, as
 * {@link compileValidators} compiles them. Validators that can check are returned as they are.
 */
export function withCheck(
  stored: StoredValidators | CompiledValidators,
  inputs: ValidatorInputs,
  remote?: RemoteCheck,
): CompiledValidators {
  if ("check" in stored && typeof stored.check === "function") return stored;
  let ajv: AjvInstance | undefined;
  const check = checker(stored.checked, inputs, () => (ajv ??= newAjv(inputs, loadAjv())));
  return { ...stored, check, checkAll: remote ? askFirst(stored.checked, check, remote) : checkEach(check) };
}

/** {@link CompiledValidators.checkAll} by `check`, one value after another. */
function checkEach(check: CompiledValidators["check"]): CompiledValidators["checkAll"] {
  return (requests) => Promise.resolve(requests.map(([id, status, value]) => check("response", id, status, value)));
}

/**
 * {@link CompiledValidators.checkAll} that sends the values `checked` does not answer to `remote` in one
 * batch and records its answers there, so that `check` (and a memo that keeps `checked`) has them.
 */
function askFirst(
  checked: Record<string, string | null>,
  check: CompiledValidators["check"],
  remote: RemoteCheck,
): CompiledValidators["checkAll"] {
  return async (requests) => {
    const unknown = requests.filter(([id, status, value]) => !Object.hasOwn(checked, checkId(id, status, value)));
    if (unknown.length > 0) {
      const answers = await remote(unknown);
      unknown.forEach(([id, status, value], i) => (checked[checkId(id, status, value)] = answers[i] ?? null));
    }
    return requests.map(([id, status, value]) => check("response", id, status, value));
  };
}

/** The key of a checked value in {@link CompiledValidators.checked}. */
function checkId(operationId: string, status: string, value: unknown): string {
  // Non-finite numbers (YAML's .inf, .nan) spelt out: JSON would make them null, a different value.
  return JSON.stringify([operationId, status, value], (_key, v: unknown) =>
    typeof v === "number" && !Number.isFinite(v) ? `\u0000${v}` : v,
  );
}

type Obj = Record<string, unknown>;

/** The media type whose schema a validator checks: JSON first, as the client sends and parses JSON. */
export function primaryMedia(content: MediaIR[]): MediaIR | undefined {
  return content.find((m) => isJsonType(m.contentType)) ?? content[0];
}

export function isJsonType(type: string): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(type) || type === "*/*";
}

/** Bodies sent as named fields: checked for the fields they require only. */
export function isFormType(type: string): boolean {
  return /^(?:multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type);
}

export async function emitValidators(ir: ApiIR, document: Obj): Promise<CompiledValidators> {
  return compileValidators(validatorInputs(ir, document));
}

/** The options the validators are compiled with (the standalone test compiles with them too). */
export const AJV_OPTIONS = {
  strict: false,
  logger: false as const,
  validateSchema: false,
  validateFormats: true,
  formats: FORMATS,
  unicode: false,
  allErrors: false,
  // Each referenced schema is one function, called where it is used: inlined copies made
  // GitHub's validators 35 MB, and ajv's compile time grows with the code it writes.
  inlineRefs: false,
  // ajv's pass that drops unused names and inlines constants was two fifths of its compile
  // time on GitHub's spec for a tenth of the code's size; V8 does that work when the code runs.
  code: { source: true, esm: true, lines: false, optimize: false },
};

/** The id the schema document is registered under in ajv. */
const DOCUMENT = "spec";

/**
 * Everything ajv is given, in order: the output is a function of this alone,
 * so a watcher keys its memo by a hash of it (annotations are stripped before
 * ajv sees them, so an edited description leaves it as it was).
 */
export interface ValidatorInputs {
  openapi30: boolean;
  /**
   * Schemas registered with ajv, by name: one, `spec`, holding the exported
   * request and response schemas and the parts of the spec they reach (schema-document.ts).
   */
  schemas: [string, Obj][];
  /** Export name by operationId; equal schemas share one export. */
  requests: [string, string][];
  responses: [string, [string, string][]][];
}

export function validatorInputs(ir: ApiIR, document: Obj): ValidatorInputs {
  const schemas = new SchemaDocument(document);
  const requests: [string, string][] = [];
  const responses: [string, [string, string][]][] = [];
  let n = 0;
  const resolver = new Schemas(ir);
  for (const op of ir.operations) {
    requests.push([op.id, schemas.export(`q${n++}`, requestSchema(op, resolver, schemas))]);
    const statuses: [string, string][] = [];
    for (const response of op.responses) {
      const media = primaryMedia(response.content);
      // The client hands back a Blob, stream or text for other media: nothing a JSON Schema describes.
      if (media?.schema === undefined || !isJsonType(media.contentType)) continue;
      statuses.push([response.status, schemas.export(`s${n++}`, schemas.copy(media.schema))]);
    }
    responses.push([op.id, statuses]);
  }
  return { openapi30: /^3\.0/.test(ir.openapiVersion), schemas: [[DOCUMENT, schemas.root]], requests, responses };
}

type AjvInstance = import("ajv").default;
type AjvClasses = { draft7: typeof import("ajv").default; draft2020: typeof import("ajv/dist/2020.js").default };

/** ajv's classes, loaded synchronously (withCheck's `check` must answer at once). */
function loadAjv(): AjvClasses {
  const require = createRequire(import.meta.url);
  const draft7 = require("ajv") as { default: AjvClasses["draft7"] };
  const draft2020 = require("ajv/dist/2020.js") as { default: AjvClasses["draft2020"] };
  return { draft7: draft7.default, draft2020: draft2020.default };
}

function newAjv(inputs: ValidatorInputs, classes: AjvClasses): AjvInstance {
  const ajv = inputs.openapi30 ? new classes.draft7(AJV_OPTIONS) : new classes.draft2020(AJV_OPTIONS);
  for (const [name, schema] of inputs.schemas) ajv.addSchema(schema, name);
  return ajv;
}

/** `check`, answering from `checked` first and recording every new answer there. */
function checker(
  checked: Record<string, string | null>,
  inputs: ValidatorInputs,
  ajv: () => AjvInstance,
): CompiledValidators["check"] {
  const compiled = new Map<string, (v: unknown) => boolean>();
  return (_kind, operationId, status, value) => {
    const id = checkId(operationId, status, value);
    if (Object.hasOwn(checked, id)) return checked[id] ?? undefined;
    const key = inputs.responses.find(([op]) => op === operationId)?.[1].find(([s]) => s === status)?.[1];
    if (key === undefined) return undefined;
    let validate = compiled.get(key);
    if (validate === undefined) {
      validate = ajv().getSchema(SchemaDocument.key(DOCUMENT, key)) as unknown as (v: unknown) => boolean;
      compiled.set(key, validate);
    }
    let answer: string | undefined;
    if (!validate(value)) {
      const error = (validate as unknown as { errors?: { instancePath: string; message?: string }[] }).errors?.[0];
      answer = `${error?.instancePath || "/"} ${error?.message ?? "does not match"}`;
    }
    checked[id] = answer ?? null;
    return answer;
  };
}

export async function compileValidators(inputs: ValidatorInputs): Promise<CompiledValidators> {
  const { requests, responses } = inputs;
  const [ajvDraft7, ajv2020] = await Promise.all([import("ajv"), import("ajv/dist/2020.js")]);
  // CommonJS modules whose export is both `module.exports` and its `default`: `.default.default` is it either way.
  const ajv = newAjv(inputs, { draft7: ajvDraft7.default.default, draft2020: ajv2020.default.default });
  const exportNames = Object.fromEntries([
    ...requests.map(([, k]) => [k, SchemaDocument.key(DOCUMENT, k)]),
    ...responses.flatMap(([, s]) => s.map(([, k]) => [k, SchemaDocument.key(DOCUMENT, k)])),
  ]);
  let code = Object.keys(exportNames).length === 0 ? "" : await standaloneModule(ajv, exportNames);
  code = inlineRuntime(code);
  const table = [
    "/** Request validators by operationId: each checks `{ path, query, header, body }`. */",
    `export const requestValidators = {${requests.map(([id, k]) => `\n  ${literal(id)}: ${k},`).join("")}\n};`,
    '/** Response body validators by operationId, then by declared status ("200", "4XX", "default"). */',
    `export const responseValidators = {${responses.map(([id, s]) => `\n  ${literal(id)}: {${s.map(([status, k]) => ` ${literal(status)}: ${k},`).join("")} },`).join("")}\n};`,
  ].join("\n");
  const banner =
    "// Generated by apigen with ajv's standalone code generation. Do not edit: change the spec and regenerate.";
  const declarations = [
    banner,
    "/** One failure, as ajv reports it: where (a JSON pointer into the checked value) and what was expected. */",
    "export interface SchemaError {",
    "  instancePath: string;",
    "  keyword: string;",
    "  params: Record<string, unknown>;",
    "  message?: string;",
    "}",
    "/** A compiled validator: true when the value matches; otherwise `errors` holds the first failure. */",
    "export interface CompiledValidator {",
    "  (value: unknown): boolean;",
    "  errors?: SchemaError[] | null;",
    "}",
    "export declare const requestValidators: Readonly<Record<string, CompiledValidator>>;",
    "export declare const responseValidators: Readonly<Record<string, Readonly<Record<string, CompiledValidator>>>>;",
    "",
  ].join("\n");
  // Evaluated once here, so the generator can check the mock's default answers with the same code.
  const checked: Record<string, string | null> = {};
  const check = checker(checked, inputs, () => ajv);
  return {
    code: `${banner}\n${code.replace(/^"use strict";/, "")}\n${table}\n`,
    declarations,
    checked,
    check,
    checkAll: checkEach(check),
  };
}

/** The request of an operation as one JSON Schema over `{ path, query, header, body }`. */
function requestSchema(op: OperationIR, schemas: Schemas, document: SchemaDocument): Obj {
  const group = (place: "path" | "query" | "header") => {
    const params = op.parameters.filter((p) => p.in === place);
    const key = (name: string) => (place === "header" ? name.toLowerCase() : name);
    const properties = named(params.map((p) => [key(p.name), document.copy(p.schema)]));
    return { type: "object", properties, required: params.filter((p) => p.required).map((p) => key(p.name)) };
  };
  const media = op.requestBody && primaryMedia(op.requestBody.content);
  const properties: Obj = { path: group("path"), query: group("query"), header: group("header") };
  if (media?.schema !== undefined && isJsonType(media.contentType)) properties.body = document.copy(media.schema);
  else if (media?.schema !== undefined && isFormType(media.contentType)) {
    const required = schemas.resolve(media.schema).required;
    properties.body = { type: "object", required: Array.isArray(required) ? required : [] };
  }
  return { type: "object", properties, required: op.requestBody?.required ? ["body"] : [] };
}

/**
 * ajv's code `require`s small helpers from its runtime for some keywords;
 * the deep equality one (enum/const of objects, uniqueItems) is written in
 * place. Anything else left would make ajv a runtime dependency: a generator bug.
 */
function inlineRuntime(code: string): string {
  const equal = /const (\w+) = require\("ajv\/dist\/runtime\/equal"\)\.default;/g;
  code = code.replace(equal, (_m, name: string) => `const ${name} = ${DEEP_EQUAL};`);
  if (/require\(/.test(code))
    throw new Error(`generator bug: compiled validators still require a module: ${/require\([^)]*\)/.exec(code)?.[0]}`);
  return code;
}

const DEEP_EQUAL =
  'function equal(a, b) { if (a === b) return true; if (a && b && typeof a === "object" && typeof b === "object") { if (Array.isArray(a) !== Array.isArray(b)) return false; const ka = Object.keys(a); if (ka.length !== Object.keys(b).length) return false; return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equal(a[k], b[k])); } return a !== a && b !== b; }';
