// Copied by apigen from its client runtime (generator/runtime/mock.ts). Do not edit.
/**
 * The test kit's mock (a package's "./testing" entry), the same for every package. The package's
 * `testing.ts` keeps only what is particular to its spec (the operations as the mock needs them, the
 * typed mock interface, the property per tag and operation) and passes it here with its compiled
 * validators' checks, so the machinery is written, bundled and typechecked once. Only the "./testing"
 * entry imports this module; index.ts does not re-export it, so no client bundle reaches it.
 */
import type { ContentOf, DeclaredCodes, OperationParams, Responses, StatusRange } from "./types.js";

// ---- Types: statuses and bodies each operation declares ----

// Unlike types.ts's error view, a mock may answer any declared status: `default` stands for 2xx to 5xx.
type StatusOfKey<R, K> = K extends number
  ? K
  : K extends `${infer H extends number}XX`
    ? Exclude<StatusRange<H>, DeclaredCodes<R>>
    : K extends "default"
      ? Exclude<StatusRange<2 | 3 | 4 | 5>, DeclaredCodes<R>>
      : never;
type Params<Op> = Op extends { parameters: infer P } ? P : {};
type Part<P, K extends string> = P extends { [k in K]?: infer X } ? ([X] extends [never] ? {} : NonNullable<X>) : {};

/** The statuses a handler of `Op` may answer: those the spec declares (ranges and `default` expanded). */
export type MockStatus<Op> = { [K in keyof Responses<Op>]: StatusOfKey<Responses<Op>, K> }[keyof Responses<Op>];
/** The body the spec declares for status `S` of `Op` (`undefined` when it declares none). */
export type MockBody<Op, S> = {
  [K in keyof Responses<Op>]: S extends StatusOfKey<Responses<Op>, K> ? ContentOf<Responses<Op>[K]> : never;
}[keyof Responses<Op>];
/** What a handler function returns: a declared status with its body, and optional headers. */
export type MockReply<Op> = {
  [K in keyof Responses<Op>]: {
    status: StatusOfKey<Responses<Op>, K>;
    headers?: Record<string, string> | undefined;
  } & ([ContentOf<Responses<Op>[K]>] extends [undefined]
    ? { body?: undefined }
    : { body: ContentOf<Responses<Op>[K]> });
}[keyof Responses<Op>];

/** A request the client sent, parsed back and typed as the operation declares it. */
export interface MockRequest<Op> {
  operationId: string;
  /** 1 for the first try, 2 for the client's first retry of the same request, and so on. */
  attempt: number;
  path: Part<Params<Op>, "path">;
  query: Part<Params<Op>, "query">;
  /** Header parameters the operation declares, by lower-cased name. */
  header: Record<string, unknown>;
  body: unknown extends Op ? unknown : OperationParams<Op> extends { body?: infer B } ? B : undefined;
  /** Every header sent, credentials included. */
  headers: Headers;
  url: string;
  method: string;
}

/** A recorded call: the request and the status the mock answered (undefined when it refused the request). */
export type MockCall<Op = unknown> = MockRequest<Op> & { status: number | undefined };

type BodyArgs<Op, S> = [MockBody<Op, S>] extends [undefined]
  ? [body?: undefined, headers?: Record<string, string>]
  : [body: MockBody<Op, S>, headers?: Record<string, string>];
type Handler<Op> = (request: MockRequest<Op>) => MockReply<Op> | Response | Promise<MockReply<Op> | Response>;
type AnyReply = { status: number; body?: unknown; headers?: Record<string, string> | undefined };
type AnyHandler = (request: MockCall) => AnyReply | Response | Promise<AnyReply | Response>;

/** The mock of one operation: what it answers, and the calls it received. */
export interface MockOperation<Op> {
  // The handler overload comes first: TypeScript types an arrow function by the first overload it tries.
  /** Answer with what `handler` returns for each request; throw in it to simulate a network failure. */
  reply(handler: Handler<Op>): void;
  /** Answer with this status and body (checked against the spec) until reset. */
  reply<S extends MockStatus<Op>>(status: S, ...body: BodyArgs<Op, S>): void;
  /** The calls of this operation, oldest first. */
  readonly calls: readonly MockCall<Op>[];
}

// ---- What the package tells the mock ----

