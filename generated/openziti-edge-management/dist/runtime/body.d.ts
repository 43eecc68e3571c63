export type BodyKind = "json" | "form" | "multipart" | "raw";
export declare function isJson(contentType: string): boolean;
export declare function bodyKind(contentType: string | undefined): BodyKind;
/** The body to send; sets `content-type` in `headers` except for multipart (fetch writes the boundary). */
export declare function encodeBody(kind: BodyKind, contentType: string | undefined, body: unknown, headers: Record<string, string>, encoding?: Readonly<Record<string, {
    readonly contentType?: string;
}>>): BodyInit;
