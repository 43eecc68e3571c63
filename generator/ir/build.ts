import { SpecError, fromPointer } from "../errors.ts";
import type { BundledSpec } from "../validate/validate.ts";
import { exportedNames } from "./exported-names.ts";
import { binaryResponse, idempotencyHeader, multipartEncoding } from "./media.ts";
import { asIdentifier, camelCase, isIdentifier, packageNaming, pascalCase, slugify, unique } from "./names.ts";
import { pagination, type Locate } from "./pagination.ts";
import type {
  ApiIR,
  HttpMethod,
  JsonSchema,
  MediaIR,
  ModelIR,
  OAuthFlowIR,
  OperationIR,
  ParameterIR,
  ResponseIR,
  SecurityRequirementIR,
  SecuritySchemeIR,
  ServerIR,
  TagIR,
} from "./types.ts";

export const HTTP_METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const DEFAULT_TAG = "default";

type Obj = Record<string, unknown>;

/**
 * Builds the IR from a validated, bundled spec. `provider` is the package slug;
 * `locate` (the loader's) puts line and column on errors about extensions.
 */
export function buildIR(spec: BundledSpec, provider: string, locate?: Locate): ApiIR {
  const doc = spec.document;
  const deref = makeDeref(doc, spec.file);
  const info = (doc.info ?? {}) as Obj;

  const operations = collectOperations(doc, deref, spec.file, locate);
  const tags = collectTags(doc, operations);
  const order = new Map(tags.map((t, i) => [t.name, i]));
  // Stable: within a tag, operations keep path-then-method order.
  operations.sort((a, b) => order.get(a.tag)! - order.get(b.tag)!);
  for (const tag of tags) tag.operationIds = operations.filter((o) => o.tag === tag.name).map((o) => o.id);

  const naming = packageNaming(provider);
  const models = collectModels(doc);
  const names = exportedNames({ ...naming, tags, models, operations });
  for (const model of models) model.typeName = names.models.get(model.name)!;
  for (const op of operations) op.typeNames = names.operations.get(op.id)!;
  return {
    provider,
    ...naming,
    title: str(info.title) ?? provider,
    apiVersion: str(info.version) ?? "0.0.0",
    description: str(info.description),
    openapiVersion: spec.openapiVersion,
    servers: collectServers(doc),
    securitySchemes: collectSecuritySchemes(doc, deref),
    tags,
    operations,
    models,
  };
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function obj(value: unknown): Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : {};
}

/** Follows local `$ref`s (the bundle has only local ones) to the object they name. */
function makeDeref(doc: Obj, file: string) {
  return function deref(value: unknown, seen: string[] = []): Obj {
    const node = obj(value);
    const ref = node.$ref;
    if (typeof ref !== "string") return node;
    if (seen.includes(ref)) throw new SpecError({ file, pointer: ref }, `$ref cycle: ${[...seen, ref].join(" -> ")}`);
    let target: unknown = doc;
    for (const segment of fromPointer(ref)) target = target !== null && typeof target === "object" ? (target as Obj)[segment] : undefined;
    if (target === undefined) throw new SpecError({ file, pointer: ref }, `dangling $ref: nothing at ${ref}`);
    return deref(target, [...seen, ref]);
  };
}
type Deref = ReturnType<typeof makeDeref>;

