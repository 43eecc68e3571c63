/** What the runtime precomputes once per client (State) and once per operation (Bound). */
import type { MergedOptions, Middleware } from "openapi-fetch";
import { type AppliedCredential, type CredentialPart } from "./auth.js";
import { type BodyKind } from "./body.js";
import type { ApiDefinition, MultipartEncoding, OperationMeta } from "./definition.js";
import { type Log } from "./log.js";
import type { ClientOptions, FetchInit } from "./options.js";
import { type RetryPolicy } from "./retry.js";
import type { Features } from "./create.js";
import { type Validation } from "./validate.js";
/** multipart.ts's `formData`, as createRuntime is given it. */
export type FormDataEncoder = (body: object, encoding: MultipartEncoding | undefined) => FormData;
/** An operation's first argument as the runtime reads it. */
export interface Input {
    params?: {
        path?: Record<string, unknown>;
        query?: Record<string, unknown>;
        header?: Record<string, unknown>;
        cookie?: Record<string, unknown>;
    };
    body?: unknown;
}
export interface State {
    readonly baseUrl: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly init: FetchInit;
    readonly fetch: ((input: Request) => Promise<Response>) | undefined;
    readonly retry: RetryPolicy | null;
    readonly timeoutMs: number;
    readonly maxResponseBytes: number;
    readonly middleware: readonly Middleware[];
    mwOptions: MergedOptions | undefined;
    readonly credentialHeaders: readonly string[];
    readonly credentialQuery: readonly string[];
    readonly log: Log | undefined;
    readonly validate: Validation | undefined;
    /** The cookies feature, when the spec has cookie parameters or credentials. */
    readonly cookies: Features["cookies"];
}
/** A call's budget when the client sets none: long enough for large answers, short of forever. */
export declare const DEFAULT_TIMEOUT_MS = 60000;
/** An operation ready to call: its OperationMeta (as the generator emitted it) and what is worked out once from it. */
export interface Bound extends Omit<OperationMeta, "method" | "idempotencyHeader"> {
    readonly method: string;
    readonly segments: readonly string[];
    readonly idempotent: boolean;
    readonly bodyKind: BodyKind;
    /** Set when the first usable alternative is all static: applied without awaiting anything. */
    readonly staticAuth: readonly AppliedCredential[] | undefined;
    readonly auth: readonly (readonly CredentialPart[])[];
    readonly anonymous: boolean;
    /** Lower-cased; a fresh key per logical call, the same on every attempt. */
    readonly idempotencyHeader: string | undefined;
    /** The multipart encoder with the spec's `encoding` bound, when the client has the formData feature. */
    readonly formData: ((body: object) => FormData) | undefined;
    /** The files feature, for an operation whose 2xx answer is a file. */
    readonly readFile: Features["files"];
}
export declare function clientState(definition: ApiDefinition, options: ClientOptions, features: Features): State;
export declare function bind(definition: ApiDefinition, auth: ClientOptions["auth"], meta: OperationMeta, features: Features): Bound;
