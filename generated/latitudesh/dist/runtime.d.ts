import type { Client, Middleware } from "openapi-fetch";
export type { Client, Middleware } from "openapi-fetch";
export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
/** Non-default OpenAPI query serialization (default: style form, explode true). */
export interface QueryStyle {
    readonly style?: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";
    readonly explode?: boolean;
}
export interface OperationMeta {
    readonly id: string;
    readonly method: HttpMethod;
    readonly path: string;
    /** OR of AND-sets of scheme keys; `[]` = no auth. An empty AND-set means "anonymous allowed". */
    readonly security: readonly (readonly string[])[];
    readonly pagination?: {
        readonly limit: string;
        readonly offset: string;
        readonly items: readonly string[];
        readonly total: readonly string[];
    };
    readonly bodyContentType?: string;
    /** Only for query parameters that are not form/explode; keyed by parameter name. */
    readonly query?: Readonly<Record<string, QueryStyle>>;
}
export type SecuritySchemeDef = {
    readonly type: "apiKey";
    readonly in: "header" | "query" | "cookie";
    readonly name: string;
} | {
    readonly type: "http";
    readonly scheme: string;
} | {
    readonly type: "oauth2";
} | {
    readonly type: "openIdConnect";
};
export interface ServerDef {
    readonly url: string;
    readonly variables: Readonly<Record<string, {
        readonly default: string;
        readonly enum?: readonly string[];
    }>>;
}
export interface ApiDefinition {
    readonly servers: readonly ServerDef[];
    readonly securitySchemes: Readonly<Record<string, SecuritySchemeDef>>;
}
/**
 * A static string, `{ username, password }` (http basic) or a provider called once per logical call
 * (for refresh); a provider returning undefined makes the next security alternative be tried.
 * For http basic a string (static or provided) is the already base64-encoded `user:pass`.
 */
