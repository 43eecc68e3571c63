/**
 * `credentials`: `; name=value` pairs of the call's cookie credentials. They and the parameters are
 * appended to a Cookie header the caller already set (client or per-call headers).
 */
export declare function cookies(headers: Record<string, string>, credentials: string, params: Record<string, unknown> | undefined): void;
