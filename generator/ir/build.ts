import { SpecError, fromPointer } from "../errors.ts";
import { type Obj, nonEmptyStr, obj } from "../shared/json.ts";
import type { BundledSpec } from "../validate/validate.ts";
import { clientNames, type ClientNames } from "./client-names.ts";
import { exportedNames } from "./exported-names.ts";
import { binaryResponse, idempotencyHeader, multipartEncoding } from "./media.ts";
import { fileSlug, packageNaming, pascalCase, unique } from "../shared/names.ts";
import { pagination, type Locate } from "./pagination.ts";
import type {
  ApiIR,
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

/**
 * Builds the IR from a validated, bundled spec. `provider` is the package slug;
 * `locate` (the loader's) puts line and column on errors about extensions.
 */
export function buildIR(spec: BundledSpec, provider: string, locate?: Locate, packageName?: string): ApiIR {
  const doc = spec.document;
  const deref = makeDeref(doc, spec.file);
  const info = (doc.info ?? {}) as Obj;

  const clientNaming = clientNames(doc, (value) => deref(value));
  const operations = collectOperations(doc, clientNaming, deref, spec.file, locate);
  const tags = collectTags(doc, clientNaming);
  const order = new Map(tags.map((t, i) => [t.name, i]));
  // Stable: within a tag, operations keep path-then-method order.
  operations.sort((a, b) => order.get(a.tag)! - order.get(b.tag)!);
  for (const tag of tags) tag.operationIds = operations.filter((o) => o.tag === tag.name).map((o) => o.id);

  const naming = packageNaming(provider, packageName);
  const models = collectModels(doc);
  const names = exportedNames({ ...naming, tags, models, operations });
  for (const model of models) model.typeName = names.models.get(model.name)!;
  for (const op of operations) op.typeNames = names.operations.get(op.id)!;
  return {
    provider,
    ...naming,
    title: nonEmptyStr(info.title) ?? provider,
    apiVersion: nonEmptyStr(info.version) ?? "0.0.0",
    description: nonEmptyStr(info.description),
    openapiVersion: spec.openapiVersion,
    servers: collectServers(doc),
    securitySchemes: collectSecuritySchemes(doc, deref),
    tags,
    operations,
    models,
  };
}

/** Follows local `$ref`s (the bundle has only local ones) to the object they name. */
function makeDeref(doc: Obj, file: string) {
  return function deref(value: unknown, seen: string[] = []): Obj {
    const node = obj(value);
    const ref = node.$ref;
    if (typeof ref !== "string") return node;
    if (seen.includes(ref)) throw new SpecError({ file, pointer: ref }, `$ref cycle: ${[...seen, ref].join(" -> ")}`);
    let target: unknown = doc;
    for (const segment of fromPointer(ref))
      target = target !== null && typeof target === "object" ? (target as Obj)[segment] : undefined;
    if (target === undefined) throw new SpecError({ file, pointer: ref }, `dangling $ref: nothing at ${ref}`);
    return deref(target, [...seen, ref]);
  };
}
type Deref = ReturnType<typeof makeDeref>;

function collectOperations(
  doc: Obj,
  names: ClientNames,
  deref: Deref,
  file: string,
  locate: Locate | undefined,
): OperationIR[] {
  const globalSecurity = doc.security;
  // Ids, method names and tags come from client-names.ts, the one place the client's names are decided.
  return names.operations.map(({ path, method, id, idDerived, methodName, tag }) => {
    const item = deref(obj(doc.paths)[path]);
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    const op = obj(item[method]);
    const pointer = ["paths", path, method];
    const parameters = mergeParameters(shared, Array.isArray(op.parameters) ? op.parameters : [], deref);
    const answers = responses(obj(op.responses), deref);
    return {
      id,
      idDerived,
      methodName,
      tag,
      method,
      path,
      summary: nonEmptyStr(op.summary),
      description: nonEmptyStr(op.description),
      deprecated: op.deprecated === true,
      parameters,
      requestBody: op.requestBody === undefined ? undefined : requestBody(deref(op.requestBody), deref),
      responses: answers,
      security: security(op.security ?? globalSecurity),
      pagination: pagination(
        op["x-pagination"],
        parameters,
        answers,
        deref,
        file,
        [...pointer, "x-pagination"],
        locate,
      ),
      idempotencyHeader: idempotencyHeader(
        op["x-idempotency-key"],
        parameters,
        file,
        [...pointer, "x-idempotency-key"],
        locate,
      ),
      binaryResponse: binaryResponse(answers, deref),
      typeNames: { params: "", result: "", error: "" }, // given once every name is known (see exportedNames)
    };
  });
}

function mergeParameters(shared: unknown[], own: unknown[], deref: Deref): ParameterIR[] {
  const byKey = new Map<string, ParameterIR>();
  for (const raw of [...shared, ...own]) {
    const p = deref(raw);
    const name = nonEmptyStr(p.name) ?? "";
    const location = p.in as ParameterIR["in"];
    const schema = obj(p.schema ?? firstMediaSchema(p.content));
    const example = exampleOf(p, deref) ?? exampleOf(obj(Object.values(obj(p.content))[0]), deref);
    byKey.set(`${location}:${name}`, {
      name,
      in: location,
      required: location === "path" || p.required === true,
      deprecated: p.deprecated === true,
      description: nonEmptyStr(p.description),
      schema,
      style: nonEmptyStr(p.style),
      explode: typeof p.explode === "boolean" ? p.explode : undefined,
      ...(example === undefined ? {} : { example: example.value }),
    });
  }
  return [...byKey.values()];
}

function firstMediaSchema(content: unknown): unknown {
  const first = Object.values(obj(content))[0];
  return obj(first).schema;
}

function media(content: unknown, deref: Deref): MediaIR[] {
  return Object.entries(obj(content)).map(([contentType, m]) => {
    const schema = obj(m).schema;
    const example = exampleOf(obj(m), deref);
    const encoding = multipartEncoding(contentType, obj(obj(m).encoding));
    return {
      contentType,
      ...(schema === undefined ? {} : { schema: obj(schema) }),
      ...(example === undefined ? {} : { example: example.value }),
      ...(encoding === undefined ? {} : { encoding }),
    };
  });
}

/** `example`, else the first `examples` entry's `value` (through a `$ref`); wrapped so `null` counts as given. */
function exampleOf(node: Obj, deref: Deref): { value: unknown } | undefined {
  if (node.example !== undefined) return { value: node.example };
  for (const entry of Object.values(obj(node.examples))) {
    const e = deref(entry);
    if (e.value !== undefined) return { value: e.value };
  }
  return undefined;
}

function requestBody(body: Obj, deref: Deref) {
  return {
    required: body.required === true,
    description: nonEmptyStr(body.description),
    content: media(body.content, deref),
  };
}

function responses(raw: Obj, deref: Deref): ResponseIR[] {
  return Object.entries(raw)
    .filter(([status]) => !status.startsWith("x-"))
    .sort(([a], [b]) => statusRank(a) - statusRank(b) || a.localeCompare(b))
    .map(([status, value]) => {
      const r = deref(value);
      return {
        status,
        description: nonEmptyStr(r.description) ?? "",
        content: media(r.content, deref),
        headers: Object.entries(obj(r.headers)).map(([name, h]) => {
          const header = deref(h);
          return {
            name,
            required: header.required === true,
            description: nonEmptyStr(header.description),
            schema: obj(header.schema),
          };
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

function collectTags(doc: Obj, names: ClientNames): TagIR[] {
  const descriptions = new Map<string, string | undefined>();
  for (const t of Array.isArray(doc.tags) ? doc.tags.map(obj) : []) {
    const name = nonEmptyStr(t.name);
    if (name && !descriptions.has(name)) descriptions.set(name, nonEmptyStr(t.description));
  }
  const slugs = new Set<string>();
  const typeNames = new Set<string>();
  return (
    names.tags
      .map(({ name, propertyName }) => ({
        name,
        propertyName,
        typeName: `${pascalCase(name)}Api`,
        slug: unique(fileSlug(name), slugs),
        description: descriptions.get(name),
        operationIds: [],
      }))
      .map((tag, _i, all) => ({ ...tag, typeName: uniqueTypeName(tag, all) }))
      // The fallback can clash as well ("th_ing" and "thIng" both give ThIngApi): number what is left.
      .map((tag) => ({ ...tag, typeName: unique(tag.typeName, typeNames) }))
  );
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
    url: nonEmptyStr(s.url) ?? "/",
    description: nonEmptyStr(s.description),
    variables: Object.entries(obj(s.variables)).map(([name, v]) => {
      const variable = obj(v);
      return {
        name,
        default: String(variable.default ?? ""),
        enum: Array.isArray(variable.enum) ? variable.enum.map(String) : undefined,
        description: nonEmptyStr(variable.description),
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
      const description = nonEmptyStr(s.description);
      switch (s.type) {
        case "apiKey":
          return {
            key,
            type: "apiKey",
            in: (s.in as "header" | "query" | "cookie") ?? "header",
            name: nonEmptyStr(s.name) ?? key,
            description,
          };
        case "http":
          return {
            key,
            type: "http",
            scheme: (nonEmptyStr(s.scheme) ?? "bearer").toLowerCase(),
            bearerFormat: nonEmptyStr(s.bearerFormat),
            description,
          };
        case "oauth2":
          return { key, type: "oauth2", flows: oauthFlows(obj(s.flows)), description };
        case "openIdConnect":
          return { key, type: "openIdConnect", openIdConnectUrl: nonEmptyStr(s.openIdConnectUrl) ?? "", description };
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
        authorizationUrl: nonEmptyStr(f.authorizationUrl),
        tokenUrl: nonEmptyStr(f.tokenUrl),
        refreshUrl: nonEmptyStr(f.refreshUrl),
        scopes: Object.entries(obj(f.scopes)).map(([name, description]) => ({
          name,
          description: String(description ?? ""),
        })),
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
      return {
        name,
        typeName: "",
        slug: unique(fileSlug(name), slugs, (s) => s.toLowerCase()),
        description: nonEmptyStr(schema.description),
        schema,
      };
    });
}
