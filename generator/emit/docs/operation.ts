import type {
  ApiIR,
  JsonSchema,
  MediaIR,
  OperationIR,
  ResponseIR,
  SecurityRequirementIR,
  TagIR,
} from "../../ir/types.ts";
import { codeCell, codeSpan, fence, lineCount, link, prose, proseCell, proseLine, text } from "../markdown.ts";
import { curlCommand } from "./curl.ts";
import type { Examples } from "./examples.ts";
import { type TableView, fieldRows, fieldsTable, joinSentences, nestedObject, table } from "./tables.ts";
import { type Where, constraints, enumValues, typeLabel } from "./types.ts";
import { DEFAULT_RETRY, IDEMPOTENT_METHODS } from "../../runtime/retry.ts";
import { pagePositionParam, pageSizeParam } from "../../ir/pagination.ts";

/**
 * The view of one operation on its tag page (`_operation.md.hbs`). Anchor
 * keys (`op:<n>`, `auth:<n>`, `readme:*`) are resolved to GitHub anchors by
 * anchors.ts once every page is rendered.
 */

/** The runtime's default retry statuses. */
const RETRY_STATUSES: readonly number[] = DEFAULT_RETRY.statuses;

export function operationKey(ir: ApiIR, op: OperationIR): string {
  return `op:${ir.operations.indexOf(op)}`;
}

/** The code samples of one operation: the TypeScript call and the curl command, from the same values. */
export interface CodeSamples {
  typescript: string;
  curl: string;
}

export function codeSamples(ir: ApiIR, op: OperationIR, tag: TagIR, examples: Examples): CodeSamples {
  return {
    typescript: examples.operation(op, tag),
    curl: curlCommand(ir, op, examples),
  };
}

export function operationView(
  ir: ApiIR,
  op: OperationIR,
  tag: TagIR,
  where: Where,
  examples: Examples,
  samples: CodeSamples,
  shown: ShownSamples,
) {
  const success = op.responses.filter((r) => /^2/.test(r.status));
  const errors = op.responses.filter((r) => !/^[123]/.test(r.status));
  const params = op.parameters.length > 0 || op.requestBody?.required === true;
  const paramsRequired = op.parameters.some((p) => p.required) || op.requestBody?.required === true;
  const call = `api.${tag.propertyName}.${op.methodName}(${params ? (paramsRequired ? "params" : "params?") : ""}${params ? ", " : ""}options?)`;
  return {
    heading: op.methodName,
    key: operationKey(ir, op),
    deprecated: op.deprecated,
    summary: proseLine(op.summary),
    description: prose(op.description),
    request: codeSpan(`${op.method.toUpperCase()} ${op.path}`),
    operationId: codeSpan(op.id),
    call: codeSpan(call),
    returns: returnsText(success, where),
    example: fence(samples.typescript, "ts"),
    curl: fence(samples.curl, "sh"),
    parameters: parametersTable(op, where),
    requestBody: requestBodyView(op, where, examples),
    responses: responsesTable(op.responses, where),
    responseExamples: responseExamples(ir, op, examples, where, shown),
    errors: errorsView(op, errors, where),
    authorization: authorizationLines(ir, op.security),
    requestContentTypes: op.requestBody
      ? op.requestBody.content.map((m) => codeSpan(m.contentType)).join(", ")
      : "none (no request body)",
    requestContentNote:
      (op.requestBody?.content.length ?? 0) > 1
        ? `(the client sends ${codeSpan(op.requestBody!.content[0]!.contentType)}, the first one listed)`
        : "",
    responseContentTypes: responseContentTypes(op.responses),
    pagination: op.pagination ? paginationView(op, tag, examples) : null,
    retries: retriesText(op, errors),
  };
}

