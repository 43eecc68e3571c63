import type { Operations } from "./client.js";
import { type MockCall, type MockOperation } from "./runtime/mock.js";
import { ValidationError } from "./validate.js";
export { ValidationError };
export type { MockBody, MockCall, MockOperation, MockReply, MockRequest, MockStatus } from "./runtime/mock.js";
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
