import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { isBinarySchema } from "../ir/media.ts";
import type { ApiIR, JsonSchema, OperationIR, PaginationIR, SecuritySchemeIR } from "../ir/types.ts";
import { RUNTIME_DIR } from "../paths.ts";
import { componentRef } from "../shared/json-pointer.ts";
import { dataLayouts, docComment, literal, propertyKey } from "./code.ts";
import { Layout, type Shape } from "./layout.ts";
import type { Templates } from "./templates.ts";

/**
 * The client sources of a package: `src/client.ts`, `src/index.ts`, `src/raw.ts`
 * (the "./raw" entry) and the declarations of client.ts (the same type section,
 * with the factory declared): writing them from the template costs nothing,
 * where deriving them with TypeScript took seconds on large specs.
 */
export function emitClient(
  ir: ApiIR,
  templates: Templates,
  banner: string,
): { client: string; clientDeclarations: string; index: string; raw: string } {
  const byId = new Map(ir.operations.map((op) => [op.id, op]));
  // TLS client certificates are configured on the fetch agent, not per request: nothing to send.
  const mutualTls = new Set(ir.securitySchemes.filter((s) => s.type === "mutualTLS").map((s) => s.key));
  const plainObject = plainObjectCheck(ir);
  const features = runtimeFeatures(ir);
  // Code whose layout depends on its line in the templates: chosen once they are rendered.
  const layout = new Layout();
  const view = {
    banner,
    features: features.imports,
    featureArgument: features.argument,
    factoryName: ir.factoryName,
    rawFactoryName: ir.rawFactoryName,
    exampleRawCall: inComment(exampleRawCall(ir)),
    clientTypeName: ir.clientTypeName,
    titleComment: commentSafe(ir.title),
    schemeUnion: ir.securitySchemes.length === 0 ? "never" : ir.securitySchemes.map((s) => literal(s.key)).join(" | "),
    serverOption: serverOptionType(ir),
    factorySignature: layout.choose(
      ...signature(
        `export function ${ir.factoryName}(`,
        `options: ${ir.clientTypeName}Options = {}`,
        `): ${ir.clientTypeName}`,
      ),
    ),
    factoryDeclaration: layout.choose(
      ...signature(
        `export declare function ${ir.factoryName}(`,
        `options?: ${ir.clientTypeName}Options`,
        `): ${ir.clientTypeName}`,
      ),
    ),
    // Both go into JSDoc `@example`s: a `*/` in a scheme key or an operationId must not end the comment.
    exampleCreate: exampleCreate(ir).map(inComment),
    exampleErrorCheck: inComment(exampleErrorCheck(ir)),
    definitionLiteral: layout.choose(
      ...dataLayouts({
        servers: ir.servers.map((s) => ({
          url: s.url,
          variables: Object.fromEntries(s.variables.map((v) => [v.name, { default: v.default, enum: v.enum }])),
        })),
        securitySchemes: Object.fromEntries(
          ir.securitySchemes.flatMap((s) => (s.type === "mutualTLS" ? [] : [[s.key, runtimeScheme(s)]])),
        ),
      }),
    ),
    operations: ir.operations.map((op) => ({
      key: propertyKey(op.id),
      pathLiteral: literal(op.path),
      methodLiteral: literal(op.method),
    })),
    models: ir.models.map((model) => ({
      typeName: model.typeName,
      docComment: docComment([model.description, `The \`${model.name}\` schema.`]),
      typeExpression: plainObject(model.schema)
        ? layout.choose(...named(`$Schema[${literal(model.name)}]`))
        : `$Schema[${literal(model.name)}]`,
    })),
    operationTypes: ir.operations.map((op) => operationTypesView(op, plainObject, layout)),
    // Metadata in one `as const` table, in method order: the runtime reads the fields it knows.
    metadata: ir.operations.map((op) => layout.choose(...dataLayouts(operationMeta(op, mutualTls)))),
    tags: ir.tags.map((tag) => ({
      typeName: tag.typeName,
      propertyName: tag.propertyName,
      interfaceDocComment: docComment([`Operations tagged "${tag.name}".`, tag.description]),
      docComment: docComment([`Operations tagged "${tag.name}".`, tag.description], "  "),
      operations: tag.operationIds.map((id) =>
        operationView(byId.get(id)!, ir.operations.indexOf(byId.get(id)!), layout),
      ),
    })),
  };
  return {
    client: layout.fit(templates.render("client/client.ts.hbs", view)),
    clientDeclarations: layout.fit(templates.render("client/client.d.ts.hbs", view)),
    index: templates.render("client/index.ts.hbs", { banner }),
    raw: layout.fit(templates.render("client/raw.ts.hbs", view)),
  };
}