function collectOperations(doc: Obj, deref: Deref, file: string, locate: Locate | undefined): OperationIR[] {
  const operations: OperationIR[] = [];
  const ids = new Set<string>();
  const methodNames = new Map<string, Set<string>>();
  const globalSecurity = doc.security;
  for (const [path, rawItem] of Object.entries(obj(doc.paths))) {
    const item = deref(rawItem);
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of HTTP_METHODS) {
      const op = obj(item[method]);
      if (item[method] === undefined) continue;
      const pointer = ["paths", path, method];
      const explicitId = str(op.operationId);
      const id = unique(explicitId ?? derivedId(method, path), ids);
      const tag = (Array.isArray(op.tags) && str(op.tags[0])) || DEFAULT_TAG;
      const taken = methodNames.get(tag) ?? new Set<string>();
      methodNames.set(tag, taken);
      const parameters = mergeParameters(shared, Array.isArray(op.parameters) ? op.parameters : [], deref);
      const answers = responses(obj(op.responses), deref);
      operations.push({
        id,
        idDerived: explicitId === undefined,
        methodName: unique(methodNameFor(id), taken),
        tag,
        method,
        path,
        summary: str(op.summary),
        description: str(op.description),
        deprecated: op.deprecated === true,
        parameters,
        requestBody: op.requestBody === undefined ? undefined : requestBody(deref(op.requestBody)),
        responses: answers,
        security: security(op.security ?? globalSecurity),
        pagination: pagination(op["x-pagination"], parameters, answers, deref, file, [...pointer, "x-pagination"], locate),
        idempotencyHeader: idempotencyHeader(op["x-idempotency-key"], parameters, file, [...pointer, "x-idempotency-key"], locate),
        binaryResponse: binaryResponse(answers, deref),
        typeNames: { params: "", result: "", error: "" }, // given once every name is known (see exportedNames)
      });
    }
  }
  return operations;
}

/** `get /environments/{environmentID}/users` -> `getEnvironmentsEnvironmentIdUsers`. */
function derivedId(method: string, path: string): string {
  return camelCase(`${method} ${path.replace(/[{}]/g, " ")}`);
}

function methodNameFor(id: string): string {
  return isIdentifier(id) ? asIdentifier(id, "operation") : camelCase(id);
}

function mergeParameters(shared: unknown[], own: unknown[], deref: Deref): ParameterIR[] {
  const byKey = new Map<string, ParameterIR>();
  for (const raw of [...shared, ...own]) {
    const p = deref(raw);
    const name = str(p.name) ?? "";
    const location = p.in as ParameterIR["in"];
    const schema = obj(p.schema ?? firstMediaSchema(p.content));
    byKey.set(`${location}:${name}`, {
      name,
      in: location,
      required: location === "path" || p.required === true,
      deprecated: p.deprecated === true,
      description: str(p.description),
      schema,
      style: str(p.style),
      explode: typeof p.explode === "boolean" ? p.explode : undefined,
    });
  }
  return [...byKey.values()];
}

function firstMediaSchema(content: unknown): unknown {
  const first = Object.values(obj(content))[0];
  return obj(first).schema;
}

function media(content: unknown): MediaIR[] {
  return Object.entries(obj(content)).map(([contentType, m]) => {
    const schema = obj(m).schema;
    const encoding = multipartEncoding(contentType, obj(obj(m).encoding));
    return { contentType, ...(schema === undefined ? {} : { schema: obj(schema) }), ...(encoding === undefined ? {} : { encoding }) };
  });
}

function requestBody(body: Obj) {
  return { required: body.required === true, description: str(body.description), content: media(body.content) };
}

function responses(raw: Obj, deref: Deref): ResponseIR[] {
  return Object.entries(raw)
    .filter(([status]) => !status.startsWith("x-"))
    .sort(([a], [b]) => statusRank(a) - statusRank(b) || a.localeCompare(b))
    .map(([status, value]) => {
      const r = deref(value);
      return {
        status,
        description: str(r.description) ?? "",
        content: media(r.content),
        headers: Object.entries(obj(r.headers)).map(([name, h]) => {
          const header = deref(h);
          return { name, required: header.required === true, description: str(header.description), schema: obj(header.schema) };
        }),
      };
    });
}

/** 2XX before 4XX before default; `4XX` after the 4xx codes it covers. */
function statusRank(status: string): number {
  if (status === "default") return 1000;
  const n = Number(status.replace(/X/gi, "9"));
  return Number.isFinite(n) ? n : 999;
}

function security(raw: unknown): SecurityRequirementIR[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((requirement) => ({
    schemes: Object.entries(obj(requirement)).map(([key, scopes]) => ({
      key,
      scopes: Array.isArray(scopes) ? scopes.map(String) : [],
    })),
  }));
}

