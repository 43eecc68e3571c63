import type { Operations } from "./client.js";
import type { OperationParams } from "./runtime/index.js";
import { ValidationError } from "./validate.js";
export { ValidationError };
type ValueOf<T> = [keyof T] extends [never] ? undefined : T[keyof T];
type Responses<Op> = Op extends {
    responses: infer R;
} ? R : {};
type ContentOf<R> = R extends {
    content: infer C;
} ? ValueOf<C> : undefined;
type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type ToNumber<S> = S extends `${infer N extends number}` ? N : never;
type StatusRange<H extends number> = ToNumber<`${H}${Digit}${Digit}`>;
type Codes<R> = Extract<keyof R, number>;
type StatusOfKey<R, K> = K extends number ? K : K extends `${infer H extends number}XX` ? Exclude<StatusRange<H>, Codes<R>> : K extends "default" ? Exclude<StatusRange<2 | 3 | 4 | 5>, Codes<R>> : never;
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
/** A mock of the whole API: give `fetch` to the client; one property per tag, one per operation. */
export interface LatitudeshClientMock {
    /** For the client: `createLatitudeshClient({ fetch: mock.fetch })`. */
    readonly fetch: (request: Request) => Promise<Response>;
    /** Every call, oldest first. */
    readonly calls: readonly MockCall[];
    /** Forgets handlers and calls. */
    reset(): void;
    readonly vpnSessions: {
        readonly getVpnSessions: MockOperation<Operations["get-vpn-sessions"]>;
        readonly postVpnSession: MockOperation<Operations["post-vpn-session"]>;
        readonly deleteVpnSession: MockOperation<Operations["delete-vpn-session"]>;
        readonly putVpnSession: MockOperation<Operations["put-vpn-session"]>;
    };
}
/**
 * A mock of the API for tests: no network, no server. Every request the client
 * sends is checked against the spec (path, query, headers, credentials, content
 * type, body); a mismatch fails the call with a ValidationError naming the
 * operation, the JSON pointer and what was expected. Without a handler an
 * operation answers with the spec's example (or a value built from its schema).
 *
 * @example
 * const mock = createMock();
 * const api = createLatitudeshClient({ fetch: mock.fetch });
 */
export declare function createMock(): LatitudeshClientMock;
