import type { ApiIR, OAuthFlowIR, OperationIR, SecuritySchemeIR, ServerIR } from "../../ir/types.ts";
import { propertyKey } from "../code.ts";
import { codeCell, codeSpan, fence, link, prose, proseCell, text } from "../markdown.ts";
import { type Examples, importView } from "./examples.ts";
import { testingExample, validationExample } from "../testing/docs.ts";
import { operationKey } from "./operation.ts";
import type { Schemas } from "./schema.ts";
import { type TableView, table } from "./tables.ts";
import { type Where, typeLabel } from "./types.ts";
import { runtimeFacts } from "../runtime-facts.ts";

/** The view of `docs/README.md` (`README.md.hbs`). */
export function readmeView(ir: ApiIR, schemas: Schemas, examples: Examples) {
  const where: Where = { schemas, modelsHref: "models/" };
  const byId = new Map(ir.operations.map((op) => [op.id, op]));
  const paginated = ir.operations.filter((op) => op.pagination);
  return {
    title: text(ir.title),
    description: prose(ir.description),
    facts: table(
      [ir],
      [
        { title: "Package", cell: () => codeCell(ir.packageName) },
        { title: "Factory", cell: () => codeCell(ir.factoryName) },
        { title: "API version", cell: () => codeCell(ir.apiVersion) },
        { title: "OpenAPI", cell: () => codeCell(ir.openapiVersion) },
        {
          title: "Operations",
          cell: () => `${ir.operations.length} in ${ir.tags.length} ${ir.tags.length === 1 ? "tag" : "tags"}`,
        },
        { title: "Models", cell: () => String(ir.models.length) },
      ],
    ),
    packageName: ir.packageName,
    runtime: runtimeFacts(),
    install: fence(`npm install ${ir.packageName}`, "sh"),
    clientExample: fence(clientExample(ir, examples), "ts"),
    factoryName: codeSpan(ir.factoryName),
    rawImport: codeSpan(`import { ${ir.rawFactoryName} } from "${ir.packageName}/raw"`),
    schemes: ir.securitySchemes.map((s, i) => schemeView(ir, s, i, examples)),
    servers: table(
      ir.servers.map((s, i) => ({ s, i })),
      [
        { title: "Index", cell: ({ i }) => String(i) },
        { title: "URL", cell: ({ s }) => codeCell(s.url) },
        { title: "Description", cell: ({ s }) => proseCell(s.description) },
      ],
    ),
    serverVariables: ir.servers.flatMap((s, i) =>
      s.variables.length > 0 ? [{ title: `Variables of server ${i}`, table: variablesTable(s) }] : [],
    ),
    serverExample:
      ir.servers.length > 1 || ir.servers.some((s) => s.variables.length > 0)
        ? fence(serverExample(ir, examples), "ts")
        : "",
    errorExample: fence(errorExample(ir, examples), "ts"),
    testingExample: testingExample(ir, examples),
    validationExample: validationExample(ir, examples),
    hasPagination: paginated.length > 0,
    paginatedOperations: paginated.map((op) => operationLink(ir, op)).join(", "),
    tags: ir.tags.map((tag) => ({
      name: text(tag.name),
      link: `tags/${tag.slug}.md`,
      description: prose(tag.description),
      operations: table(
        tag.operationIds.map((id) => byId.get(id)!),
        [
          { title: "Operation", cell: (op) => operationLink(ir, op) },
          { title: "Method", cell: (op) => op.method.toUpperCase() },
          { title: "Path", cell: (op) => codeCell(op.path) },
          { title: "Summary", cell: (op) => proseCell(op.summary) + (op.deprecated ? " (deprecated)" : "") },
        ],
      ),
    })),
    models: table(ir.models, [
      { title: "Model", cell: (m) => link(text(m.name), `models/${m.slug}.md`) },
      { title: "Type", cell: (m) => typeLabel(m.schema, where, true) },
      { title: "Description", cell: (m) => proseCell(m.description) },
    ]),
  };
}

function operationLink(ir: ApiIR, op: OperationIR): string {
  const tag = ir.tags.find((t) => t.name === op.tag)!;
  return link(text(op.methodName), `tags/${tag.slug}.md#⟪${operationKey(ir, op)}⟫`);
}

/** Creating a client with credentials, a timeout and retries, then one call. */
function clientExample(ir: ApiIR, examples: Examples): string {
  const op = ir.operations.find((o) => o.method === "get" && !o.parameters.some((p) => p.required)) ?? ir.operations[0];
  const tag = op && ir.tags.find((t) => t.name === op.tag)!;
  return examples.render("client.ts", (layout) => ({
    import: importView(layout, [ir.factoryName], ir.packageName),
    client: examples.clientSetup(layout, op ? examples.securityFor(op) : []),
    call: op &&
      tag && {
        hasBody: op.responses.some((r) => /^2/.test(r.status) && r.content.length > 0),
        tag: tag.propertyName,
        method: op.methodName,
        argument: layout.choose(examples.callArgument(op, [], true)),
      },
  }));
}

