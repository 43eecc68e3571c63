import type { ApiIR, JsonSchema, OperationIR, SecuritySchemeIR, TagIR } from "../../ir/types.ts";
import { words } from "../../ir/names.ts";
import { pagePositionParam, pageSizeParam } from "../../ir/pagination.ts";
import { literal, propertyKey } from "../code.ts";
import { type Schemas, isObject, nonNullBranches, schemaList, typesOf } from "./schema.ts";

/**
 * TypeScript examples for the docs, built from the schemas: complete modules
 * (imports included) that call the generated package the way a reader would.
 * test/docs/examples.test.ts typechecks every one of them against the package,
 * so values must have the right types: required parameters and fields get a
 * placeholder of their type, enums their first value, constants their value.
 * Spec strings only ever reach the code through `literal`/`propertyKey`.
 */

/** Optional fields are shown down to this depth of nesting; required ones always. */
const OPTIONAL_DEPTH = 3;
const MAX_DEPTH = 8;
const OMIT = Symbol("omit");

type Mode = "request" | "response";

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

/** An import statement, broken one name per line (as prettier does) when it would pass 120 columns. */
export function importStatement(names: string[], from: string, typeOnly = false): string {
  const head = `import ${typeOnly ? "type " : ""}`;
  const line = `${head}{ ${names.join(", ")} } from ${literal(from)};`;
  return line.length <= 120 ? line : `${head}{\n${names.map((n) => `  ${n},`).join("\n")}\n} from ${literal(from)};`;
}

export class Examples {
  constructor(
    private readonly ir: ApiIR,
    private readonly schemas: Schemas,
  ) {}

  /** A value of the schema's type, or undefined when none could be built (a required cycle). */
  value(schema: JsonSchema | undefined, name: string, mode: Mode): unknown {
    const v = this.build(schema ?? {}, name, mode, 0, []);
    return v === OMIT ? undefined : v;
  }

  private build(schema: JsonSchema, name: string, mode: Mode, depth: number, stack: string[]): unknown {
    const model = this.schemas.modelOf(schema);
    if (model !== undefined) {
      if (stack.includes(model.name) || depth > MAX_DEPTH) return OMIT;
      return this.build(model.schema, name, mode, depth, [...stack, model.name]);
    }
    if (typeof schema.$ref === "string") return this.build(this.schemas.deref(schema), name, mode, depth + 1, stack);
    if ("const" in schema) return schema.const;
    if (Array.isArray(schema.enum)) return schema.enum.find((v) => v !== null) ?? null;
    const example = firstExample(schema);
    const types = typesOf(schema);
    if (example !== undefined && types.length > 0 && types.some((t) => matchesType(example, t)) && types.every((t) => t !== "object" && t !== "array")) return example;

    const branches = nonNullBranches(schema);
    if (types.length === 0 && branches.length > 0) {
      for (const branch of branches) {
        const v = this.build(branch, name, mode, depth, stack);
        if (v !== OMIT) return v;
      }
      return OMIT;
    }
    const members = schemaList(schema.allOf).filter(constrains);
    const own = isObject(schema.properties) || isObject(schema.additionalProperties) || isObject(schema.patternProperties);
    if (members.length > 0) {
      // allOf: a member that is not an object (an enum, a string) decides the value; objects merge their fields.
      const values = members.map((m) => this.build(m, name, mode, depth, stack));
      if (values.includes(OMIT)) return OMIT;
      const scalar = values.find((v) => v === null || typeof v !== "object" || Array.isArray(v));
      if (scalar !== undefined) return scalar;
      return this.schemas.fields(schema).length > 0 ? this.object(schema, mode, depth, stack) : Object.assign({}, ...values);
    }
    const onlyNull = types.length === 0 && (schema.type === "null" || (Array.isArray(schema.type) && schema.type.includes("null")));
    const type = types[0] ?? (own ? "object" : schema.items !== undefined ? "array" : onlyNull ? "null" : undefined);
    switch (type) {
      case "string":
        return placeholderString(schema, name);
      case "integer":
      case "number":
        return typeof schema.default === "number" ? schema.default : typeof schema.minimum === "number" ? schema.minimum : 1;
      case "boolean":
        return typeof schema.default === "boolean" ? schema.default : true;
      case "null":
        return null;
      case "array": {
        const item = isObject(schema.items) ? this.build(schema.items, name, mode, depth + 1, stack) : "value";
        return item === OMIT ? [] : [item];
      }
      case "object":
        return this.object(schema, mode, depth, stack);
      default:
        return "value";
    }
  }