function returnsText(success: ResponseIR[], where: Where): string {
  const withBody = success.filter((r) => r.content.length > 0);
  if (withBody.length === 0) {
    const codes = success.map((r) => r.status).join(", ") || "2xx";
    return `nothing; the promise resolves to \`undefined\` (the ${text(codes)} answer has no body).`;
  }
  const parts = withBody.map((r) => {
    const labels = [
      ...new Set(r.content.map((m) => (m.schema ? typeLabel(m.schema, where, true) : "the raw body (text)"))),
    ];
    return `the ${text(r.status)} body, ${labels.join(" or ")}`;
  });
  const bodiless = success.filter((r) => r.content.length === 0).map((r) => r.status);
  const tail = bodiless.length > 0 ? `; \`undefined\` for ${text(bodiless.join(", "))}` : "";
  return `${parts.join("; or ")}${tail}.`;
}

interface ParamRow {
  name: string;
  in: string;
  schema: JsonSchema;
  required: boolean;
  description: string;
}

function parametersTable(op: OperationIR, where: Where): TableView | null {
  const rows: ParamRow[] = op.parameters.map((p) => ({
    name: p.name,
    in: p.in,
    schema: p.schema,
    required: p.required,
    description: joinSentences(
      proseCell(p.description),
      p.deprecated ? "Deprecated." : "",
      pageSizeParam(op.pagination) === p.name ? "Page size; the pager keeps it." : "",
      pagePositionParam(op.pagination) === p.name ? "Where the page starts; the pager advances it." : "",
    ),
  }));
  return table(rows, [
    { title: "Name", cell: (r) => codeCell(r.name) },
    { title: "In", cell: (r) => r.in },
    { title: "Type", cell: (r) => typeLabel(r.schema, where, true) },
    { title: "Required", cell: (r) => (r.required ? "yes" : "no") },
    { title: "Enum values", cell: (r) => enumValues(r.schema, where), optional: true },
    { title: "Constraints", cell: (r) => constraints(where.schemas.resolve(r.schema)), optional: true },
    { title: "Description", cell: (r) => r.description },
  ]);
}

function requestBodyView(op: OperationIR, where: Where, examples: Examples) {
  const body = op.requestBody;
  if (!body) return null;
  const first = body.content.find((m) => m.schema !== undefined);
  // The body's fields, even when its schema is a named model: the page should say what to send.
  const nested = first?.schema ? nestedObject(where.schemas.resolve(first.schema), where) : undefined;
  return {
    required: body.required ? "Required." : "Optional.",
    description: prose(body.description),
    media: table(body.content, [
      { title: "Content type", cell: (m) => codeCell(m.contentType) },
      { title: "Schema", cell: (m) => (m.schema ? typeLabel(m.schema, where, true) : "any") },
    ]),
    fields: nested && nested.suffix === "." ? fieldsTable(fieldRows(nested.schema, where), where) : null,
    example: jsonFence(body.content[0], examples.request(op).body),
  };
}

function responsesTable(responses: ResponseIR[], where: Where): TableView | null {
  const rows = responses.flatMap((r): { r: ResponseIR; media: MediaIR | undefined }[] =>
    r.content.length === 0 ? [{ r, media: undefined }] : r.content.map((media) => ({ r, media })),
  );
  return table(rows, [
    { title: "Status", cell: ({ r }) => codeCell(r.status) },
    { title: "Description", cell: ({ r }) => proseCell(r.description) },
    { title: "Content type", cell: ({ media }) => (media ? codeCell(media.contentType) : "none") },
    {
      title: "Body",
      cell: ({ media }) => (media === undefined ? "none" : media.schema ? typeLabel(media.schema, where, true) : "any"),
    },
    { title: "Headers", cell: ({ r }) => r.headers.map((h) => codeCell(h.name)).join(", "), optional: true },
  ]);
}

/** Above this many lines, a sample that is a model's own is shown once, on the model's page, not on every operation. */
const INLINE_SAMPLE_LINES = 100;

/** From this many lines on, a response sample already shown on the page is linked to rather than repeated. */
const SHARED_SAMPLE_LINES = 20;

/** The response samples shown so far on one page: JSON text -> the operation and status it was shown for. */
export type ShownSamples = Map<string, { op: OperationIR; status: string }>;

