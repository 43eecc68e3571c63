/**
 * The "Testing your code" example of a package's README and docs overview:
 * a complete module (typechecked with the other doc examples) that mocks the
 * API, answers one operation, calls it through the client and shows what a
 * request the API would refuse looks like. Values come from the docs' example
 * builder, so they have the types the spec declares.
 */
import type { ApiIR, SecuritySchemeIR } from "../../ir/types.ts";
import { literal, propertyKey } from "../code.ts";
import { type Examples, importView, tsValue } from "../docs/examples.ts";
import { braced } from "../layout.ts";
import { isJsonType, primaryMedia } from "./validators.ts";

export function testingExample(ir: ApiIR, examples: Examples): string {
  // The first operation answering a JSON body with a fixed status: its reply is typed by the spec.
  const op =
    ir.operations.find((o) =>
      o.responses.some((r) => /^2\d\d$/.test(r.status) && isJsonType(primaryMedia(r.content)?.contentType ?? "")),
    ) ??
    // An operation may declare no responses at all (OpenAPI 3.1): there is no answer to show it replying with.
    ir.operations.find((o) => o.responses.length > 0);
  const tag = op && ir.tags.find((t) => t.name === op.tag);
  return examples.render("testing.ts", (layout) => {
    const view = {
      import: importView(layout, [ir.factoryName], ir.packageName),
      testing: literal(`${ir.packageName}/testing`),
      factory: ir.factoryName,
    };
    if (op === undefined || tag === undefined) return { ...view, call: null };
    const response = op.responses.find((r) => /^2\d\d$/.test(r.status)) ?? op.responses[0]!;
    const media = primaryMedia(response.content);
    const body = media && isJsonType(media.contentType) ? examples.value(media.schema, "body", "response") : undefined;
    const options = [...baseUrl(ir), `fetch: mock.fetch`, ...auth(examples.securityFor(op))];
    return {
      ...view,
      call: {
        options: layout.choose(...braced(options)),
        tag: tag.propertyName,
        method: op.methodName,
        status: /^\d{3}$/.test(response.status) ? response.status : "200",
        body: body === undefined ? "" : layout.choose((indent) => tsValue(body, indent)),
        argument: layout.choose(examples.callArgument(op, [], true)),
      },
    };
  });
}

/**
 * The "Validation" example: the client from the package's "./validate" entry,
 * checking requests and responses against the spec, and what a refused call carries.
 */
export function validationExample(ir: ApiIR, examples: Examples): string {
  const op = ir.operations.find((o) => examples.securityFor(o).length > 0) ?? ir.operations[0];
  const tag = op && ir.tags.find((t) => t.name === op.tag);
  const security = op === undefined ? [] : examples.securityFor(op);
  const options = [...auth(security), ...baseUrl(ir), `validate: { request: "throw", response: "warn" }`];
  return examples.render("validation.ts", (layout) => ({
    import: importView(layout, ["ApiError"], ir.packageName),
    factory: ir.factoryName,
    validate: literal(`${ir.packageName}/validate`),
    options: layout.choose(...braced(options)),
    call: op &&
      tag && {
        tag: tag.propertyName,
        method: op.methodName,
        argument: layout.choose(examples.callArgument(op, [], true)),
      },
  }));
}

/** The `baseUrl` option when the spec's first server is relative: the client needs an absolute URL. */
function baseUrl(ir: ApiIR): string[] {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ir.servers[0]?.url ?? "/") ? [] : [`baseUrl: "https://api.example.com"`];
}

/** The `auth` option with a test credential per scheme, or none. */
function auth(security: SecuritySchemeIR[]): string[] {
  return security.length === 0
    ? []
    : [`auth: { ${security.map((s) => `${propertyKey(s.key)}: ${testCredential(s)}`).join(", ")} }`];
}

function testCredential(scheme: SecuritySchemeIR): string {
  return scheme.type === "http" && scheme.scheme.toLowerCase() === "basic"
    ? `{ username: "test", password: "test" }`
    : `"test-token"`;
}