export type Credential = string | {
    username: string;
    password: string;
} | (() => string | undefined | Promise<string | undefined>);
export interface RetryOptions {
    /** Total tries including the first. Default 3. */
    attempts?: number | undefined;
    /** Base of the exponential backoff (full jitter). Default 200. */
    baseDelayMs?: number | undefined;
    /** Cap on each wait, also on `Retry-After`. Default 5000. */
    maxDelayMs?: number | undefined;
    /** No retry is started whose wait would end later than this after the first attempt. Default 30000. */
    maxElapsedMs?: number | undefined;
    /** Also retry POST/PATCH. Default false. */
    retryNonIdempotent?: boolean | undefined;
    /** Default [429, 500, 502, 503, 504]. Network errors are always retryable. */
    statuses?: readonly number[] | undefined;
}
/** Fetch options we let callers set; redirect is ours (followed manually to keep credentials on-origin). */
export type FetchInit = Omit<RequestInit, "headers" | "body" | "method" | "signal" | "redirect">;
/** Which of the spec's servers to call; generated clients narrow it to their servers and variable values. */
export interface ServerChoice {
    /** Index into the spec's servers. Default 0. */
    index?: number | undefined;
    /** Values for the server URL's `{variables}`; one left out takes its default. Checked against the enum. */
    variables?: Readonly<Record<string, string | undefined>> | undefined;
}
export interface ClientOptions<Schemes extends string = string, Server extends ServerChoice = ServerChoice> {
    /** Overrides the spec servers. */
    baseUrl?: string | undefined;
    /** Pick a spec server (default index 0) and fill its `{variables}` (enum-checked). */
    server?: Server | undefined;
    auth?: {
        [K in Schemes]?: Credential | undefined;
    } | undefined;
    retry?: RetryOptions | false | undefined;
    /** Budget for a whole logical call: middleware, every attempt, backoff waits, body read. 0/undefined = none. */
    timeoutMs?: number | undefined;
    headers?: Record<string, string> | undefined;
    /** Gets a `Request` per attempt (costs one Request construction per attempt). */
    fetch?: ((input: Request) => Promise<Response>) | undefined;
    /** openapi-fetch middleware: runs once per logical call; retries and redirects happen beneath it. */
    middleware?: readonly Middleware[] | undefined;
    requestInit?: FetchInit | undefined;
    /** Opt-in schema validation of requests and responses (see "Validation hook" below). */
    validate?: ValidateOptions | undefined;
}
export interface CallOptions {
    /** Merged over the client's retry options; `false` disables retries for this call. */
    retry?: RetryOptions | false | undefined;
    /** Overrides the client's timeout for this call; 0 disables it. */
    timeoutMs?: number | undefined;
    signal?: AbortSignal | undefined;
    headers?: Record<string, string> | undefined;
    fetchOptions?: FetchInit | undefined;
}
type RequiredKeys<T> = {
    [K in keyof T]-?: {} extends Pick<T, K> ? never : K;
}[keyof T];
type Simplify<T> = {
    [K in keyof T]: T[K];
} & {};
type ValueOf<T> = [keyof T] extends [never] ? undefined : T[keyof T];
type ParamsPart<Op> = Op extends {
    parameters: infer P;
} ? [RequiredKeys<P>] extends [never] ? {
    params?: P | undefined;
} : {
    params: P;
} : {
    params?: never;
};
type BodyContent<B> = B extends {
    content: infer C;
} ? ValueOf<C> : never;
type BodyPart<Op> = Op extends {
    requestBody: infer B;
} ? {
    body: BodyContent<B>;
} : Op extends {
    requestBody?: infer B;
} ? [NonNullable<B>] extends [never] ? {
    body?: never;
} : {
    body?: BodyContent<NonNullable<B>> | undefined;
} : {
    body?: never;
};
/** First argument of an operation: `{ params?: { path, query, header, cookie }, body? }`. */
export type OperationParams<Op> = Simplify<ParamsPart<Op> & BodyPart<Op>>;
/** Arguments of an operation; `params` is optional when nothing inside it is required. */
export type OperationArgs<Op> = [RequiredKeys<OperationParams<Op>>] extends [never] ? [params?: OperationParams<Op> | undefined, options?: CallOptions | undefined] : [params: OperationParams<Op>, options?: CallOptions | undefined];
type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type ToNumber<S> = S extends `${infer N extends number}` ? N : never;
type StatusRange<H extends number> = ToNumber<`${H}${Digit}${Digit}`>;
/** Statuses an operation can end with as an error (1xx never surface, 2xx are success). */
type ErrorStatus = StatusRange<3 | 4 | 5>;
type SuccessKey = StatusRange<2> | "2XX";
type Responses<Op> = Op extends {
    responses: infer R;
} ? R : {};
type ContentOf<R> = R extends {
    content: infer C;
} ? ValueOf<C> : undefined;
type SuccessKeys<R> = Extract<keyof R, SuccessKey>;
type DeclaredCodes<R> = Extract<keyof R, number>;
type DeclaredRanges<R> = keyof R extends infer K ? (K extends `${infer H extends number}XX` ? StatusRange<H> : never) : never;
type ErrorKeys<R> = Exclude<keyof R, SuccessKey>;
type StatusOfKey<K, R> = K extends number ? K : K extends `${infer H extends number}XX` ? Exclude<StatusRange<H>, DeclaredCodes<R>> : Exclude<ErrorStatus, DeclaredCodes<R> | DeclaredRanges<R>>;
type Undeclared<R> = "default" extends keyof R ? never : Exclude<ErrorStatus, DeclaredCodes<R> | DeclaredRanges<R>>;
type ErrorMember<S, B> = [S] extends [never] ? never : ApiError<S, B>;
/** The 2xx body (union over 2xx statuses; `undefined` for bodiless ones such as 204). */
export type ResponseData<Op> = [SuccessKeys<Responses<Op>>] extends [never] ? unknown : {
    [K in SuccessKeys<Responses<Op>>]: ContentOf<Responses<Op>[K]>;
}[SuccessKeys<Responses<Op>>];
/**
 * ApiError narrowed to Op's declared error responses, discriminated by `status`. Statuses are
 * literal unions (ranges expand to 300..599 minus what is declared), so `err.status === 404`
 * narrows to exactly the 404 body; statuses the spec does not declare have `body: unknown`.
 */