/** The runtime's pager for each paging style (pagination.ts, link-pages.ts). */
const PAGERS: Record<PaginationIR["style"], string> = {
  cursor: "cursorPages",
  link: "linkPages",
  offset: "offsetPages",
  page: "pageNumberPages",
};

/**
 * The runtime features this spec needs (createRuntime's third argument, and the imports it takes):
 * a client passes only these, so a bundler leaves the others' code out of its bundle.
 */
function runtimeFeatures(ir: ApiIR): { imports: string[]; argument: string } {
  const multipart = ir.operations.some((op) =>
    /^multipart\/form-data/i.test(op.requestBody?.content[0]?.contentType ?? ""),
  );
  const styles = [...new Set(ir.operations.flatMap((op) => (op.pagination ? [op.pagination.style] : [])))].sort();
  const variables = ir.servers.some((s) => s.variables.length > 0);
  const basic = ir.securitySchemes.some((s) => s.type === "http" && s.scheme.toLowerCase() === "basic");
  const cookies =
    ir.securitySchemes.some((s) => s.type === "apiKey" && s.in === "cookie") ||
    ir.operations.some((op) => op.parameters.some((p) => p.in === "cookie"));
  const files = ir.operations.some((op) => op.binaryResponse);
  // Each a runtime export passed under its own name; pagers go in one object.
  const named = [
    ...(basic ? ["basicAuth"] : []),
    ...(cookies ? ["cookies"] : []),
    ...(files ? ["files: readFile"] : []),
    ...(multipart ? ["formData"] : []),
    ...(variables ? ["serverVariables"] : []),
  ];
  const parts = [
    ...named,
    ...(styles.length > 0 ? [`pagers: { ${styles.map((s) => `${s}: ${PAGERS[s]}`).join(", ")} }`] : []),
  ];
  return {
    imports: [...named.map((part) => part.replace(/^.*: /, "")), ...styles.map((s) => PAGERS[s])].sort(),
    argument: parts.length === 0 ? "" : `, { ${parts.join(", ")} }`,
  };
}

/**
 * The runtime's modules as `runtime/<file>.ts`, each below a one-line banner naming its source.
 * The same bytes in every package (so dist/ builds them once per run): no spec name in the banner.
 */
export async function emitRuntime(): Promise<Map<string, string>> {
  const names = (await readdir(RUNTIME_DIR)).filter((name) => name.endsWith(".ts")).sort();
  const texts = await Promise.all(names.map((name) => readFile(join(RUNTIME_DIR, name), "utf8")));
  return new Map(
    names.map((name, i) => [
      `runtime/${name}`,
      `// Copied by apigen from its client runtime (generator/runtime/${name}). Do not edit.\n${texts[i]}`,
    ]),
  );
}

/** A one-parameter signature: on one line, or broken as prettier breaks it. */
function signature(head: string, parameter: string, tail: string): Shape[] {
  return [`${head}${parameter}${tail}`, (indent) => `${head}\n${indent}  ${parameter},\n${indent}${tail}`];
}

/**
 * The `server` option, narrowed to what the spec lists: one union member per
 * server (index 0 may be left out), each with its own URL variables, an enum
 * variable as a union of its values. A misspelt region is a compile error.
 */
