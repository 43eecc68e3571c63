import type { ApiIR, JsonSchema, OperationIR, SecuritySchemeIR, TagIR } from "../../ir/types.ts";
import { words } from "../../shared/names.ts";
import { pagePositionParam, pageSizeParam } from "../../ir/pagination.ts";
import { componentRef } from "../../shared/json-pointer.ts";
import { literal, propertyKey } from "../code.ts";
import { type CodeValue, Layout, type Shape, braced, objectLayouts } from "../layout.ts";
import type { Templates } from "../templates.ts";
import { lineCount } from "../markdown.ts";
import { type SampleMode, sampleFor, samplesOf } from "./samples.ts";
import type { Schemas } from "./schema.ts";

/**
 * TypeScript examples for the docs, built from the schemas: complete modules
 * (imports included) that call the generated package the way a reader would.
 * test/docs/examples.test.ts typechecks every one of them against the package,
 * so values must have the right types: required parameters and fields get a
 * placeholder of their type, enums their first value, constants their value.
 * Spec strings only ever reach the code through `literal`/`propertyKey`.
 * The code's text is in templates/examples/; this module computes what goes in it.
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

/** The view of an import statement (the `import` partial): its names on one line, or one a line (as prettier breaks them). */
export function importView(layout: Layout, names: string[], from: string, typeOnly = false) {
  return {
    typeOnly,
    // prettier never breaks an import of one name, however long its line.
    names: names.length === 1 ? `{ ${names[0]} }` : layout.choose(...braced(names)),
    from: literal(from),
  };
}

export class Examples {
  constructor(
    private readonly ir: ApiIR,
    private readonly schemas: Schemas,
    private readonly templates: Templates,
  ) {}

  /**
   * A code sample from its template under templates/examples/, with the view `build` makes
   * (given the layout that fits its markers to their lines), without the file's last newline:
   * the fence that holds the sample adds its own.
   */
  render(name: string, build: (layout: Layout) => object): string {
    const layout = new Layout();
    return layout.fit(this.templates.render(`examples/${name}.hbs`, build(layout))).replace(/\n$/, "");
  }

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
    // Shared with the IR's other users (the test kit, the README), and kept by a watcher across saves.
    const value = samplesOf(this.ir).get(model, key, () => sampleFor(schema, { models: this.schemas, mode, name }));
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
      // The client makes a fresh idempotency key per call; one copied from an example would be shared by every call.
      if (!p.required && p.in === "header" && p.name.toLowerCase() === op.idempotencyHeader?.toLowerCase()) continue;
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

  /** The `{ params, body }` argument of a call, below the indent of its line, or "" when the operation takes none. */
  callArgument(op: OperationIR, skip: string[] = [], requiredOnly = false): Shape {
    const { params, body } = this.request(op, skip, requiredOnly);
    const arg: Record<string, unknown> = {};
    const ordered = Object.fromEntries(
      (["path", "query", "header", "cookie"] as const).filter((k) => params[k]).map((k) => [k, params[k]]),
    );
    if (Object.keys(ordered).length > 0) arg.params = ordered;
    if (body !== undefined) arg.body = body;
    return Object.keys(arg).length === 0 ? "" : (indent) => tsValue(arg, indent);
  }

  /**
   * The view of `const api = createX({ ... })` (the `api-client` partial), with the first way to
   * authenticate that the client supports; `auth` laid out on its line as prettier would.
   */
  clientSetup(layout: Layout, security: SecuritySchemeIR[]): { factory: string; options: string[] } {
    const options: string[] = [];
    if (!isAbsoluteUrl(this.ir.servers[0]?.url ?? "/")) options.push(`baseUrl: "https://api.example.com"`);
    if (security.length > 0)
      options.push(
        `auth: ${layout.choose(...objectLayouts(security.map((s) => [propertyKey(s.key), this.credential(s)])))}`,
      );
    return { factory: this.ir.factoryName, options };
  }

  /** A credential for a scheme, read from an environment variable named after provider and scheme. */
  credential(scheme: SecuritySchemeIR): CodeValue {
    const env = `process.env.${envName(this.ir.provider, scheme.key)}`;
    if (scheme.type === "http" && scheme.scheme === "basic") {
      return [
        ["username", `${env}_USER ?? ""`],
        ["password", `${env}_PASSWORD ?? ""`],
      ];
    }
    return `() => ${env}`;
  }

  /**
   * The main example of an operation: create a client, call it, tell API errors apart.
   * `argv` names variables read from the command line first (the package README's example).
   */
  operation(op: OperationIR, tag: TagIR, argv: string[] = []): string {
    return this.render("operation.ts", (layout) => ({
      import: importView(layout, [this.ir.factoryName, "isApiError"], this.ir.packageName),
      client: this.clientSetup(layout, this.securityFor(op)),
      argv,
      hasBody: op.responses.some((r) => /^2/.test(r.status) && r.content.length > 0),
      tag: tag.propertyName,
      method: op.methodName,
      argument: layout.choose(this.callArgument(op)),
      operationId: literal(op.id),
    }));
  }

  /** Walking every item of a paginated operation. */
  pagination(op: OperationIR, tag: TagIR): string {
    return this.render("pagination.ts", (layout) => ({
      import: importView(layout, [this.ir.factoryName], this.ir.packageName),
      client: this.clientSetup(layout, this.securityFor(op)),
      tag: tag.propertyName,
      method: op.methodName,
      argument: layout.choose(this.callArgument(op, [pagePositionParam(op.pagination!) ?? ""])),
    }));
  }

  /** A typed value of a model, through the package's `components` type. */
  model(name: string, schema: JsonSchema): string {
    const value = this.value({ $ref: componentRef("schemas", name) }, name, "response");
    const shown = value !== undefined || this.schemas.isNullable(schema);
    // A long value is shown once, as the page's example JSON (validated against the schema by the docs tests);
    // printing it again as TypeScript would double the model pages of a big API.
    const asJson = shown && lineCount(tsValue(value ?? null)) > MODEL_VALUE_LINES;
    return this.render("model.ts", (layout) => ({
      import: importView(layout, ["components"], this.ir.packageName, true),
      alias: typeAlias(name),
      name: literal(name),
      asJson,
      value: shown && !asJson ? layout.choose((indent) => tsValue(value ?? null, indent)) : "",
    }));
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