function collectTags(doc: Obj, operations: OperationIR[]): TagIR[] {
  const declared = Array.isArray(doc.tags) ? doc.tags.map(obj) : [];
  const names: string[] = [];
  const descriptions = new Map<string, string | undefined>();
  for (const t of declared) {
    const name = str(t.name);
    if (name && !names.includes(name)) {
      names.push(name);
      descriptions.set(name, str(t.description));
    }
  }
  for (const op of operations) if (!names.includes(op.tag)) names.push(op.tag);
  const used = new Set(operations.map((o) => o.tag));
  // `raw` is the client's own property (the openapi-fetch client underneath): a tag named "raw" gets `raw2`.
  const properties = new Set<string>(["raw"]);
  const slugs = new Set<string>();
  const typeNames = new Set<string>();
  return names
    .filter((name) => used.has(name))
    .map((name) => ({
      name,
      propertyName: unique(camelCase(name), properties),
      typeName: `${pascalCase(name)}Api`,
      slug: unique(slugify(name), slugs),
      description: descriptions.get(name),
      operationIds: [],
    }))
    .map((tag, _i, all) => ({ ...tag, typeName: uniqueTypeName(tag, all) }))
    // The fallback can clash as well ("th_ing" and "thIng" both give ThIngApi): number what is left.
    .map((tag) => ({ ...tag, typeName: unique(tag.typeName, typeNames) }));
}

function uniqueTypeName(tag: TagIR, all: TagIR[]): string {
  // Two tags can PascalCase alike ("vpn sessions", "VPN-Sessions"); the property name is already unique.
  const clash = all.filter((t) => t.typeName === tag.typeName).length > 1;
  return clash ? `${pascalCase(tag.propertyName)}Api` : tag.typeName;
}

function collectServers(doc: Obj): ServerIR[] {
  const servers = Array.isArray(doc.servers) ? doc.servers.map(obj) : [];
  if (servers.length === 0) return [{ url: "/", variables: [] }];
  return servers.map((s) => ({
    url: str(s.url) ?? "/",
    description: str(s.description),
    variables: Object.entries(obj(s.variables)).map(([name, v]) => {
      const variable = obj(v);
      return {
        name,
        default: String(variable.default ?? ""),
        enum: Array.isArray(variable.enum) ? variable.enum.map(String) : undefined,
        description: str(variable.description),
      };
    }),
  }));
}

function collectSecuritySchemes(doc: Obj, deref: Deref): SecuritySchemeIR[] {
  const schemes = obj(obj(doc.components).securitySchemes);
  return Object.keys(schemes)
    .sort()
    .map((key): SecuritySchemeIR => {
      const s = deref(schemes[key]);
      const description = str(s.description);
      switch (s.type) {
        case "apiKey":
          return { key, type: "apiKey", in: (s.in as "header" | "query" | "cookie") ?? "header", name: str(s.name) ?? key, description };
        case "http":
          return { key, type: "http", scheme: (str(s.scheme) ?? "bearer").toLowerCase(), bearerFormat: str(s.bearerFormat), description };
        case "oauth2":
          return { key, type: "oauth2", flows: oauthFlows(obj(s.flows)), description };
        case "openIdConnect":
          return { key, type: "openIdConnect", openIdConnectUrl: str(s.openIdConnectUrl) ?? "", description };
        default:
          return { key, type: "mutualTLS", description };
      }
    });
}

function oauthFlows(flows: Obj): OAuthFlowIR[] {
  return (["authorizationCode", "clientCredentials", "implicit", "password"] as const)
    .filter((flow) => flows[flow] !== undefined)
    .map((flow) => {
      const f = obj(flows[flow]);
      return {
        flow,
        authorizationUrl: str(f.authorizationUrl),
        tokenUrl: str(f.tokenUrl),
        refreshUrl: str(f.refreshUrl),
        scopes: Object.entries(obj(f.scopes)).map(([name, description]) => ({ name, description: String(description ?? "") })),
      };
    });
}

function collectModels(doc: Obj): ModelIR[] {
  const schemas = obj(obj(doc.components).schemas);
  const slugs = new Set<string>();
  return Object.keys(schemas)
    .sort()
    .map((name) => {
      const schema = obj(schemas[name]) as JsonSchema;
      // Case-insensitive: `Pet` and `pet` must not share a file on macOS or Windows.
      // typeName is given once every name is known (see exportedNames).
      return { name, typeName: "", slug: unique(slugify(name), slugs, (s) => s.toLowerCase()), description: str(schema.description), schema };
    });
}
