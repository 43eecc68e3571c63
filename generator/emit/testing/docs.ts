/**
 * The "Testing your code" example of a package's README and docs overview:
 * a complete module (typechecked with the other doc examples) that mocks the
 * API, answers one operation, calls it through the client and shows what a
 * request the API would refuse looks like. Values come from the docs' example
 * builder, so they have the types the spec declares.
 */
import type { ApiIR, SecuritySchemeIR } from "../../ir/types.ts";
import { PRINT_WIDTH, literal, propertyKey } from "../code.ts";
import { type Examples, importStatement, tsValue } from "../docs/examples.ts";
import { isJsonType, primaryMedia } from "./validators.ts";

export function testingExample(ir: ApiIR, examples: Examples): string {
  // The first operation answering a JSON body with a fixed status: its reply is typed by the spec.
  const op =
    ir.operations.find((o) =>
      o.responses.some((r) => /^2\d\d$/.test(r.status) && isJsonType(primaryMedia(r.content)?.contentType ?? "")),
    ) ?? ir.operations[0];
  const tag = op && ir.tags.find((t) => t.name === op.tag);
  const mockImport = `import { createMock, ValidationError } from ${literal(`${ir.packageName}/testing`)};`;
  if (op === undefined || tag === undefined) {
    return [
      importStatement([ir.factoryName], ir.packageName),
      mockImport,
      "",
      "const mock = createMock();",
      `const api = ${ir.factoryName}({ fetch: mock.fetch });`,
      "console.log(api, mock.calls);",
    ].join("\n");
  }
  const response = op.responses.find((r) => /^2\d\d$/.test(r.status)) ?? op.responses[0]!;
  const media = primaryMedia(response.content);
  const body = media && isJsonType(media.contentType) ? examples.value(media.schema, "body", "response") : undefined;
  const status = /^\d{3}$/.test(response.status) ? response.status : "200";
  const handler = `mock.${tag.propertyName}.${op.methodName}`;
  const options = [`fetch: mock.fetch`];
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(ir.servers[0]?.url ?? "/"))
    options.unshift(`baseUrl: "https://api.example.com"`);
  const security = examples.securityFor(op);
  if (security.length > 0)
    options.push(`auth: { ${security.map((s) => `${propertyKey(s.key)}: ${testCredential(s)}`).join(", ")} }`);
  const argument = examples.callArgument(op, [], true, "  ");
  return [
    importStatement([ir.factoryName], ir.packageName),
    mockImport,
    "",
    "const mock = createMock();",
    clientLine(ir.factoryName, options),
    "",
    "// Answer with a status the operation declares and a body of its schema (anything else is a type error).",
    body === undefined ? `${handler}.reply(${status});` : `${handler}.reply(${status}, ${tsValue(body)});`,
    "",
    "try {",
    `  const result = await api.${tag.propertyName}.${op.methodName}(${argument});`,
    "  console.log(result);",
    "} catch (error) {",
    "  // A request the API would refuse fails the call, naming the operation, the JSON pointer and what was expected.",
    "  if (error instanceof ValidationError) console.error(error.operationId, error.pointer, error.expected);",
    "  else throw error;",
    "}",
    "",
    "// Each request the client sent, parsed back and typed, with its attempt number.",
    `console.log(${handler}.calls[0]?.attempt);`,
  ].join("\n");
}

/**
 * The "Validation" example: the client from the package's "./validate" entry,
 * checking requests and responses against the spec, and what a refused call carries.
 */
export function validationExample(ir: ApiIR, examples: Examples): string {
  const op = ir.operations.find((o) => examples.securityFor(o).length > 0) ?? ir.operations[0];
  const tag = op && ir.tags.find((t) => t.name === op.tag);
  const options = [`validate: { request: "throw", response: "warn" }`];
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(ir.servers[0]?.url ?? "/"))
    options.unshift(`baseUrl: "https://api.example.com"`);
  const security = op === undefined ? [] : examples.securityFor(op);
  if (security.length > 0)
    options.unshift(`auth: { ${security.map((s) => `${propertyKey(s.key)}: ${testCredential(s)}`).join(", ")} }`);
  const lines = [
    importStatement(["ApiError"], ir.packageName),
    `import { ${ir.factoryName}, ValidationError } from ${literal(`${ir.packageName}/validate`)};`,
    "",
    "// The same client as the main entry's, with the compiled validators behind `validate`.",
    clientLine(ir.factoryName, options),
  ];
  if (op === undefined || tag === undefined)
    return [...lines, "console.log(api, ValidationError.name, ApiError.name);"].join("\n");
  return [
    ...lines,
    "",
    "try {",
    `  const result = await api.${tag.propertyName}.${op.methodName}(${examples.callArgument(op, [], true, "  ")});`,
    "  console.log(result);",
    "} catch (error) {",
    "  // A request that does not match the spec is refused before it is sent; the API's own refusals stay ApiErrors.",
    "  if (error instanceof ValidationError) console.error(error.operationId, error.pointer, error.expected);",
    "  else if (error instanceof ApiError) console.error(error.status);",
    "  else throw error;",
    "}",
  ].join("\n");
}

/** The client's creation on one line, or one option per line (as prettier breaks it) past PRINT_WIDTH columns. */
function clientLine(factory: string, options: string[]): string {
  const line = `const api = ${factory}({ ${options.join(", ")} });`;
  return line.length <= PRINT_WIDTH
    ? line
    : `const api = ${factory}({\n${options.map((o) => `  ${o},`).join("\n")}\n});`;
}

function testCredential(scheme: SecuritySchemeIR): string {
  return scheme.type === "http" && scheme.scheme.toLowerCase() === "basic"
    ? `{ username: "test", password: "test" }`
    : `"test-token"`;
}
