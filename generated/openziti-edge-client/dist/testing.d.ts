import type { Operations } from "./client.js";
import { type MockCall, type MockOperation } from "./runtime/mock.js";
import { ValidationError } from "./validate.js";
export { ValidationError };
export type { MockBody, MockCall, MockOperation, MockReply, MockRequest, MockStatus } from "./runtime/mock.js";
/** A mock of the whole API: give `fetch` to the client; one property per tag, one per operation. */
export interface OpenzitiEdgeClientMock {
    /** For the client: `createOpenzitiEdgeClient({ fetch: mock.fetch })`. */
    readonly fetch: (request: Request) => Promise<Response>;
    /** Every call, oldest first. */
    readonly calls: readonly MockCall[];
    /** Forgets handlers and calls. */
    reset(): void;
    readonly session: {
        readonly listSessions: MockOperation<Operations["listSessions"]>;
        readonly createSession: MockOperation<Operations["createSession"]>;
        readonly detailSession: MockOperation<Operations["detailSession"]>;
        readonly deleteSession: MockOperation<Operations["deleteSession"]>;
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
 * const api = createOpenzitiEdgeClient({ fetch: mock.fetch });
 */
export declare function createMock(): OpenzitiEdgeClientMock;