export interface MockParameterSpec {
  readonly name: string;
  readonly in: string;
  readonly type: string;
  readonly items?: string;
  readonly style?: string;
  readonly explode?: boolean;
}
export interface MockOperationSpec {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly MockParameterSpec[];
  readonly security: readonly (readonly string[])[];
  readonly bodyTypes: readonly string[];
  readonly responses: Readonly<Record<string, string | null>>;
  readonly answer?: { readonly status: number; readonly body?: unknown; readonly invalid?: string };
}
export interface MockSchemeSpec {
  readonly type: string;
  readonly in?: string;
  readonly name?: string;
  readonly scheme?: string;
}
/** The spec's operations and security schemes, as the mock needs them to recognise and check a request. */
export interface MockSpec {
  readonly operations: readonly MockOperationSpec[];
  readonly schemes: Readonly<Record<string, MockSchemeSpec>>;
}

/** A request as the package's validators see it: header names lower-cased, values already parsed. */
interface RequestParts {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  body?: unknown;
}

/** The package's compiled checks and its ValidationError class (which lives with the validators, not here). */
export interface MockChecks {
  checkRequest(operationId: string, request: RequestParts): Error | undefined;
  checkResponse(operationId: string, status: number, body: unknown): Error | undefined;
  ValidationError: new (
    operationId: string,
    direction: "request" | "response",
    pointer: string,
    expected: string,
    status?: number,
  ) => Error;
}

/** The mock's members apart from its tags: what `createMock` in the package's testing.ts types and returns. */
export interface MockBase {
  readonly fetch: (request: Request) => Promise<Response>;
  readonly calls: readonly MockCall[];
  reset(): void;
}

// ---- The mock ----

/** Calls whose handler threw: the client sees a network failure and may retry. */
const failed = new WeakSet<MockCall>();

interface Compiled {
  op: MockOperationSpec;
  pattern: RegExp;
}

/**
 * The mock of one package's API: `fetch`, `calls`, `reset`, and under `tags[tag][method]` the
 * operation with that id (the property names as the package's mock interface declares them).
 */
export function mockApi(
  spec: MockSpec,
  checks: MockChecks,
  tags: Readonly<Record<string, Readonly<Record<string, string>>>>,
): MockBase {
  const handlers = new Map<string, AnyHandler>();
  const calls: MockCall[] = [];
  const compiled = spec.operations.map((op) => ({ op, pattern: pathPattern(op.path) }));
  const mock: MockBase = {
    fetch: (request: Request) => answer(spec, checks, compiled, request, handlers, calls),
    calls,
    reset() {
      handlers.clear();
      calls.length = 0;
    },
  };
  const operation = (id: string) => ({
    reply(first: number | AnyHandler, body?: unknown, headers?: Record<string, string>) {
      handlers.set(id, typeof first === "function" ? first : () => ({ status: first, body, headers }));
    },
    get calls() {
      return calls.filter((c) => c.operationId === id);
    },
  });
  for (const [tag, operations] of Object.entries(tags)) {
    const value: Record<string, unknown> = {};
    for (const [method, id] of Object.entries(operations)) value[method] = operation(id);
    Object.defineProperty(mock, tag, { value, enumerable: true });
  }
  return mock;
}

