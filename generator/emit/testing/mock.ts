/**
 * The package's test kit, `src/testing.ts` (export "./testing"), and the glue
 * between the runtime and the compiled validators, `src/validate.ts` (export
 * "./validate"). The mock itself is the runtime's (runtime/mock.ts, the same in
 * every package, so it is typechecked and reviewed once); testing.ts holds only
 * what is particular to the spec, which this module works out: one description
 * of each operation as the mock needs it to recognise and check a request, and a
 * default answer per operation taken from the spec's examples or sampled from
 * its schema.
 */
import type { ApiIR, JsonSchema, OperationIR, ResponseIR } from "../../ir/types.ts";
import { unique } from "../../shared/names.ts";
import { dataLiteral, literal } from "../code.ts";
import { Examples } from "../docs/examples.ts";
import { Schemas, nonNullBranches, typesOf } from "../docs/schema.ts";
import type { Templates } from "../templates.ts";
import { type CheckRequest, type CompiledValidators, isJsonType, primaryMedia } from "./validators.ts";

type Obj = Record<string, unknown>;

export async function emitTesting(
  ir: ApiIR,
  document: Obj,
  validators: CompiledValidators,
  templates: Templates,
  banner: string,
): Promise<{ testing: string; validate: string; testingShape: string }> {
  const schemas = new Schemas(ir);
  const examples = new Examples(ir, schemas, templates);
  const candidates = ir.operations.map((op) => candidateAnswer(op, document, examples));
  // Checked in one batch: validators compiled on another thread answer there (validators-job.ts).
  const checks = candidates.flatMap((c) => (c?.check ? [c.check] : []));
  const verdicts = new Map(checks.map((check, i) => [check, i]));
  const answers = await validators.checkAll(checks);
  const mutualTls = new Set(ir.securitySchemes.filter((s) => s.type === "mutualTLS").map((s) => s.key));
  const operations = ir.operations.map((op, i) => ({
    id: op.id,
    method: op.method.toUpperCase(),
    path: op.path,
    parameters: op.parameters
      .filter((p) => p.in !== "cookie")
      .map((p) => ({
        name: p.name,
        in: p.in,
        type: scalarType(schemas, p.schema),
        items: itemType(schemas, p.schema),
        style: p.style,
        explode: p.explode,
      })),
    security: op.security.map((r) => r.schemes.map((s) => s.key).filter((key) => !mutualTls.has(key))),
    bodyTypes: op.requestBody?.content.map((m) => m.contentType) ?? [],
    responses: Object.fromEntries(op.responses.map((r) => [r.status, primaryMedia(r.content)?.contentType ?? null])),
    answer: checkedAnswer(candidates[i], (check) => answers[verdicts.get(check)!]),
  }));
  const schemes = Object.fromEntries(
    ir.securitySchemes.flatMap((s) =>
      s.type === "mutualTLS"
        ? []
        : [
            [
              s.key,
              s.type === "apiKey"
                ? { type: s.type, in: s.in, name: s.name }
                : s.type === "http"
                  ? { type: s.type, scheme: s.scheme.toLowerCase() }
                  : { type: s.type },
            ],
          ],
    ),
  );
  const mockNames = mockTagProperties(ir.tags.map((t) => t.propertyName));
  const view = {
    banner,
    mockTypeName: `${ir.clientTypeName}Mock`,
    factoryName: ir.factoryName,
    packageName: ir.packageName,
    // testing.ts is not held to prettier's layout (its template is not): entries break at the width alone.
    specLiteral: dataLiteral({ operations, schemes }),
    tags: ir.tags.map((tag) => ({
      propertyName: mockNames.get(tag.propertyName)!,
      propertyLiteral: literal(mockNames.get(tag.propertyName)!),
      operations: tag.operationIds.map((id) => {
        const op = ir.operations.find((o) => o.id === id)!;
        return { methodName: op.methodName, idLiteral: literal(op.id) };
      }),
    })),
  };
  return {
    testing: templates.render("client/testing.ts.hbs", view),
    // `spec` is not exported and its type is written out, so its value (most of the file: 2 MB on
    // GitHub's spec) shapes no declaration: dist's testing.d.ts is made from this text (emit/dist.ts).
    testingShape: templates.render("client/testing.ts.hbs", { ...view, specLiteral: "{}" }),
    validate: templates.render("client/testing-validate.ts.hbs", {
      banner,
      factoryName: ir.factoryName,
      clientTypeName: ir.clientTypeName,
      packageName: ir.packageName,
    }),
  };
}