function serverOptionType(ir: ApiIR): string {
  // Laid out as prettier would: a union of object types, or a lone object type for one server.
  const single = ir.servers.length === 1;
  const at = single ? "  " : "      ";
  const doc = (lines: (string | undefined)[], indent: string) => {
    const text = docComment(lines, indent);
    return text === "" ? [] : [indent + text];
  };
  const members = ir.servers.map((server, i) => {
    const variables =
      server.variables.length === 0
        ? [`${at}variables?: Record<string, never> | undefined;`]
        : [
            `${at}variables?:`,
            `${at}  | {`,
            ...server.variables.flatMap((v) => [
              ...doc([v.description, `Default: ${literal(v.default)}.`], `${at}      `),
              `${at}      ${propertyKey(v.name)}?: ${v.enum && v.enum.length > 0 ? v.enum.map(literal).join(" | ") : "string"} | undefined;`,
            ]),
            `${at}    }`,
            `${at}  | undefined;`,
          ];
    const body = [
      ...doc([server.description ? `${server.url}: ${server.description}` : server.url], at),
      `${at}index${i === 0 ? "?: 0 | undefined" : `: ${i}`};`,
      ...variables,
    ];
    return single ? ["{", ...body, "}"].join("\n") : ["  | {", ...body, "    }"].join("\n");
  });
  return single ? members[0]! : `\n${members.join("\n")}`;
}

/** Query parameters not sent the default way (form, exploded), for the runtime's serializer. */
function querySerialization(op: OperationIR): Record<string, { style?: string; explode?: boolean }> | undefined {
  const special = op.parameters.filter(
    (p) => p.in === "query" && ((p.style ?? "form") !== "form" || p.explode === false),
  );
  if (special.length === 0) return undefined;
  return Object.fromEntries(
    special.map((p) => [p.name, { style: p.style ?? "form", explode: p.explode ?? (p.style ?? "form") === "form" }]),
  );
}

/** Path parameters not sent the default way (simple, not exploded): label and matrix styles, exploded lists. */
function pathSerialization(op: OperationIR): Record<string, { style?: string; explode?: boolean }> | undefined {
  const special = op.parameters.filter(
    (p) => p.in === "path" && ((p.style ?? "simple") !== "simple" || p.explode === true),
  );
  if (special.length === 0) return undefined;
  return Object.fromEntries(special.map((p) => [p.name, { style: p.style ?? "simple", explode: p.explode ?? false }]));
}

/** Whether the 2xx responses declare content and every media type of it is JSON (the runtime then rejects a non-JSON 2xx body). */
function declaresOnlyJson(op: OperationIR): boolean {
  const media = op.responses.filter((r) => r.status.startsWith("2")).flatMap((r) => r.content);
  return media.length > 0 && media.every((m) => /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i.test(m.contentType));
}

/**
 * What the runtime needs of an operation (the `OperationMeta` contract): where
 * it lives, its security, body encoding, paging style, idempotency header and
 * whether its answer is binary. Fields that do not apply are left out.
 */
function operationMeta(op: OperationIR, mutualTls: Set<string>) {
  const body = op.requestBody?.content[0];
  return {
    id: op.id,
    method: op.method,
    path: op.path,
    security: op.security.map((r) => r.schemes.map((s) => s.key).filter((key) => !mutualTls.has(key))),
    pagination: op.pagination && paginationMeta(op.pagination),
    bodyContentType: body?.contentType,
    multipartEncoding: body?.encoding,
    binaryResponse: op.binaryResponse || undefined,
    idempotencyHeader: op.idempotencyHeader,
    jsonResponse: declaresOnlyJson(op) || undefined,
    query: querySerialization(op),
    pathStyles: pathSerialization(op),
  };
}

