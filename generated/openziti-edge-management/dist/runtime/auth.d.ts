/**
 * Credentials: bound once per operation from the spec's security requirements and the client's
 * `auth` option, resolved per call (providers may refresh), applied to headers, query and cookie.
 */
import type { ApiDefinition, OperationMeta } from "./definition.js";
import type { ClientOptions } from "./options.js";
/** basic-auth.ts's `basicAuth`, as createRuntime is given it. */
export type BasicEncoder = (credential: {
    username: string;
    password: string;
}) => string;
type Provider = () => string | null | undefined | Promise<string | null | undefined>;
export type Place = "header" | "query" | "cookie";
/** A credential ready to apply; `value` already carries any "Bearer "/"Basic " prefix. */
export interface AppliedCredential {
    readonly place: Place;
    readonly name: string;
    readonly value: string;
}
export interface CredentialPart {
    readonly place: Place;
    readonly name: string;
    readonly prefix: string;
    readonly value: string | undefined;
    readonly provider: Provider | undefined;
}
export interface BoundAuth {
    /** Set when the first usable alternative is all static: applied without awaiting anything. */
    readonly staticAuth: readonly AppliedCredential[] | undefined;
    /** Usable alternatives, in spec order. */
    readonly auth: readonly (readonly CredentialPart[])[];
}
/** The security alternatives the client holds every credential for, in spec order. */
export declare function bindAuth(definition: ApiDefinition, auth: ClientOptions["auth"], meta: OperationMeta, basic: BasicEncoder | undefined): BoundAuth;
/** First alternative whose every credential is available (providers returning undefined, null or "" are not). */
export declare function resolveAuth(alternatives: readonly (readonly CredentialPart[])[]): Promise<AppliedCredential[] | undefined>;
/** Where a request's credentials go; header credentials are written straight into `headers`. */
export interface CredentialTarget {
    headers: Record<string, string>;
    query: string;
    cookie: string;
}
export declare function applyCredentials(credentials: readonly AppliedCredential[], target: CredentialTarget): void;
/** Headers and query names that carry credentials: dropped when a redirect leaves the origin. */
export declare function credentialCarriers(definition: ApiDefinition): {
    headers: string[];
    query: string[];
};
export {};
