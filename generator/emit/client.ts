import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ApiIR, OperationIR, SecuritySchemeIR } from "../ir/types.ts";
import { RUNTIME_DIR } from "../paths.ts";
import { dataLiteral, docComment, literal, propertyKey } from "./code.ts";
import type { Templates } from "./templates.ts";

/**
 * The client sources of a package: `src/client.ts`, `src/index.ts`, and the
 * declarations of client.ts (the same type section, with the factory
 * declared): writing them from the template costs nothing, where deriving them
 * with TypeScript took seconds on large specs.
 */
export function emitClient(ir: ApiIR, templates: Templates, banner: string): { client: string; clientDeclarations: string; index: string } {
  const byId = new Map(ir.operations.map((op) => [op.id, op]));
  // TLS client certificates are configured on the fetch agent, not per request: nothing to send.
  const mutualTls = new Set(ir.securitySchemes.filter((s) => s.type === "mutualTLS").map((s) => s.key));
  const view = {
    banner,
    factoryName: ir.factoryName,
    clientTypeName: ir.clientTypeName,
    titleComment: commentSafe(ir.title),
    schemeUnion: ir.securitySchemes.length === 0 ? "never" : ir.securitySchemes.map((s) => literal(s.key)).join(" | "),
    serverOption: serverOptionType(ir),
    factorySignature: signature(`export function ${ir.factoryName}(`, `options: ${ir.clientTypeName}Options = {}`, `): ${ir.clientTypeName}`, 2),
    factoryDeclaration: signature(`export declare function ${ir.factoryName}(`, `options?: ${ir.clientTypeName}Options`, `): ${ir.clientTypeName}`, 1),
    // Both go into JSDoc `@example`s: a `*/` in a scheme key or an operationId must not end the comment.
    exampleAuth: inComment(exampleAuth(ir.securitySchemes)),
    exampleErrorCheck: inComment(exampleErrorCheck(ir)),
    definitionLiteral: dataLiteral(
      {
      servers: ir.servers.map((s) => ({
        url: s.url,
        variables: Object.fromEntries(s.variables.map((v) => [v.name, { default: v.default, enum: v.enum }])),
      })),
      securitySchemes: Object.fromEntries(ir.securitySchemes.flatMap((s) => (s.type === "mutualTLS" ? [] : [[s.key, runtimeScheme(s)]]))),
      },
      "",
      90,
    ),
    operations: ir.operations.map((op) => ({
      key: propertyKey(op.id),
      pathLiteral: literal(op.path),
      methodLiteral: literal(op.method),
    })),
    tags: ir.tags.map((tag) => ({
      typeName: tag.typeName,
      propertyName: tag.propertyName,
      interfaceDocComment: docComment([`Operations tagged "${tag.name}".`, tag.description]),
      docComment: docComment([`Operations tagged "${tag.name}".`, tag.description], "  "),
      operations: tag.operationIds.map((id) => operationView(byId.get(id)!, mutualTls)),
    })),
  };
  return {
    client: templates.render("client/client.ts.hbs", view),
    clientDeclarations: templates.render("client/client.d.ts.hbs", view),
    index: templates.render("client/index.ts.hbs", { banner }),
  };
}

/**
 * The runtime's modules as `runtime/<file>.ts`, each below a one-line banner naming its source.
 * The same bytes in every package (so dist/ builds them once per run): no spec name in the banner.
 */
export async function emitRuntime(): Promise<Map<string, string>> {
  const names = (await readdir(RUNTIME_DIR)).filter((name) => name.endsWith(".ts")).sort();
  const texts = await Promise.all(names.map((name) => readFile(join(RUNTIME_DIR, name), "utf8")));
  return new Map(names.map((name, i) => [`runtime/${name}`, `// Copied by apigen from its client runtime (generator/runtime/${name}). Do not edit.\n${texts[i]}`]));
}

/** A one-parameter signature on one line, or broken as prettier breaks it when longer than 120 columns. */
function signature(head: string, parameter: string, tail: string, suffixLength: number): string {
  const line = `${head}${parameter}${tail}`;
  return line.length + suffixLength <= 120 ? line : `${head}\n  ${parameter},\n${tail}`;
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
    const body = [...doc([server.description ? `${server.url}: ${server.description}` : server.url], at), `${at}index${i === 0 ? "?: 0 | undefined" : `: ${i}`};`, ...variables];
    return single ? ["{", ...body, "}"].join("\n") : ["  | {", ...body, "    }"].join("\n");
  });
  return single ? members[0]! : `\n${members.join("\n")}`;
}

/** Query parameters not sent the default way (form, exploded), for the runtime's serializer. */
function querySerialization(op: OperationIR): Record<string, { style?: string; explode?: boolean }> | undefined {
  const special = op.parameters.filter((p) => p.in === "query" && ((p.style ?? "form") !== "form" || p.explode === false));
  if (special.length === 0) return undefined;
  return Object.fromEntries(special.map((p) => [p.name, { style: p.style ?? "form", explode: p.explode ?? (p.style ?? "form") === "form" }]));
}

/** Path parameters not sent the default way (simple, not exploded): label and matrix styles, exploded lists. */
function pathSerialization(op: OperationIR): Record<string, { style?: string; explode?: boolean }> | undefined {
  const special = op.parameters.filter((p) => p.in === "path" && ((p.style ?? "simple") !== "simple" || p.explode === true));
  if (special.length === 0) return undefined;
  return Object.fromEntries(special.map((p) => [p.name, { style: p.style ?? "simple", explode: p.explode ?? false }]));
}

/** Whether the 2xx responses declare content and every media type of it is JSON (the runtime then rejects a non-JSON 2xx body). */
function declaresOnlyJson(op: OperationIR): boolean {
  const media = op.responses.filter((r) => r.status.startsWith("2")).flatMap((r) => r.content);
  return media.length > 0 && media.every((m) => /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i.test(m.contentType));
}

function operationView(op: OperationIR, mutualTls: Set<string>) {
  const opType = `Operations[${literal(op.id)}]`;
  const meta = {
    id: op.id,
    method: op.method,
    path: op.path,
    security: op.security.map((r) => r.schemes.map((s) => s.key).filter((key) => !mutualTls.has(key))),
    pagination: op.pagination && {
      limit: op.pagination.limitParam,
      offset: op.pagination.offsetParam,
      items: op.pagination.itemsPath,
      total: op.pagination.totalPath,
    },
    bodyContentType: op.requestBody?.content[0]?.contentType,
    jsonResponse: declaresOnlyJson(op) || undefined,
    query: querySerialization(op),
    pathStyles: pathSerialization(op),
  };
  const itemType = op.pagination && `NonNullable<ResponseData<${opType}>>${op.pagination.itemsPath.map((s) => `[${literal(s)}]`).join("")}[number]`;
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
    typeExpression: itemType ? `PaginatedOperation<\n    ${opType},\n    ${itemType}\n  >` : `Operation<${opType}>`,
    bindFunction: itemType ? "paginated" : "operation",
    metaLiteral: dataLiteral(meta, "      ", 120 - op.methodName.length - 30),
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

function exampleAuth(schemes: SecuritySchemeIR[]): string {
  const first = schemes.find((s) => s.type !== "mutualTLS");
  return first ? `${propertyKey(first.key)}: process.env.API_TOKEN` : "";
}

/** Code inside a comment: `*\/` still reads as `*` `/` in a string literal, and cannot close the comment. */
function inComment(code: string): string {
  return code.replace(/\*\//g, "*\\/");
}

/** Text inside an existing comment: keep it on one line and unable to close the comment. */
function commentSafe(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/\s+/g, " ");
}
