/**
 * Credentials out of anything shown: pure functions shared by errors and the logger. What counts as a
 * credential is what the spec declares (apiKey header and query names) plus Authorization,
 * Proxy-Authorization and Cookie (State.credentialHeaders / credentialQuery).
 */
export declare const REDACTED = "[REDACTED]";
/** `url` with the values of the named query parameters replaced by [REDACTED]. */
export declare function redactUrl(url: string, secretQueryNames: readonly string[]): string;
/** A plain copy of `headers` (lower-cased names) with the values of the named ones replaced by [REDACTED]. */
export declare function redactHeaders(headers: HeadersInit | undefined, secretHeaderNames: readonly string[]): Record<string, string>;
/**
 * The credential values one request carries: each credential header's value and its words
 * (`Bearer <token>`, `sid=<value>; ...`), each credential query value as given and as encoded.
 */
export declare function secretsIn(url: string, headers: HeadersInit | undefined, secretHeaderNames: readonly string[], secretQueryNames: readonly string[]): string[];
/** `text` with every occurrence of each secret replaced by [REDACTED]. */
export declare function redactText(text: string, secrets: readonly string[]): string;
/**
 * An error (and its cause chain) made safe to show: a copy with the same prototype (so `instanceof`,
 * `name` and `code` still work) whose string properties (message, stack, ...) are redacted and whose
 * other object-valued properties (a Request, headers, ...) are dropped. Unchanged when there is no secret.
 */
export declare function redactError(error: unknown, secrets: readonly string[]): unknown;