/** The agreed `pagination` shapes: query parameter names and decoded JSON pointer segments. */
function paginationMeta(pg: PaginationIR) {
  switch (pg.style) {
    case "offset":
      return {
        style: pg.style,
        limit: pg.limitParam,
        offset: pg.offsetParam,
        items: pg.itemsPath,
        total: pg.totalPath,
      };
    case "page":
      return {
        style: pg.style,
        page: pg.pageParam,
        size: pg.sizeParam,
        items: pg.itemsPath,
        total: pg.totalPath,
        totalPages: pg.totalPagesPath,
      };
    case "cursor":
      return { style: pg.style, cursor: pg.cursorParam, next: pg.nextPath, items: pg.itemsPath, limit: pg.limitParam };
    case "link":
      return { style: pg.style, items: pg.itemsPath };
  }
}

/** `Operations["id"]`, the openapi-typescript operation object. */
function opType(op: OperationIR): string {
  return `Operations[${literal(op.id)}]`;
}

/** The named types of one operation: its argument, body, 2xx result and declared error bodies. */
function operationTypesView(op: OperationIR, plainObject: (schema: JsonSchema) => boolean, layout: Layout) {
  const names = op.typeNames;
  const method = `\`${op.method.toUpperCase()} ${commentSafe(op.path)}\``;
  const statusKey = (status: string) => (/^\d+$/.test(status) ? status : literal(status));
  const errorBodies = op.responses
    .filter((r) => !/^[12]/.test(r.status))
    .flatMap((r) =>
      r.content.map((m) => `${opType(op)}["responses"][${statusKey(r.status)}]["content"][${literal(m.contentType)}]`),
    );
  return {
    paramsName: names.params,
    paramsDoc: `/** The first argument of ${commentSafe(op.methodName)} (${method}): \`{ params, body }\` as the spec declares them. */`,
    paramsType: layout.choose(...named(`OperationParams<${opType(op)}>`)),
    // The `body` of the first argument: every media type the operation accepts.
    body: names.body && {
      name: names.body,
      doc: `/** The request body of ${method}. */`,
      type: layout.choose(...typeArguments("NonNullable<", [`${names.params}["body"]`], ">")),
    },
    resultName: names.result,
    resultDoc: `/** What ${commentSafe(op.methodName)} resolves to: the 2xx body of ${method}${op.binaryResponse ? " (a Blob)" : ""}. */`,
    // `unknown` (no 2xx declared) and Blob are kept as they are: a mapped type would turn them into `{}` and a Blob look-alike.
    resultType: singleObjectResult(op, plainObject)
      ? layout.choose(...named(`ResponseData<${opType(op)}>`))
      : `ResponseData<${opType(op)}>`,
    errorName: names.error,
    errorDoc:
      errorBodies.length === 0
        ? `/** The body of an error answer of ${method}: \`unknown\`, as the spec declares none. */`
        : `/** The body of an error answer of ${method}: one of the declared error responses' bodies. */`,
    errorType: errorBodies.length === 0 ? "unknown" : union(errorBodies),
  };
}

/**
 * `runtime.operation<Op>(metadata[i])`, laid out as prettier does: on one line, with
 * the argument on its own line, or with one type argument a line. The type
 * arguments are explicit: the property's type (an intersection) gives
 * inference nothing to go on.
 */
function binding(op: OperationIR, index: number, itemType: string | undefined): Shape[] {
  const open = `runtime.${itemType ? "paginated" : "operation"}<`;
  const args = itemType ? [opType(op), itemType] : [opType(op)];
  const head = `${open}${args.join(", ")}>(`;
  return [
    `${head}metadata[${index}])`,
    (indent) => `${head}\n${indent}  metadata[${index}],\n${indent})`,
    typeArguments(open, args, `>(metadata[${index}])`)[1]!,
  ];
}

/** `Name<A, B, C>`: on one line, or one type argument a line. */
function typeArguments(open: string, args: string[], close: string): Shape[] {
  return [
    `${open}${args.join(", ")}${close}`,
    (indent) => `${open}\n${args.map((a) => `${indent}  ${a}`).join(",\n")}\n${indent}${close}`,
  ];
}

