export type BodyKind = "json" | "form" | "multipart" | "raw";
export declare function isJson(contentType: string): boolean;
export declare function bodyKind(contentType: string | undefined): BodyKind;
/**
 * The body to send; sets `content-type` in `headers` except for multipart (fetch writes the boundary).
 * `toFormData`: the operation's multipart encoder (multipart.ts), bound only where the spec has multipart bodies.
 */
export declare function encodeBody(kind: BodyKind, contentType: string | undefined, body: unknown, headers: Record<string, string>, toFormData: ((body: object) => FormData) | undefined): BodyInit;