/**
 * A JSON sample of each declared response that has a JSON body (errors
 * included), headed by its status. Two kinds of long sample are not printed
 * again and again (GitHub's repositories and pull requests run to hundreds
 * of lines, and their operations share them): one made for a named model, or
 * an array of one, links to the model page's example; one already shown on
 * the page (operations sharing the spec's example) links to where it is.
 */
function responseExamples(
  ir: ApiIR,
  op: OperationIR,
  examples: Examples,
  where: Where,
  shown: ShownSamples,
): { heading: string; json: string }[] {
  const out: { heading: string; json: string }[] = [];
  for (const r of op.responses) {
    const media = r.content.find((m) => isJsonType(m.contentType));
    if (media === undefined) continue;
    const heading = `Response ${text(r.status)}`;
    const given = "example" in media;
    const value = given ? media.example : examples.value(media.schema, "body", "response");
    const json = jsonFence(media, value);
    if (json === "") continue;
    const lines = lineCount(json);
    const items = given ? undefined : arrayItems(media.schema);
    const model = given ? undefined : where.schemas.modelOf(items ?? media.schema);
    if (model !== undefined && lines > INLINE_SAMPLE_LINES) {
      const name = link(text(model.name), `${where.modelsHref}${model.slug}.md#⟪model-json:${model.slug}⟫`);
      out.push({ heading, json: `${items ? "An array of" : "A"} ${name}: see the example JSON on its page.` });
      continue;
    }
    const earlier = lines >= SHARED_SAMPLE_LINES ? shown.get(json) : undefined;
    if (earlier !== undefined) {
      // Of this operation: no "above", since the site shows the responses as tabs side by side.
      const of =
        earlier.op === op ? "" : ` of ${link(text(earlier.op.methodName), `#⟪${operationKey(ir, earlier.op)}⟫`)}`;
      out.push({ heading, json: `The same JSON as the ${codeSpan(earlier.status)} response${of}.` });
      continue;
    }
    if (lines >= SHARED_SAMPLE_LINES) shown.set(json, { op, status: r.status });
    out.push({ heading, json });
  }
  return out;
}

/** The item schema of an array schema (`type: array` with `items`), if that is what it is. */
function arrayItems(schema: JsonSchema | undefined): JsonSchema | undefined {
  return schema?.type === "array" && schema.items !== null && typeof schema.items === "object"
    ? (schema.items as JsonSchema)
    : undefined;
}

/** A fenced JSON block of a value sent or received as `media`, or "" when it is not JSON or there is no value. */
function jsonFence(media: MediaIR | undefined, value: unknown): string {
  if (media === undefined || value === undefined || !isJsonType(media.contentType)) return "";
  return fence(JSON.stringify(value, null, 2), "json");
}

export function isJsonType(contentType: string): boolean {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || type.endsWith("+json");
}

function errorsView(op: OperationIR, errors: ResponseIR[], where: Where) {
  // One row per body type: error answers usually share one envelope.
  const groups = new Map<string, string[]>();
  for (const r of errors) {
    const label = bodyLabel(r, where);
    groups.set(label, [...(groups.get(label) ?? []), r.status]);
  }
  const rows = table(
    [...groups],
    [
      { title: "Status", cell: ([, statuses]) => statuses.map(codeCell).join(", ") },
      { title: "`error.body`", cell: ([label]) => label },
    ],
  );
  const hasDefault = errors.some((r) => r.status === "default");
  return {
    table: rows,
    rest: hasDefault
      ? "The `default` row covers every other non-2xx status."
      : errors.length > 0
        ? "Any other non-2xx status also rejects with `ApiError`, with `error.body` typed `unknown`."
        : "The spec declares no error responses for this operation: any non-2xx status rejects with `ApiError`, with `error.body` typed `unknown`.",
    guard: codeSpan(`isApiError(error, ${JSON.stringify(op.id)})`),
  };
}