async function answer(
  spec: MockSpec,
  checks: MockChecks,
  compiled: readonly Compiled[],
  request: Request,
  handlers: Map<string, AnyHandler>,
  calls: MockCall[],
): Promise<Response> {
  const { ValidationError } = checks;
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const found = match(compiled, url.pathname, method);
  if (found === undefined) {
    const paths = compiled.filter((c) => c.pattern.test(url.pathname)).map((c) => c.op.method);
    const hint = paths.length > 0 ? ` (the spec has ${paths.join(", ")} for this path)` : "";
    throw new ValidationError(
      "(unknown operation)",
      "request",
      "",
      `${method} ${url.pathname} is no operation of the spec${hint}`,
    );
  }
  const { op, pathValues } = found;
  const parts = await readRequest(checks, op, request, url, pathValues);
  const bodyText = JSON.stringify(parts.body);
  const previous = [...calls].reverse().find((c) => c.operationId === op.id);
  // The client retries the same request after a 429, a 5xx or a network failure (a handler that threw).
  const retryable =
    previous !== undefined && (failed.has(previous) || previous.status === 429 || (previous.status ?? 0) >= 500);
  const retried = retryable && previous.url === request.url && JSON.stringify(previous.body) === bodyText;
  const call: MockCall = {
    operationId: op.id,
    attempt: retried ? previous.attempt + 1 : 1,
    path: parts.path,
    query: parts.query,
    header: parts.header,
    body: parts.body,
    headers: request.headers,
    url: request.url,
    method,
    status: undefined,
  };
  calls.push(call);
  const problem =
    parts.problem ?? credentialsProblem(spec, checks, op, request, url) ?? checks.checkRequest(op.id, parts);
  if (problem !== undefined) throw problem;

  const handler = handlers.get(op.id);
  let reply: AnyReply | Response;
  if (handler !== undefined) {
    try {
      reply = await handler(call);
    } catch (error) {
      failed.add(call);
      throw error;
    }
  } else if (op.answer === undefined || op.answer.invalid !== undefined) {
    const why =
      op.answer?.invalid === undefined
        ? "declares no response"
        : `example does not match its schema (${op.answer.invalid})`;
    throw new ValidationError(
      op.id,
      "response",
      "",
      `has no reply: none was set and the spec's ${why}; set one with reply(status, body)`,
    );
  } else reply = { status: op.answer.status, body: op.answer.body };
  if (reply instanceof Response) {
    call.status = reply.status;
    return reply;
  }
  const declared = responseKey(op, reply.status);
  if (declared === undefined)
    throw new ValidationError(
      op.id,
      "response",
      "",
      `HTTP ${reply.status} is not a status the operation declares (${Object.keys(op.responses).join(", ")})`,
      reply.status,
    );
  const invalid = checks.checkResponse(op.id, reply.status, reply.body);
  if (invalid !== undefined) throw invalid;
  call.status = reply.status;
  const type = op.responses[declared] ?? "application/json";
  const noBody = reply.body === undefined || reply.status === 204 || reply.status === 205 || reply.status === 304;
  const text = noBody
    ? null
    : typeof reply.body === "string" && !/json/i.test(type)
      ? reply.body
      : JSON.stringify(reply.body);
  const headers = new Headers(reply.headers);
  if (text !== null && !headers.has("content-type")) headers.set("content-type", type);
  return new Response(text, { status: reply.status, headers });
}

function responseKey(op: MockOperationSpec, status: number): string | undefined {
  const keys = [String(status), `${String(status)[0]}XX`, "default"];
  return keys.find((k) => Object.hasOwn(op.responses, k));
}

/** A regular expression for the operation's path at the end of the URL's path (after the server's base path). */
function pathPattern(path: string): RegExp {
  const source = path
    .split(/(\{[^}]+\})/)
    .map((piece) =>
      /^\{[^}]+\}$/.test(piece) ? "([^/]+)" : piece.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/[{}]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`${source}$`);
}

/** The operation for a request; of several matching paths, the one with the most literal text wins. */
function match(
  compiled: readonly Compiled[],
  pathname: string,
  method: string,
): { op: MockOperationSpec; pathValues: Record<string, string> } | undefined {
  let best: { op: MockOperationSpec; pathValues: Record<string, string>; literal: number } | undefined;
  for (const { op, pattern } of compiled) {
    if (op.method !== method) continue;
    const found = pattern.exec(pathname);
    if (found === null) continue;
    const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const literal = op.path.replace(/\{[^}]+\}/g, "").length;
    if (best !== undefined && best.literal >= literal) continue;
    const pathValues: Record<string, string> = {};
    names.forEach((name, i) => (pathValues[name] = decodeURIComponent(found[i + 1]!)));
    best = { op, pathValues, literal };
  }
  return best;
}

/** The request as `{ path, query, header, body }`, each value read back into the type its schema declares. */
async function readRequest(
  checks: MockChecks,
  op: MockOperationSpec,
  request: Request,
  url: URL,
  pathValues: Record<string, string>,
): Promise<RequestParts & { problem?: Error }> {
  const { ValidationError } = checks;
  const parts: RequestParts & { problem?: Error } = { path: {}, query: {}, header: {} };
  for (const p of op.parameters) {
    if (p.in === "path" && pathValues[p.name] !== undefined) parts.path[p.name] = coerce(pathValues[p.name]!, p);
    if (p.in === "header") {
      const value = request.headers.get(p.name);
      if (value !== null) parts.header[p.name.toLowerCase()] = coerce(value, p);
    }
    if (p.in === "query") {
      const value = queryValue(url.searchParams, p);
      if (value !== undefined) parts.query[p.name] = value;
    }
  }
  // Bytes first: a multipart body's file parts are not text.
  const bytes = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  const text = bytes === undefined ? "" : new TextDecoder().decode(bytes);
  if (text === "") return parts;
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (op.bodyTypes.length === 0) {
    parts.problem = new ValidationError(
      op.id,
      "request",
      "/body",
      "is not expected: the operation declares no request body",
    );
  } else if (!op.bodyTypes.some((t) => mediaMatches(t.toLowerCase(), type))) {
    parts.problem = new ValidationError(
      op.id,
      "request",
      "/header/content-type",
      `must be one of ${op.bodyTypes.map((t) => JSON.stringify(t)).join(", ")}, got ${JSON.stringify(type)}`,
    );
  } else if (/json/.test(type)) {
    try {
      parts.body = JSON.parse(text);
    } catch {
      parts.problem = new ValidationError(op.id, "request", "/body", `must be valid JSON (content-type ${type})`);
    }
  } else if (type === "application/x-www-form-urlencoded") parts.body = fields(new URLSearchParams(text));
  else if (type === "multipart/form-data") {
    try {
      // Parsed from the bytes already read, with the request's boundary.
      const contentType = request.headers.get("content-type")!;
      parts.body = fields(await new Response(bytes, { headers: { "content-type": contentType } }).formData());
    } catch {
      parts.problem = new ValidationError(op.id, "request", "/body", "must be a valid multipart/form-data body");
    }
  } else parts.body = text;
  return parts;
}