/**
 * `{ [K in keyof T]: T[K] }`: the same type as `T`, but one TypeScript creates
 * for this alias, so hovers and errors show the alias's name where an alias
 * of `T` itself would show T's whole structure. On one line, or broken as prettier
 * breaks it: the member on its own line, then (too long still) its key's brackets too.
 */
function named(type: string): Shape[] {
  // An operation's type `Head<Argument>` breaks inside its angle brackets once the line is too long
  // (`$Schema["name"]` cannot break): in the value, in the key, or in both.
  const generic = /^([\w$]+)<(.*)>$/s.exec(type);
  const broken = (indent: string) => (generic ? `${generic[1]}<\n${indent}  ${generic[2]}\n${indent}>` : type);
  const bracketed = (key: (i: string) => string, value: (i: string) => string) => (indent: string) =>
    `{\n${indent}  [\n${indent}    K in keyof ${key(indent)}\n${indent}  ]: ${value(indent)}[K];\n${indent}}`;
  const flat = () => type;
  return [
    `{ [K in keyof ${type}]: ${type}[K] }`,
    (indent) => `{\n${indent}  [K in keyof ${type}]: ${type}[K];\n${indent}}`,
    ...(generic
      ? [(indent: string) => `{\n${indent}  [K in keyof ${type}]: ${broken(`${indent}  `)}[K];\n${indent}}`]
      : []),
    bracketed(flat, flat),
    bracketed(flat, (indent) => broken(`${indent}  `)),
    bracketed((indent) => broken(`${indent}    `), flat),
    bracketed(
      (indent) => broken(`${indent}    `),
      (indent) => broken(`${indent}  `),
    ),
  ];
}

/**
 * True when a schema is one object type (not a union, intersection, enum,
 * array, bytes or nullable): the only kind a mapped type (see {@link named}) reproduces exactly.
 */
function plainObjectCheck(ir: ApiIR): (schema: JsonSchema) => boolean {
  const models = new Map(ir.models.map((m) => [componentRef("schemas", m.name), m.schema]));
  const check = (schema: JsonSchema, depth: number): boolean => {
    if (depth > 8) return false;
    if (typeof schema.$ref === "string") {
      const target = models.get(schema.$ref);
      return target !== undefined && Object.keys(schema).length === 1 && check(target, depth + 1);
    }
    // allOf is an intersection, which a mapped type would flatten into another (if equivalent) type.
    if (
      ["oneOf", "anyOf", "allOf", "enum", "const", "items", "not", "if"].some((k) => k in schema) ||
      schema.nullable === true ||
      isBinarySchema(schema)
    )
      return false;
    return schema.type === "object" || (schema.type === undefined && schema.properties !== undefined);
  };
  return (schema) => check(schema, 0);
}

/** The 2xx answers of `op` all have the same plain-object JSON body. */
function singleObjectResult(op: OperationIR, plainObject: (schema: JsonSchema) => boolean): boolean {
  const media = op.responses.filter((r) => /^2(\d\d|XX)$/i.test(r.status)).map((r) => r.content);
  if (op.binaryResponse || media.length === 0 || media.some((c) => c.length === 0)) return false;
  const schemas = media.flat().map((m) => m.schema);
  return schemas.every(
    (schema) => schema !== undefined && plainObject(schema) && JSON.stringify(schema) === JSON.stringify(schemas[0]),
  );
}

/** A union laid out as prettier lays out a type alias: one line, or one member per line. */
function union(members: string[]): string {
  const unique = [...new Set(members)];
  if (unique.length === 0) return "never";
  return unique.length === 1 ? unique[0]! : `\n  | ${unique.join("\n  | ")}`;
}

