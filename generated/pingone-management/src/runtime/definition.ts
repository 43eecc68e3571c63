// Copied by apigen from its client runtime (generator/runtime/definition.ts). Do not edit.
/** What the generator emits into each package's `client.ts`: the API's servers and schemes, one OperationMeta per operation. */

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** Non-default OpenAPI query serialization (default: style form, explode true). */
export interface QueryStyle {
  readonly style?: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  readonly explode?: boolean;
}

/** Non-default OpenAPI path serialization (default: style simple, explode false). */
export interface PathStyle {
  readonly style?: "simple" | "label" | "matrix";
  readonly explode?: boolean;
}

export interface OperationMeta {
  readonly id: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** OR of AND-sets of scheme keys; `[]` = no auth. An empty AND-set means "anonymous allowed". */
  readonly security: readonly (readonly string[])[];
  readonly pagination?: PaginationMeta;
  readonly bodyContentType?: string;
  /** Per multipart field, the part's media type from the spec's `encoding`. */
  readonly multipartEncoding?: MultipartEncoding;
  /** The 2xx answer is a file (octet-stream or a binary schema): resolved as a Blob, or a stream on request. */
  readonly binaryResponse?: true;
  /** A header the operation declares for idempotency keys: one key per logical call, so retrying it is safe. */
  readonly idempotencyHeader?: string;
  /** Set when the 2xx responses declare content and all of it is JSON: a 2xx body that is not JSON is then a ResponseParseError. */
  readonly jsonResponse?: boolean;
  /** Only for query parameters that are not form/explode; keyed by parameter name. */
  readonly query?: Readonly<Record<string, QueryStyle>>;
  /** Only for path parameters that are not simple/non-exploded; keyed by parameter name. */
  readonly pathStyles?: Readonly<Record<string, PathStyle>>;
}

/** Per multipart field, the part's media type from the spec's `encoding`. */
export type MultipartEncoding = Readonly<Record<string, { readonly contentType?: string }>>;

/**
 * How a list operation pages (the spec's `x-pagination`). Strings name query parameters; string
 * arrays are decoded JSON-pointer segments into the 2xx body (`items: []` = the body is the array).
 * A meta without `style` is limit/offset (packages generated before the other styles existed).
 */
export type PaginationMeta =
  | {
      readonly style?: "offset";
      readonly limit: string;
      readonly offset: string;
      readonly items: readonly string[];
      readonly total?: readonly string[];
    }
  | {
      readonly style: "page";
      readonly page: string;
      readonly size?: string;
      readonly items: readonly string[];
      readonly total?: readonly string[];
      readonly totalPages?: readonly string[];
    }
  | {
      readonly style: "cursor";
      readonly cursor: string;
      readonly next: readonly string[];
      readonly items: readonly string[];
      readonly limit?: string;
    }
  | { readonly style: "link"; readonly items: readonly string[] };

export type SecuritySchemeDef =
  | { readonly type: "apiKey"; readonly in: "header" | "query" | "cookie"; readonly name: string }
  | { readonly type: "http"; readonly scheme: string }
  | { readonly type: "oauth2" }
  | { readonly type: "openIdConnect" };

export interface ServerDef {
  readonly url: string;
  readonly variables: Readonly<Record<string, { readonly default: string; readonly enum?: readonly string[] }>>;
}

export interface ApiDefinition {
  readonly servers: readonly ServerDef[];
  readonly securitySchemes: Readonly<Record<string, SecuritySchemeDef>>;
}