/** Form fields by name: a value (text, or a File for a file part), or all of them when the name repeats. */
function fields(form: URLSearchParams | FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of form) {
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

function mediaMatches(declared: string, sent: string): boolean {
  if (declared === "*/*" || declared === sent) return true;
  return declared.endsWith("/*") && sent.startsWith(declared.slice(0, -1));
}

function queryValue(search: URLSearchParams, p: MockParameterSpec): unknown {
  const style = p.style ?? "form";
  const explode = p.explode ?? style === "form";
  if (style === "deepObject" || (p.type === "object" && explode)) {
    const out: Record<string, string> = {};
    const prefix = `${p.name}[`;
    for (const [key, value] of search)
      if (key.startsWith(prefix) && key.endsWith("]")) out[key.slice(prefix.length, -1)] = value;
    return Object.keys(out).length === 0 ? undefined : out;
  }
  if (!search.has(p.name)) return undefined;
  if (p.type === "array") {
    const separator = style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : ",";
    const values = explode ? search.getAll(p.name) : search.get(p.name)!.split(separator);
    return values.map((v) => coerce(v, { ...p, type: p.items ?? "string" }));
  }
  return coerce(search.get(p.name)!, p);
}

/** Text read back as the schema's type; left as text when it is not one, so the validator reports it. */
function coerce(text: string, p: MockParameterSpec): unknown {
  if (p.type === "integer" || p.type === "number")
    return text.trim() !== "" && !Number.isNaN(Number(text)) ? Number(text) : text;
  if (p.type === "boolean") return text === "true" ? true : text === "false" ? false : text;
  if (p.type === "array") return text.split(",");
  return text;
}

/** Undefined when one of the operation's security alternatives is fully present. */
function credentialsProblem(
  spec: MockSpec,
  checks: MockChecks,
  op: MockOperationSpec,
  request: Request,
  url: URL,
): Error | undefined {
  const { schemes } = spec;
  if (
    op.security.length === 0 ||
    op.security.some((alternative) => alternative.every((key) => present(schemes[key], request, url)))
  )
    return undefined;
  const wanted = op.security
    .map((alternative) => alternative.map((key) => describeScheme(key, schemes[key])).join(" and "))
    .join(" or ");
  return new checks.ValidationError(op.id, "request", "/header/authorization", `needs credentials: ${wanted}`);
}

function present(scheme: MockSchemeSpec | undefined, request: Request, url: URL): boolean {
  if (scheme === undefined) return false;
  if (scheme.type === "apiKey") {
    if (scheme.in === "query") return url.searchParams.has(scheme.name ?? "");
    if (scheme.in === "cookie")
      return (request.headers.get("cookie") ?? "").split(/;\s*/).some((c) => c.startsWith(`${scheme.name}=`));
    return request.headers.has(scheme.name ?? "");
  }
  const authorization = request.headers.get("authorization") ?? "";
  const prefix = scheme.type === "http" ? (scheme.scheme ?? "") : "bearer";
  return authorization.toLowerCase().startsWith(`${prefix} `) && authorization.length > prefix.length + 1;
}

function describeScheme(key: string, scheme: MockSchemeSpec | undefined): string {
  if (scheme?.type === "apiKey") return `${key} (${scheme.in} ${JSON.stringify(scheme.name)})`;
  if (scheme?.type === "http") return `${key} (Authorization: ${scheme.scheme} ...)`;
  return `${key} (Authorization: Bearer ...)`;
}