/** The mock's own members; a tag with one of these names (SureVoIP's `calls`) gets a numbered property on the mock only. */
const MOCK_MEMBERS = ["fetch", "calls", "reset"];

function mockTagProperties(clientNames: string[]): Map<string, string> {
  const taken = new Set([...MOCK_MEMBERS, ...clientNames]);
  return new Map(clientNames.map((name) => [name, MOCK_MEMBERS.includes(name) ? unique(name, taken) : name]));
}

/** How the mock reads a parameter's text back into a value: the first type its schema names. */
function scalarType(schemas: Schemas, schema: JsonSchema): string {
  let s = schemas.resolve(schema);
  for (let i = 0; i < 8 && typesOf(s).length === 0; i++) {
    const branch = nonNullBranches(s)[0];
    if (branch === undefined) break;
    s = schemas.resolve(branch);
  }
  return typesOf(s)[0] ?? "string";
}

function itemType(schemas: Schemas, schema: JsonSchema): string | undefined {
  const s = schemas.resolve(schema);
  return typesOf(s)[0] === "array" && s.items !== null && typeof s.items === "object"
    ? scalarType(schemas, s.items as JsonSchema)
    : undefined;
}

/**
 * What the mock answers when a test set no handler: the first success response,
 * with the spec's example for it or, failing that, a value built from its schema.
 * Either is checked against the schema here, so an answer the real API could not
 * give is never written; it is left out instead (the mock then says so).
 */
function candidateAnswer(op: OperationIR, document: Obj, examples: Examples) {
  const response = op.responses.find((r) => /^2/.test(r.status)) ?? op.responses[0];
  if (response === undefined) return undefined;
  const status = /^\d{3}$/.test(response.status)
    ? Number(response.status)
    : response.status === "default"
      ? 200
      : Number(response.status[0]) * 100;
  const media = primaryMedia(response.content);
  if (media === undefined) return { status };
  const given = specExample(document, op, response, media.contentType);
  const body =
    given !== undefined
      ? given
      : media.schema === undefined
        ? undefined
        : examples.value(media.schema, "value", "response");
  if (body === undefined || !isJsonType(media.contentType)) return { status };
  const check: CheckRequest = [op.id, response.status, body];
  return { status, body, check };
}

/** The candidate as written: its body when the check passed, else what was wrong with it. */
function checkedAnswer(
  candidate: ReturnType<typeof candidateAnswer>,
  verdict: (check: CheckRequest) => string | undefined,
) {
  if (candidate?.check === undefined) return candidate;
  const { status, body, check } = candidate;
  const problem = verdict(check);
  return problem === undefined ? { status, body } : { status, invalid: problem };
}

function specExample(document: Obj, op: OperationIR, response: ResponseIR, contentType: string): unknown {
  const at = (value: unknown, ...keys: string[]): unknown => {
    for (const key of keys)
      value =
        value !== null && typeof value === "object" && Object.hasOwn(value, key) ? (value as Obj)[key] : undefined;
    return value;
  };
  const media = at(document, "paths", op.path, op.method, "responses", response.status, "content", contentType);
  const example = at(media, "example");
  if (example !== undefined) return example;
  const first = Object.values((at(media, "examples") ?? {}) as Obj)[0];
  return at(first, "value");
}