  private object(schema: JsonSchema, mode: Mode, depth: number, stack: string[]): unknown {
    const out: Record<string, unknown> = {};
    for (const field of this.schemas.fields(schema)) {
      const s = this.schemas.resolve(field.schema);
      const hidden = s.deprecated === true || field.schema.deprecated === true || (mode === "request" ? s.readOnly === true : s.writeOnly === true);
      // openapi-typescript makes a field with a default non-optional, so such fields are always shown.
      const needed = field.required || field.schema.default !== undefined || s.default !== undefined;
      if (!needed && (depth >= OPTIONAL_DEPTH || hidden)) continue;
      const v = this.build(field.schema, field.name, mode, depth + 1, stack);
      if (v === OMIT) {
        if (needed) return OMIT;
        continue;
      }
      Object.defineProperty(out, field.name, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  /** The `{ params, body }` argument of a call, or "" when the operation takes none. */
  callArgument(op: OperationIR, skip: string[] = [], requiredOnly = false, indent = ""): string {
    const params: Record<string, Record<string, unknown>> = {};
    for (const p of op.parameters) {
      if (skip.includes(p.name) || p.deprecated || (requiredOnly && !p.required)) continue;
      let value: unknown;
      if (pageSizeParam(op.pagination) === p.name) value = 20;
      else if (op.pagination?.style === "offset" && op.pagination.offsetParam === p.name) value = 0;
      else value = this.value(p.schema, p.name, "request");
      if (value === undefined) continue;
      const group = (params[p.in] ??= {});
      Object.defineProperty(group, p.name, { value, enumerable: true, writable: true, configurable: true });
    }
    const arg: Record<string, unknown> = {};
    const ordered = Object.fromEntries((["path", "query", "header", "cookie"] as const).filter((k) => params[k]).map((k) => [k, params[k]]));
    if (Object.keys(ordered).length > 0) arg.params = ordered;
    const media = op.requestBody?.content[0];
    if (media !== undefined) {
      const body = this.value(media.schema, "body", "request");
      if (body !== undefined) arg.body = body;
    }
    return Object.keys(arg).length === 0 ? "" : tsValue(arg, indent);
  }

  /** `createX({ auth: {...} })` for the first way to authenticate that the client supports. */
  clientSetup(security: SecuritySchemeIR[], extra: string[] = []): string {
    const options: string[] = [];
    if (!isAbsolute(this.ir.servers[0]?.url ?? "/")) options.push(`baseUrl: "https://api.example.com"`);
    if (security.length > 0) options.push(`auth: { ${security.map((s) => `${propertyKey(s.key)}: ${this.credential(s)}`).join(", ")} }`);
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
    const value = this.value({ $ref: `#/components/schemas/${escapePointer(name)}` }, name, "response");
    const lines = [importStatement(["components"], this.ir.packageName, true), "", `type ${alias} = components["schemas"][${literal(name)}];`];
    if (value !== undefined || this.schemas.isNullable(schema)) lines.push("", `const example: ${alias} = ${tsValue(value ?? null)};`, "console.log(example);");
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

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function isAbsolute(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^\{[^}]+\}:\/\//.test(url);
}

/** Whether a schema says anything about the value (an allOf member that only adds a description does not). */
function constrains(schema: JsonSchema): boolean {
  const keys = ["$ref", "type", "enum", "const", "properties", "additionalProperties", "patternProperties", "items", "allOf", "anyOf", "oneOf"];
  return keys.some((k) => schema[k] !== undefined);
}

function firstExample(schema: JsonSchema): unknown {
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  return schema.example;
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    default:
      return false;
  }
}

const FORMAT_EXAMPLES: Record<string, string> = {
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  time: "12:00:00Z",
  email: "user@example.com",
  uri: "https://example.com",
  url: "https://example.com",
  uuid: "00000000-0000-4000-8000-000000000000",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  hostname: "host.example.com",
};

function placeholderString(schema: JsonSchema, name: string): string {
  if (typeof schema.default === "string") return schema.default;
  const byFormat = typeof schema.format === "string" ? FORMAT_EXAMPLES[schema.format] : undefined;
  return byFormat ?? `<${name}>`;
}