function errorExample(ir: ApiIR, examples: Examples): string {
  const op = ir.operations.find((o) => o.responses.some((r) => /^[45]/.test(r.status))) ?? ir.operations[0];
  const tag = op && ir.tags.find((t) => t.name === op.tag)!;
  return examples.render("errors.ts", (layout) => ({
    import: importView(
      layout,
      op ? [ir.factoryName, "isApiError", "NetworkError", "TimeoutError"] : ["ApiError"],
      ir.packageName,
    ),
    call: op &&
      tag && {
        client: examples.clientSetup(layout, examples.securityFor(op)),
        tag: tag.propertyName,
        method: op.methodName,
        argument: layout.choose(examples.callArgument(op, [], true)),
        operationId: JSON.stringify(op.id),
      },
  }));
}

/** Picking a server: one with an enum variable set to another allowed value if there is one, else the last server. */
function serverExample(ir: ApiIR, examples: Examples): string {
  const withEnum = ir.servers.findIndex((s) => s.variables.some((v) => (v.enum ?? []).some((e) => e !== v.default)));
  const index = withEnum === -1 ? ir.servers.length - 1 : withEnum;
  const server = ir.servers[index]!;
  const chosen =
    withEnum === -1
      ? server.variables.map((v) => [v.name, v.default] as const)
      : server.variables.flatMap((v) => {
          const other = v.enum?.find((e) => e !== v.default);
          return other === undefined ? [] : [[v.name, other] as const];
        });
  return examples.render("servers.ts", (layout) => ({
    import: importView(layout, [ir.factoryName], ir.packageName),
    factory: ir.factoryName,
    index,
    variables: chosen.map(([name, value]) => `${propertyKey(name)}: ${JSON.stringify(value)}`).join(", "),
  }));
}

function variablesTable(server: ServerIR): TableView | null {
  return table(server.variables, [
    { title: "Variable", cell: (v) => codeCell(v.name) },
    { title: "Default", cell: (v) => codeCell(v.default) },
    { title: "Allowed values", cell: (v) => (v.enum ? v.enum.map(codeCell).join(", ") : "any"), optional: true },
    { title: "Description", cell: (v) => proseCell(v.description) },
  ]);
}

function schemeView(ir: ApiIR, scheme: SecuritySchemeIR, index: number, examples: Examples) {
  const users = ir.operations.filter((op) => op.security.some((r) => r.schemes.some((s) => s.key === scheme.key)));
  const example =
    scheme.type === "mutualTLS"
      ? ""
      : fence(
          examples.render("setup.ts", (layout) => ({
            import: importView(layout, [ir.factoryName], ir.packageName),
            client: examples.clientSetup(layout, [scheme]),
          })),
          "ts",
        );
  return {
    heading: text(scheme.key),
    key: `auth:${index}`,
    how: howItIsSent(scheme),
    description: prose(scheme.description),
    flows: scheme.type === "oauth2" ? flowsTable(scheme.flows) : null,
    example,
    usedBy:
      users.length === ir.operations.length
        ? "every operation"
        : users.map((op) => operationLink(ir, op)).join(", ") || "no operation",
  };
}

function howItIsSent(s: SecuritySchemeIR): string {
  switch (s.type) {
    case "apiKey":
      return `An API key, sent as is (no prefix) in the ${s.in === "header" ? "header" : s.in === "query" ? "query parameter" : "cookie"} ${codeSpan(s.name)}.`;
    case "http": {
      if (s.scheme === "basic")
        return "HTTP basic authentication: pass `{ username, password }` and the client sends `Authorization: Basic` with them encoded.";
      const format = s.bearerFormat ? ` (${text(s.bearerFormat)})` : "";
      if (s.scheme === "bearer")
        return `A bearer token${format}: pass the token alone and the client sends \`Authorization: Bearer <token>\`.`;
      return `HTTP ${codeSpan(s.scheme)} authentication: pass the credentials and the client sends ${codeSpan(`Authorization: ${s.scheme} <credentials>`)}.`;
    }
    case "oauth2":
      return "An OAuth 2.0 access token, sent as `Authorization: Bearer <token>`. The client does not run OAuth flows: get the token with the flow below and pass it, or pass a function that returns a fresh one (it is called before every request).";
    case "openIdConnect":
      return `An OpenID Connect access token, sent as \`Authorization: Bearer <token>\`. Provider discovery: ${codeSpan(s.openIdConnectUrl)}.`;
    case "mutualTLS":
      return "A TLS client certificate. It is not set through `auth`: configure it on the `fetch` you give the client, for example `fetch: (request) => fetch(request, { dispatcher })` with `dispatcher = new Agent({ connect: { cert, key } })`, an `Agent` of the undici package whose major version is Node.js's own (`process.versions.undici`): with another major, every request may fail.";
  }
}

function flowsTable(flows: OAuthFlowIR[]): TableView | null {
  return table(flows, [
    { title: "Flow", cell: (f) => codeCell(f.flow) },
    {
      title: "Authorization URL",
      cell: (f) => (f.authorizationUrl ? codeCell(f.authorizationUrl) : ""),
      optional: true,
    },
    { title: "Token URL", cell: (f) => (f.tokenUrl ? codeCell(f.tokenUrl) : ""), optional: true },
    { title: "Refresh URL", cell: (f) => (f.refreshUrl ? codeCell(f.refreshUrl) : ""), optional: true },
    {
      title: "Scopes",
      cell: (f) => f.scopes.map((s) => `${codeCell(s.name)}: ${proseCell(s.description)}`).join("; ") || "none",
    },
  ]);
}
