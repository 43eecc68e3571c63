/**
 * The intermediate representation every emitter reads. It is built once per
 * spec from the bundled, validated document (see ./build.ts) and holds only
 * plain data: no functions, no references back into the source document, and
 * every list in a stable order so emitters can render it as is.
 */
import type { OperationTypeNames } from "./exported-names.ts";

export type { OperationTypeNames };

import type { HttpMethod } from "../shared/http.ts";

export type { HttpMethod };

/** A JSON Schema object as it appears in the bundled spec (refs left as `$ref`). */
export type JsonSchema = Record<string, unknown>;

export interface ApiIR {
  /** Provider slug: the folder name under generated/ and the package name suffix. */
  provider: string;
  /** npm package name, e.g. `@apigen/latitudesh`. */
  packageName: string;
  /** Name of the exported factory, e.g. `createLatitudeshClient`. */
  factoryName: string;
  /** Name of the "./raw" entry's factory (openapi-fetch's client), e.g. `createLatitudeshRawClient`. */
  rawFactoryName: string;
  /** Name of the SDK interface the factory returns, e.g. `LatitudeshClient`. */
  clientTypeName: string;
  title: string;
  /** info.version of the spec (the API's version, not the package's). */
  apiVersion: string;
  description?: string;
  /** "3.0.x" or "3.1.x" as written in the source document. */
  openapiVersion: string;
  servers: ServerIR[];
  securitySchemes: SecuritySchemeIR[];
  /** Tags in the order the spec's `tags` list gives, then by first use. */
  tags: TagIR[];
  /** Every operation, grouped by tag order, then in path order, then method order. */
  operations: OperationIR[];
  /** Named schemas under components.schemas, sorted by name. */
  models: ModelIR[];
}

export interface ServerIR {
  url: string;
  description?: string;
  variables: ServerVariableIR[];
}

export interface ServerVariableIR {
  name: string;
  default: string;
  enum?: string[];
  description?: string;
}

export type SecuritySchemeIR =
  | { key: string; type: "apiKey"; in: "header" | "query" | "cookie"; name: string; description?: string }
  | { key: string; type: "http"; scheme: string; bearerFormat?: string; description?: string }
  | { key: string; type: "oauth2"; flows: OAuthFlowIR[]; description?: string }
  | { key: string; type: "openIdConnect"; openIdConnectUrl: string; description?: string }
  | { key: string; type: "mutualTLS"; description?: string };

export interface OAuthFlowIR {
  flow: "implicit" | "password" | "clientCredentials" | "authorizationCode";
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  scopes: { name: string; description: string }[];
}

/** One way to authenticate: every scheme in it is sent together (AND). */
export interface SecurityRequirementIR {
  schemes: { key: string; scopes: string[] }[];
}

export interface TagIR {
  name: string;
  /** camelCase property name on the SDK object, e.g. `vpnSessions`. */
  propertyName: string;
  /** PascalCase name of the tag's interface, e.g. `VpnSessionsApi`. */
  typeName: string;
  /** File-system and anchor safe slug, e.g. `vpn-sessions`. */
  slug: string;
  description?: string;
  /** Operation ids in this tag, in operation order. */
  operationIds: string[];
}

export interface OperationIR {
  /** operationId from the spec, or one derived from method and path when absent. */
  id: string;
  /** True when `id` was derived because the spec has no operationId. */
  idDerived: boolean;
  /** camelCase method name on the tag object, unique within the tag. */
  methodName: string;
  /** The tag this operation is grouped under (its first tag, or "default"). */
  tag: string;
  method: HttpMethod;
  path: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  parameters: ParameterIR[];
  requestBody?: RequestBodyIR;
  responses: ResponseIR[];
  /** Alternatives (OR) of requirement sets; empty means the operation needs no auth. */
  security: SecurityRequirementIR[];
  pagination?: PaginationIR;
  /**
   * The header carrying an idempotency key: a declared `Idempotency-Key` header
   * parameter (any case) or the operation's `x-idempotency-key` extension.
   */
  idempotencyHeader?: string;
  /** Names of the operation's exported types (`GetVpnSessionsParams`, ...), unique in the package. */
  typeNames: OperationTypeNames;
  /** The 2xx answer is binary (application/octet-stream, or a `format: binary`/`contentMediaType` schema). */
  binaryResponse: boolean;
}

export interface ParameterIR {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  deprecated: boolean;
  description?: string;
  schema: JsonSchema;
  style?: string;
  explode?: boolean;
  /** The parameter's own `example` (or its first `examples` entry's value), verbatim; absent when it gives none. */
  example?: unknown;
}

export interface RequestBodyIR {
  required: boolean;
  description?: string;
  /** One entry per media type, in spec order. */
  content: MediaIR[];
}

export interface MediaIR {
  contentType: string;
  schema?: JsonSchema;
  /** The media type's `example` (or its first `examples` entry's value), verbatim; absent when it gives none. */
  example?: unknown;
  /** multipart/form-data parts with a declared `encoding` content type, by property name. */
  encoding?: Record<string, { contentType?: string }>;
}

export interface ResponseIR {
  /** "200", "4XX", "default", ... */
  status: string;
  description: string;
  content: MediaIR[];
  headers: { name: string; required: boolean; description?: string; schema?: JsonSchema }[];
}

/**
 * Paging as described by the `x-pagination` extension (specs/README.md):
 * query parameter names, and decoded JSON pointer segments into the 2xx body
 * (e.g. ["meta","pagination","totalCount"]); `itemsPath` [] is the body itself.
 * Every name and pointer was checked against the operation when the IR was built.
 */
export type PaginationIR =
  | { style: "offset"; limitParam: string; offsetParam: string; itemsPath: string[]; totalPath?: string[] | undefined }
  | {
      style: "page";
      pageParam: string;
      sizeParam?: string | undefined;
      itemsPath: string[];
      totalPath?: string[] | undefined;
      totalPagesPath?: string[] | undefined;
    }
  | { style: "cursor"; cursorParam: string; nextPath: string[]; itemsPath: string[]; limitParam?: string | undefined }
  /** The next page's URL comes from the RFC 8288 `Link: <...>; rel="next"` response header. */
  | { style: "link"; itemsPath: string[] };

export interface ModelIR {
  name: string;
  /** The exported type's name, PascalCase and unique in the package (`vpn_session` -> `VpnSession`). */
  typeName: string;
  /** File-system and anchor safe slug. */
  slug: string;
  description?: string;
  schema: JsonSchema;
}
