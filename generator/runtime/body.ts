/** Request bodies by media type: JSON, form-urlencoded, multipart (objects encoded by multipart.ts), or passed through as given. */
import { serializeQuery } from "./serialize.js";

export type BodyKind = "json" | "form" | "multipart" | "raw";

export function isJson(contentType: string): boolean {
  const semi = contentType.indexOf(";");
  const type = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return type === "application/json" || type.endsWith("+json");
}

export function bodyKind(contentType: string | undefined): BodyKind {
  const type = contentType?.toLowerCase();
  if (type === undefined || isJson(type)) return "json";
  if (type.startsWith("application/x-www-form-urlencoded")) return "form";
  return type.startsWith("multipart/form-data") ? "multipart" : "raw";
}

/**
 * The body to send; sets `content-type` in `headers` except for multipart (fetch writes the boundary).
 * `toFormData`: the operation's multipart encoder (multipart.ts), bound only where the spec has multipart bodies.
 */
export function encodeBody(
  kind: BodyKind,
  contentType: string | undefined,
  body: unknown,
  headers: Record<string, string>,
  toFormData: ((body: object) => FormData) | undefined,
): BodyInit {
  if (kind === "json") {
    headers["content-type"] = contentType ?? "application/json";
    // openapi-fetch's defaultBodySerializer without its form branch (a JSON media type is never a
    // form): FormData as given, anything else as JSON. Importing it costs every bundle about 60 B.
    return body instanceof FormData ? body : JSON.stringify(body);
  }
  if (kind === "multipart") {
    // The generated client passes the formData feature when its spec has a multipart body.
    return body instanceof FormData ? body : (toFormData as (body: object) => FormData)(body as object);
  }
  headers["content-type"] = contentType as string;
  // Ours, not defaultBodySerializer: it uses URLSearchParams, which joins an array into one
  // `a=1%2C2` pair, where a form body's default (style form, explode true) repeats `a=1&a=2`.
  if (kind === "form" && body !== null && typeof body === "object" && !(body instanceof URLSearchParams)) {
    return serializeQuery(body as Record<string, unknown>, undefined);
  }
  return body as BodyInit;
}
