/**
 * The test kit's mock (a package's "./testing" entry), the same for every package. The package's
 * `testing.ts` keeps only what is particular to its spec (the operations as the mock needs them, the
 * typed mock interface, the property per tag and operation) and passes it here with its compiled
 * validators' checks, so the machinery is written, bundled and typechecked once. Only the "./testing"
 * entry imports this module; index.ts does not re-export it, so no client bundle reaches it.
 */
import type { ContentOf, DeclaredCodes, OperationParams, Responses, StatusRange } from "./types.js";
type StatusOfKey<R, K> = K extends number ? K : K extends `${infer H extends number}XX` ? Exclude<StatusRange<H>, DeclaredCodes<R>> : K extends "default" ? Exclude<StatusRange<2 | 3 | 4 | 5>, DeclaredCodes<R>> : never;
type Params<Op> = Op extends {
    parameters: infer P;
} ? P : {};
type Part<P, K extends string> = P extends {
    [k in K]?: infer X;
} ? ([X] extends [never] ? {} : NonNullable<X>) : {};
/** The statuses a handler of `Op` may answer: those the spec declares (ranges and `default` expanded). */
export type MockStatus<Op> = {
    [K in keyof Responses<Op>]: StatusOfKey<Responses<Op>, K>;
}[keyof Responses<Op>];
/** The body the spec declares for status `S` of `Op` (`undefined` when it declares none). */
export type MockBody<Op, S> = {
    [K in keyof Responses<Op>]: S extends StatusOfKey<Responses<Op>, K> ? ContentOf<Responses<Op>[K]> : never;
}[keyof Responses<Op>];
/** What a handler function returns: a declared status with its body, and optional headers. */
export type MockReply<Op> = {
    [K in keyof Responses<Op>]: {
        status: StatusOfKey<Responses<Op>, K>;
        headers?: Record<string, string> | undefined;
    } & ([ContentOf<Responses<Op>[K]>] extends [undefined] ? {
        body?: undefined;
    } : {
        body: ContentOf<Responses<Op>[K]>;
    });
}[keyof Responses<Op>];
/** A request the client sent, parsed back and typed as the operation declares it. */
export interface MockRequest<Op> {
    operationId: string;
    /** 1 for the first try, 2 for the client's first retry of the same request, and so on. */
    attempt: number;
    path: Part<Params<Op>, "path">;
    query: Part<Params<Op>, "query">;
    /** Header parameters the operation declares, by lower-cased name. */
    header: Record<string, unknown>;
    body: unknown extends Op ? unknown : OperationParams<Op> extends {
        body?: infer B;
    } ? B : undefined;
    /** Every header sent, credentials included. */
    headers: Headers;
    url: string;
    method: string;
}
/** A recorded call: the request and the status the mock answered (undefined when it refused the request). */
export type MockCall<Op = unknown> = MockRequest<Op> & {
    status: number | undefined;
};
type BodyArgs<Op, S> = [MockBody<Op, S>] extends [undefined] ? [body?: undefined, headers?: Record<string, string>] : [body: MockBody<Op, S>, headers?: Record<string, string>];
type Handler<Op> = (request: MockRequest<Op>) => MockReply<Op> | Response | Promise<MockReply<Op> | Response>;
/** The mock of one operation: what it answers, and the calls it received. */
export interface MockOperation<Op> {
    /** Answer with what `handler` returns for each request; throw in it to simulate a network failure. */
    reply(handler: Handler<Op>): void;
    /** Answer with this status and body (checked against the spec) until reset. */
    reply<S extends MockStatus<Op>>(status: S, ...body: BodyArgs<Op, S>): void;
    /** The calls of this operation, oldest first. */
    readonly calls: readonly MockCall<Op>[];
}
export interface MockParameterSpec {
    readonly name: string;
    readonly in: string;
    readonly type: string;
    readonly items?: string;
    readonly style?: string;
    readonly explode?: boolean;
}
export interface MockOperationSpec {
    readonly id: string;
    readonly method: string;
    readonly path: string;
    readonly parameters: readonly MockParameterSpec[];
    readonly security: readonly (readonly string[])[];
    readonly bodyTypes: readonly string[];
    readonly responses: Readonly<Record<string, string | null>>;
    readonly answer?: {
        readonly status: number;
        readonly body?: unknown;
        readonly invalid?: string;
    };
}
export interface MockSchemeSpec {
    readonly type: string;
    readonly in?: string;
    readonly name?: string;
    readonly scheme?: string;
}
/** The spec's operations and security schemes, as the mock needs them to recognise and check a request. */
export interface MockSpec {
    readonly operations: readonly MockOperationSpec[];
    readonly schemes: Readonly<Record<string, MockSchemeSpec>>;
}
/** A request as the package's validators see it: header names lower-cased, values already parsed. */
interface RequestParts {
    path: Record<string, unknown>;
    query: Record<string, unknown>;
    header: Record<string, unknown>;
    body?: unknown;
}
/** The package's compiled checks and its ValidationError class (which lives with the validators, not here). */
export interface MockChecks {
    checkRequest(operationId: string, request: RequestParts): Error | undefined;
    checkResponse(operationId: string, status: number, body: unknown): Error | undefined;
    ValidationError: new (operationId: string, direction: "request" | "response", pointer: string, expected: string, status?: number) => Error;
}
/** The mock's members apart from its tags: what `createMock` in the package's testing.ts types and returns. */
export interface MockBase {
    readonly fetch: (request: Request) => Promise<Response>;
    readonly calls: readonly MockCall[];
    reset(): void;
}
/**
 * The mock of one package's API: `fetch`, `calls`, `reset`, and under `tags[tag][method]` the
 * operation with that id (the property names as the package's mock interface declares them).
 */
export declare function mockApi(spec: MockSpec, checks: MockChecks, tags: Readonly<Record<string, Readonly<Record<string, string>>>>): MockBase;
export {};
