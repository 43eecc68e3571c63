/**
 * `@apigen/<provider>/raw`: openapi-fetch's own client on the same base URL, headers, fetch, query
 * serializer and middleware as the methods, for requests the methods do not cover. It sends no
 * credentials and has no retries or timeout. It is an entry point of its own so that a client that
 * never uses it does not bundle openapi-fetch's createClient (about 1.7 kB min+gzip).
 */
import { type Client } from "openapi-fetch";
import type { ApiDefinition } from "./definition.js";
import type { ClientOptions, ServerChoice } from "./options.js";
/** The client options raw uses: no `auth` (it sends no credentials), retries, timeouts or logging. */
export type RawClientOptions<Server extends ServerChoice = ServerChoice> = Pick<ClientOptions<string, Server>, "baseUrl" | "server" | "headers" | "fetch" | "middleware" | "requestInit">;
/**
 * Its fetch goes through the methods' redirect handling, so a credential given in a per-call header
 * never follows a redirect to another origin, and only http(s) hops are followed.
 */
export declare function createRawClient<Paths extends {}>(definition: ApiDefinition, options: RawClientOptions): Client<Paths>;
