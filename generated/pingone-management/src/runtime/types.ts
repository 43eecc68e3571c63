// Copied by apigen from its client runtime (generator/runtime/types.ts). Do not edit.
/**
 * Types over an openapi-typescript operation object: what an operation takes and returns, and
 * the ApiError it throws. Re-derived here: openapi-typescript-helpers is not a dependency of
 * generated packages.
 */
import type { ApiError } from "./errors.js";
import type { CallOptions } from "./options.js";
import type { OperationMeta } from "./definition.js";

type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** The union of T's values; undefined for an empty object. (This and the status helpers below are shared with mock.ts, not re-exported by index.ts.) */
export type ValueOf<T> = [keyof T] extends [never] ? undefined : T[keyof T];

type ParamsPart<Op> = Op extends { parameters: infer P }
  ? [RequiredKeys<P>] extends [never]
    ? { params?: P | undefined }
    : { params: P }
  : { params?: never };
type BodyContent<B> = B extends { content: infer C } ? ValueOf<C> : never;
type BodyPart<Op> = Op extends { requestBody: infer B }
  ? { body: BodyContent<B> }
  : Op extends { requestBody?: infer B }
    ? [NonNullable<B>] extends [never]
      ? { body?: never }
      : { body?: BodyContent<NonNullable<B>> | undefined }
    : { body?: never };

/** First argument of an operation: `{ params?: { path, query, header, cookie }, body? }`. */
export type OperationParams<Op> = Simplify<ParamsPart<Op> & BodyPart<Op>>;
/** Arguments of an operation; `params` is optional when nothing inside it is required. */
export type OperationArgs<Op> = [RequiredKeys<OperationParams<Op>>] extends [never]
  ? [params?: OperationParams<Op> | undefined, options?: CallOptions | undefined]
  : [params: OperationParams<Op>, options?: CallOptions | undefined];

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type ToNumber<S> = S extends `${infer N extends number}` ? N : never;
/** The hundred statuses `H`00 to `H`99. */
export type StatusRange<H extends number> = ToNumber<`${H}${Digit}${Digit}`>;
/** Statuses an operation can end with as an error (1xx never surface, 2xx are success). */
type ErrorStatus = StatusRange<3 | 4 | 5>;
type SuccessKey = StatusRange<2> | "2XX";
export type Responses<Op> = Op extends { responses: infer R } ? R : {};
export type ContentOf<R> = R extends { content: infer C } ? ValueOf<C> : undefined;
type SuccessKeys<R> = Extract<keyof R, SuccessKey>;
export type DeclaredCodes<R> = Extract<keyof R, number>;
type DeclaredRanges<R> = keyof R extends infer K
  ? K extends `${infer H extends number}XX`
    ? StatusRange<H>
    : never
  : never;
type ErrorKeys<R> = Exclude<keyof R, SuccessKey>;
// "4XX" covers the 4xx codes not declared on their own; "default" covers every error status left.
type StatusOfKey<K, R> = K extends number
  ? K
  : K extends `${infer H extends number}XX`
    ? Exclude<StatusRange<H>, DeclaredCodes<R>>
    : Exclude<ErrorStatus, DeclaredCodes<R> | DeclaredRanges<R>>;
type Undeclared<R> = "default" extends keyof R ? never : Exclude<ErrorStatus, DeclaredCodes<R> | DeclaredRanges<R>>;
/** Every body the operation declares for an error status. */
type DeclaredErrorBody<R> = { [K in ErrorKeys<R>]: ContentOf<R[K]> }[ErrorKeys<R>];
// An undeclared status is taken to answer like the declared errors (APIs share one error shape),
// so `error.body` reads as their union before `status` is narrowed; empty answers stay undefined.
type UndeclaredBody<R> = [ErrorKeys<R>] extends [never] ? unknown : DeclaredErrorBody<R> | undefined;
type ErrorMember<S, B> = [S] extends [never] ? never : ApiError<S, B>;

/** The 2xx body (union over 2xx statuses; `undefined` for bodiless ones such as 204). */
export type ResponseData<Op> = [SuccessKeys<Responses<Op>>] extends [never]
  ? unknown
  : { [K in SuccessKeys<Responses<Op>>]: ContentOf<Responses<Op>[K]> }[SuccessKeys<Responses<Op>>];

/**
 * ApiError narrowed to Op's declared error responses, discriminated by `status`. Statuses are
 * literal unions (ranges expand to 300..599 minus what is declared), so `err.status === 404`
 * narrows to exactly the 404 body; statuses the spec does not declare have `body: unknown`.
 */
export type ApiErrorOf<Op> =
  | {
      [K in ErrorKeys<Responses<Op>>]: ErrorMember<StatusOfKey<K, Responses<Op>>, ContentOf<Responses<Op>[K]>>;
    }[ErrorKeys<Responses<Op>>]
  | ErrorMember<Undeclared<Responses<Op>>, UndeclaredBody<Responses<Op>>>;

type SuccessStatus<R> = { [K in SuccessKeys<R>]: K extends number ? K : StatusRange<2> }[SuccessKeys<R>];
type HeadersOf<R> = R extends { headers: infer H }
  ? Extract<keyof { [K in keyof H as string extends K ? never : K]: H[K] }, string>
  : never;
type ResponseHeaderName<Op> = { [K in SuccessKeys<Responses<Op>>]: HeadersOf<Responses<Op>[K]> }[SuccessKeys<
  Responses<Op>
>];

/** `Headers` whose `get` suggests the response headers the spec declares. */
export interface TypedHeaders<Name extends string> extends Headers {
  get(name: Name): string | null;
  get(name: string): string | null;
}

/** What `.withResponse()` resolves to: the result and the answer it came from. */
export interface WithResponse<Op> {
  readonly data: ResponseData<Op>;
  readonly response: Response;
  readonly status: [SuccessStatus<Responses<Op>>] extends [never] ? number : SuccessStatus<Responses<Op>>;
  readonly headers: TypedHeaders<ResponseHeaderName<Op>>;
  /** From `x-request-id` and the like (see REQUEST_ID_HEADERS); undefined when the answer has none. */
  readonly requestId: string | undefined;
}

export type Operation<Op> = ((...args: OperationArgs<Op>) => Promise<ResponseData<Op>>) & {
  /** The same call, resolving to `{ data, response, status, headers, requestId }`. */
  withResponse(...args: OperationArgs<Op>): Promise<WithResponse<Op>>;
};
export type PaginatedOperation<Op, Item> = Operation<Op> & {
  /** Yields each page body in the operation's paging style, until the last page, an empty or repeated page, or `maxPages`. */
  pages(...args: OperationArgs<Op>): AsyncIterableIterator<ResponseData<Op>>;
  items(...args: OperationArgs<Op>): AsyncIterableIterator<Item>;
};

/** `isApiError` bound to a package's `operations` map: `const isApiError: ApiErrorGuard<operations> = ...`. */
export type ApiErrorGuard<Ops> = <K extends keyof Ops & string>(
  error: unknown,
  operationId: K,
) => error is ApiErrorOf<Ops[K]>;

/** `_Paths` names the API the runtime serves (unused since the openapi-fetch client over it moved to raw.ts). */
export interface Runtime<_Paths extends {}> {
  operation<Op>(meta: OperationMeta): Operation<Op>;
  paginated<Op, Item>(meta: OperationMeta): PaginatedOperation<Op, Item>;
}