function bodyLabel(r: ResponseIR, where: Where): string {
  if (r.content.length === 0) return "`undefined`";
  return [...new Set(r.content.map((m) => (m.schema ? typeLabel(m.schema, where, true) : "text")))].join(" or ");
}

export function authorizationLines(ir: ApiIR, security: SecurityRequirementIR[]): string[] {
  if (security.length === 0) return ["None: the operation needs no credentials."];
  return security.map((requirement) => {
    if (requirement.schemes.length === 0) return "No credentials (anonymous access is allowed).";
    return requirement.schemes
      .map((s) => {
        const index = ir.securitySchemes.findIndex((x) => x.key === s.key);
        const name = index === -1 ? text(s.key) : link(text(s.key), `../README.md#⟪auth:${index}⟫`);
        return s.scopes.length > 0 ? `${name} with scopes ${s.scopes.map(codeSpan).join(", ")}` : name;
      })
      .join(" and ");
  });
}

function responseContentTypes(responses: ResponseIR[]): string {
  const types = [...new Set(responses.flatMap((r) => r.content.map((m) => m.contentType)))];
  return types.length === 0 ? "none (no response has a body)" : types.map(codeSpan).join(", ");
}

function paginationView(op: OperationIR, tag: TagIR, examples: Examples) {
  const pg = op.pagination!;
  const pointer = (path: string[]) => codeSpan(path.join("."));
  const base = `api.${tag.propertyName}.${op.methodName}`;
  const walk = `${codeSpan(`${base}.pages(params)`)} yields every page and ${codeSpan(`${base}.items(params)`)} every element of ${pg.itemsPath.length === 0 ? "the body" : pointer(pg.itemsPath)}, `;
  const started: Record<typeof pg.style, string> = {
    offset:
      pg.style === "offset"
        ? `sized by the ${codeSpan(pg.limitParam)} query parameter and started at ${codeSpan(pg.offsetParam)}`
        : "",
    page: pg.style === "page" ? `numbered by the ${codeSpan(pg.pageParam)} query parameter` : "",
    cursor: pg.style === "cursor" ? `continued from the ${codeSpan(pg.cursorParam)} query parameter` : "",
    link: "linked to the next by the response's `Link` header",
  };
  const until: Record<typeof pg.style, string> = {
    offset: `requesting the next page until the offset reaches ${pg.style === "offset" && pg.totalPath ? pointer(pg.totalPath) : "the total"} or a page comes back short or empty.`,
    page: "requesting the next page number until a page comes back empty or the last page is reached.",
    cursor: `requesting the next page with the cursor at ${pg.style === "cursor" ? pointer(pg.nextPath) : ""} until there is none.`,
    link: 'requesting the `rel="next"` URL until there is none.',
  };
  return {
    text: `This operation returns one page per call, ${started[pg.style]}. ${walk}${until[pg.style]}`,
    example: fence(examples.pagination(op, tag), "ts"),
  };
}

function retriesText(op: OperationIR, errors: ResponseIR[]): string {
  const declared = errors
    .filter((r) => RETRY_STATUSES.includes(Number(r.status)) || /^5XX$/i.test(r.status))
    .map((r) => r.status);
  const which =
    declared.length > 0 ? ` Of those, this operation declares ${declared.map((s) => codeSpan(s)).join(", ")}.` : "";
  if (IDEMPOTENT_METHODS.has(op.method.toUpperCase())) {
    return `Retried by default (${op.method.toUpperCase()} is idempotent): on network errors and on ${RETRY_STATUSES.join(", ")} answers, up to ${DEFAULT_RETRY.attempts} attempts in all, with backoff that honours \`Retry-After\`.${which} See [retries and timeouts](../README.md#⟪readme:retries⟫).`;
  }
  return `Not retried by default: a repeated ${op.method.toUpperCase()} could act twice. If it is safe to repeat, opt in per call with \`{ retry: { retryNonIdempotent: true } }\`.${which} See [retries and timeouts](../README.md#⟪readme:retries⟫).`;
}