function operationView(op: OperationIR, index: number, layout: Layout) {
  const itemsPath = op.pagination?.itemsPath;
  const itemType =
    itemsPath && `NonNullable<${op.typeNames.result}>${itemsPath.map((s) => `[${literal(s)}]`).join("")}[number]`;
  const optional = !op.parameters.some((p) => p.required) && op.requestBody?.required !== true;
  const runtimeType = itemType ? `PaginatedOperation<${opType(op)}, ${itemType}>` : `Operation<${opType(op)}>`;
  return {
    methodName: op.methodName,
    docComment: docComment(
      [
        op.summary,
        op.description,
        `\`${op.method.toUpperCase()} ${op.path}\` (operationId \`${op.id}\`)`,
        op.deprecated ? "@deprecated" : undefined,
      ],
      "  ",
    ),
    typeExpression: layout.choose(
      ...typeArguments(
        `${optional ? "MethodWithOptionalParams" : "Method"}<`,
        [op.typeNames.params, op.typeNames.result, runtimeType],
        ">",
      ),
    ),
    binding: layout.choose(...binding(op, index, itemType)),
  };
}

function runtimeScheme(scheme: Exclude<SecuritySchemeIR, { type: "mutualTLS" }>): Record<string, string> {
  switch (scheme.type) {
    case "apiKey":
      return { type: "apiKey", in: scheme.in, name: scheme.name };
    case "http":
      return { type: "http", scheme: scheme.scheme };
    case "oauth2":
      return { type: "oauth2" };
    case "openIdConnect":
      return { type: "openIdConnect" };
  }
}

/** `isApiError(error, "detailSession") && error.status === 404`, with a status the operation declares. */
function exampleErrorCheck(ir: ApiIR): string {
  const op = ir.operations.find((o) => o.responses.some((r) => /^4\d\d$/.test(r.status))) ?? ir.operations[0];
  const status = op?.responses.find((r) => /^4\d\d$/.test(r.status))?.status;
  const guard = `isApiError(error, ${literal(op?.id ?? "operationId")})`;
  return commentSafe(status ? `${guard} && error.status === ${status}` : guard);
}

/** `await raw.GET("/path")` for a GET without path parameters, or a comment when the spec has none. */
function exampleRawCall(ir: ApiIR): string {
  const op = ir.operations.find((o) => o.method === "get" && !o.path.includes("{"));
  return op
    ? `const { data, error, response } = await raw.GET(${literal(op.path)});`
    : "// raw.GET(path, { params, headers })";
}

/**
 * The lines of the factory's @example: the first scheme `auth` takes, with a token from the environment;
 * and where some operation cannot be called without a TLS client certificate (a mutualTLS scheme in
 * each of its ways in), the `fetch` that presents one, which is where a certificate is set.
 */
function exampleCreate(ir: ApiIR): string[] {
  const mutualTls = new Set(ir.securitySchemes.filter((s) => s.type === "mutualTLS").map((s) => s.key));
  const token = ir.securitySchemes.find((s) => s.type !== "mutualTLS");
  const certificate = ir.operations.some(
    (op) => op.security.length > 0 && op.security.every((r) => r.schemes.some((s) => mutualTls.has(s.key))),
  );
  const auth = token && `auth: { ${propertyKey(token.key)}: process.env.API_TOKEN }`;
  if (!certificate) return [`const api = ${ir.factoryName}(${auth ? `{ ${auth} }` : ""});`];
  return [
    "// The API wants a TLS client certificate: give the client a fetch that presents one, through an",
    "// Agent of the undici package whose major is node's own (process.versions.undici).",
    "const dispatcher = new Agent({ connect: { cert, key } });",
    `const api = ${ir.factoryName}({ ${auth ? `${auth}, ` : ""}fetch: (request) => fetch(request, { dispatcher } as RequestInit) });`,
  ];
}

/** Code inside a comment: `*\/` still reads as `*` `/` in a string literal, and cannot close the comment. */
function inComment(code: string): string {
  return code.replace(/\*\//g, "*\\/");
}

/** Text inside an existing comment: keep it on one line and unable to close the comment. */
function commentSafe(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/\s+/g, " ");
}