export type ApiErrorOf<Op> = {
    [K in ErrorKeys<Responses<Op>>]: ErrorMember<StatusOfKey<K, Responses<Op>>, ContentOf<Responses<Op>[K]>>;
}[ErrorKeys<Responses<Op>>] | ErrorMember<Undeclared<Responses<Op>>, unknown>;
export type Operation<Op> = (...args: OperationArgs<Op>) => Promise<ResponseData<Op>>;
export type PaginatedOperation<Op, Item> = Operation<Op> & {
    /** Yields each page body, following limit/offset until offset >= total, a short page or an empty page. */
    pages(...args: OperationArgs<Op>): AsyncIterableIterator<ResponseData<Op>>;
    items(...args: OperationArgs<Op>): AsyncIterableIterator<Item>;
};
/** `isApiError` bound to a package's `operations` map: `const isApiError: ApiErrorGuard<operations> = ...`. */
export type ApiErrorGuard<Ops> = <K extends keyof Ops & string>(error: unknown, operationId: K) => error is ApiErrorOf<Ops[K]>;
export interface Runtime<Paths extends {}> {
    /** openapi-fetch client with the same baseUrl/fetch/headers/requestInit/middleware (no auth, retries, timeouts). */
    readonly raw: Client<Paths>;
    operation<Op>(meta: OperationMeta): Operation<Op>;
    paginated<Op, Item>(meta: OperationMeta): PaginatedOperation<Op, Item>;
}
export declare class ApiError<Status = number, Body = unknown> extends Error {
    readonly kind: "api";
    readonly operationId: string;
    readonly status: Status;
    /** Parsed JSON for JSON media types, text otherwise, undefined when empty. */
    readonly body: Body;
    readonly headers: Headers;
    readonly response: Response;
    constructor(operationId: string, response: Response, body: Body);
}
/** The request never produced a response (connection refused/reset, DNS, TLS, body cut off). */
export declare class NetworkError extends Error {
    readonly kind: "network";
    readonly operationId: string;
    readonly cause: unknown;
    constructor(operationId: string, cause: unknown);
}
/** The call's `timeoutMs` budget ran out (covers every attempt and backoff wait). */
export declare class TimeoutError extends Error {
    readonly kind: "timeout";
    readonly operationId: string;
    readonly timeoutMs: number;
    constructor(operationId: string, timeoutMs: number);
}
export declare function isApiError<Ops, K extends keyof Ops & string>(error: unknown, operationId: K): error is ApiErrorOf<Ops[K]>;
/** A complete retry policy: RetryOptions with every field decided. */
export interface RetryPolicy {
    readonly attempts: number;
    readonly baseDelayMs: number;
    readonly maxDelayMs: number;
    readonly maxElapsedMs: number;
    readonly retryNonIdempotent: boolean;
    readonly statuses: readonly number[];
}
/** What the client does when no `retry` option is given (documented in each package's docs). */
export declare const DEFAULT_RETRY: RetryPolicy;
/** Methods retried without `retryNonIdempotent`: repeating them cannot act twice. */
export declare const IDEMPOTENT_METHODS: ReadonlySet<string>;
export declare function createRuntime<Paths extends {}>(definition: ApiDefinition, options?: ClientOptions): Runtime<Paths>;
export type ValidationMode = "throw" | "warn" | "off";
/** What `validators` from a package's "./validate" entry does; the runtime only calls it. */
export interface Validators {
    /** Checks `{ params, body }` as the caller passed it; returns the first mismatch (a ValidationError) or undefined. */
    request(operationId: string, input: {
        params?: object | undefined;
        body?: unknown;
    }, headers: Readonly<Record<string, string>>): Error | undefined;
    /** Checks a parsed 2xx body against the operation's declared schema for `status`. */
    response(operationId: string, status: number, body: unknown): Error | undefined;
}
export interface ValidateOptions {
    /** Check each request before it is sent. Default "off". */
    request?: ValidationMode | undefined;
    /** Check each successful response body. Default "off". */
    response?: ValidationMode | undefined;
    /** `validators` from the package's "./validate" entry (`import { validators } from "@apigen/<provider>/validate"`). */
    validators: Validators;
}
