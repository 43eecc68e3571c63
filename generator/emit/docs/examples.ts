import type { ApiIR, JsonSchema, OperationIR, SecuritySchemeIR, TagIR } from "../../ir/types.ts";
import { words } from "../../shared/names.ts";
import { pagePositionParam, pageSizeParam } from "../../ir/pagination.ts";
import { componentRef } from "../../shared/json-pointer.ts";
import { PRINT_WIDTH, literal, propertyKey } from "../code.ts";
import { lineCount } from "../markdown.ts";
import { type SampleMode, sampleFor } from "./samples.ts";
import type { Schemas } from "./schema.ts";

/**
 * TypeScript examples for the docs, built from the schemas: complete modules
 * (imports included) that call the generated package the way a reader would.
 * test/docs/examples.test.ts typechecks every one of them against the package,
 * so values must have the right types: required parameters and fields get a
 * placeholder of their type, enums their first value, constants their value.
 * Spec strings only ever reach the code through `literal`/`propertyKey`.
 */

/** Model values up to this many lines are shown as TypeScript too. */
const MODEL_VALUE_LINES = 40;

/** What one call sends, as values: parameters grouped by where they go, and the body. */
export interface RequestSample {
  params: Partial<Record<"path" | "query" | "header" | "cookie", Record<string, unknown>>>;
  body: unknown;
  /** The body's media type: the first one the spec lists, which the client sends. */
  contentType: string | undefined;
}

/** A TS expression for a plain value: objects with bare keys where possible. */
export function tsValue(value: unknown, indent = ""): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    // Laid out as prettier does: scalars (and empty `{}`/`[]`) on one line, objects and arrays one per line.
    const flat = (v: unknown) => v === null || typeof v !== "object" || Object.keys(v).length === 0;
    if (value.every(flat)) return `[${value.map((v) => tsValue(v, indent)).join(", ")}]`;
    const inner = indent + "  ";
    return `[\n${value.map((v) => `${inner}${tsValue(v, inner)},`).join("\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const inner = indent + "  ";
    return `{\n${entries.map(([k, v]) => `${inner}${propertyKey(k)}: ${tsValue(v, inner)},`).join("\n")}\n${indent}}`;
  }
  if (typeof value === "string") return literal(value);
  return value === undefined ? "undefined" : JSON.stringify(value);
}

/** An import statement, broken one name per line (as prettier does) when it would pass PRINT_WIDTH columns. */
export function importStatement(names: string[], from: string, typeOnly = false): string {
  const head = `import ${typeOnly ? "type " : ""}`;
  const line = `${head}{ ${names.join(", ")} } from ${literal(from)};`;
  return line.length <= PRINT_WIDTH
    ? line
    : `${head}{\n${names.map((n) => `  ${n},`).join("\n")}\n} from ${literal(from)};`;
}

export class Examples {
  constructor(
    private readonly ir: ApiIR,
    private readonly schemas: Schemas,
  ) {}

  /** A sample value of the schema (its own example first), or undefined when none could be built (a required cycle). */
  value(schema: JsonSchema | undefined, name: string, mode: SampleMode): unknown {
    // Asked for again and again: a model's by every operation and page that names it, an operation's body by
    // its TypeScript example, curl command and body section. Made once per schema (a model by name), name and mode.
    const model =
      typeof schema?.$ref === "string" && Object.keys(schema).length === 1 ? schema.$ref : (schema ?? this.noSchema);
    let byName = this.cache.get(model);
    if (byName === undefined) this.cache.set(model, (byName = new Map()));
    const key = `${mode} ${name}`;
    if (byName.has(key)) return byName.get(key);
    const value = sampleFor(schema, { models: this.schemas, mode, name });
    byName.set(key, value);
    return value;
  }

  private readonly cache = new Map<string | JsonSchema, Map<string, unknown>>();
  private readonly noSchema: JsonSchema = {};

  /** The values a call sends: parameters by place (the spec's examples first) and the body, or undefined parts when none. */
  request(op: OperationIR, skip: string[] = [], requiredOnly = false): RequestSample {
    const params: RequestSample["params"] = {};
    for (const p of op.parameters) {
      if (skip.includes(p.name) || p.deprecated || (requiredOnly && !p.required)) continue;
      let value: unknown;
      if (pageSizeParam(op.pagination) === p.name) value = 20;
      else if (op.pagination?.style === "offset" && op.pagination.offsetParam === p.name) value = 0;
      else value = "example" in p ? p.example : this.value(p.schema, p.name, "request");
      if (value === undefined) continue;
      const group = (params[p.in] ??= {});
      Object.defineProperty(group, p.name, { value, enumerable: true, writable: true, configurable: true });
    }
    const media = op.requestBody?.content[0];
    const body =
      media === undefined
        ? undefined
        : "example" in media
          ? media.example
          : this.value(media.schema, "body", "request");
    return { params, body, contentType: media?.contentType };
  }

  /** The `{ params, body }` argument of a call, or "" when the operation takes none. */
  callArgument(op: OperationIR, skip: string[] = [], requiredOnly = false, indent = ""): string {
    const { params, body } = this.request(op, skip, requiredOnly);
    const arg: Record<string, unknown> = {};
    const ordered = Object.fromEntries(
      (["path", "query", "header", "cookie"] as const).filter((k) => params[k]).map((k) => [k, params[k]]),
    );
    if (Object.keys(ordered).length > 0) arg.params = ordered;
    if (body !== undefined) arg.body = body;
    return Object.keys(arg).length === 0 ? "" : tsValue(arg, indent);
  }

  /** `createX({ auth: {...} })` for the first way to authenticate that the client supports. */
  clientSetup(security: SecuritySchemeIR[], extra: string[] = []): string {
    const options: string[] = [];
    if (!isAbsoluteUrl(this.ir.servers[0]?.url ?? "/")) options.push(`baseUrl: "https://api.example.com"`);
    if (security.length > 0)
      options.push(`auth: { ${security.map((s) => `${propertyKey(s.key)}: ${this.credential(s)}`).join(", ")} }`);
    options.push(...extra);
    const arg = options.length === 0 ? "" : `{\n  ${options.join(",\n  ")},\n}`;
    return `const api = ${this.ir.factoryName}(${arg});`;
  }

  /** A credential for a scheme, read from an environment variable named after provider and scheme. */
  credential(scheme: SecuritySchemeIR): string {
    const env = `process.env.${envName(this.ir.provider, scheme.key)}`;
    if (scheme.type === "http" && scheme.scheme === "basic") {
      return `{ username: ${env}_USER ?? "", password: ${env}_PASSWORD ?? "" }`;
    }
    return `() => ${env}`;
  }

  /** The main example of an operation: create a client, call it, tell API errors apart. */
  operation(op: OperationIR, tag: TagIR): string {
    const security = this.securityFor(op);
    // Inside `try {`: the argument's lines are indented one level further.
    const call = `api.${tag.propertyName}.${op.methodName}(${this.callArgument(op, [], false, "  ")})`;
    const hasBody = op.responses.some((r) => /^2/.test(r.status) && r.content.length > 0);
    return [
      importStatement([this.ir.factoryName, "isApiError"], this.ir.packageName),
      "",
      this.clientSetup(security),
      "",
      "try {",
      hasBody ? `  const result = await ${call};\n  console.log(result);` : `  await ${call};`,
      "} catch (error) {",
      `  if (isApiError(error, ${literal(op.id)})) {`,
      "    console.error(error.status, error.body);",
      "  } else {",
      "    throw error;",
      "  }",
      "}",
    ].join("\n");
  }

  /** Walking every item of a paginated operation. */
  pagination(op: OperationIR, tag: TagIR): string {
    const pg = op.pagination!;
    const arg = this.callArgument(op, [pagePositionParam(pg) ?? ""]);
    return [
      importStatement([this.ir.factoryName], this.ir.packageName),
      "",
      this.clientSetup(this.securityFor(op)),
      "",
      `for await (const item of api.${tag.propertyName}.${op.methodName}.items(${arg})) {`,
      "  console.log(item);",
      "}",
    ].join("\n");
  }

  /** A typed value of a model, through the package's `components` type. */
  model(name: string, schema: JsonSchema): string {
    const alias = typeAlias(name);
    const value = this.value({ $ref: componentRef("schemas", name) }, name, "response");
    const lines = [
      importStatement(["components"], this.ir.packageName, true),
      "",
      `type ${alias} = components["schemas"][${literal(name)}];`,
    ];
    if (value === undefined && !this.schemas.isNullable(schema)) return lines.join("\n");
    const literalValue = tsValue(value ?? null);
    // A long value is shown once, as the page's example JSON (validated against the schema by the docs tests);
    // printing it again as TypeScript would double the model pages of a big API.
    if (lineCount(literalValue) > MODEL_VALUE_LINES) {
      lines.push(
        "",
        `// A sample ${alias} is on this page as JSON.`,
        `export function show(value: ${alias}): void {`,
        "  console.log(value);",
        "}",
      );
    } else {
      lines.push("", `const example: ${alias} = ${literalValue};`, "console.log(example);");
    }
    return lines.join("\n");
  }

  /** The schemes of the operation's first way in that `auth` can satisfy (none when anonymous or mutual TLS only). */
  securityFor(op: OperationIR): SecuritySchemeIR[] {
    for (const requirement of op.security) {
      const schemes = requirement.schemes.map((s) => this.ir.securitySchemes.find((x) => x.key === s.key));
      if (schemes.every((s): s is SecuritySchemeIR => s !== undefined && s.type !== "mutualTLS")) return schemes;
    }
    return [];
  }
}

/** `OPENZITI_EDGE_CLIENT_ZT_SESSION`: an environment variable name from provider and scheme key. */
export function envName(provider: string, key: string): string {
  const name = words(`${provider} ${key}`)
    .join("_")
    .toUpperCase()
    .replace(/[^A-Z0-9_]/g, "");
  return /^[A-Z_]/.test(name) ? name : `API_${name}`;
}

/** A type alias name for a model: PascalCase, a valid identifier whatever the spec calls it. */
export function typeAlias(name: string): string {
  const alias = words(name)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("")
    .replace(/[^\p{ID_Continue}$]/gu, "");
  return /^[\p{ID_Start}$_]/u.test(alias) ? alias : `Model${alias}`;
}

export function isAbsoluteUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^\{[^}]+\}:\/\//.test(url);
}
