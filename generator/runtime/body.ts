/** Request bodies by media type: JSON, form-urlencoded, multipart, or passed through as given. */
import { defaultBodySerializer } from "openapi-fetch";
import { serializeQuery, text } from "./serialize.js";

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

/** The body to send; sets `content-type` in `headers` except for multipart (fetch writes the boundary). */
export function encodeBody(kind: BodyKind, contentType: string | undefined, body: unknown, headers: Record<string, string>): BodyInit {
  if (kind === "json") {
    headers["content-type"] = contentType ?? "application/json";
    return defaultBodySerializer(body) as BodyInit;
  }
  if (kind === "multipart") return body instanceof FormData ? body : formData(body as object);
  headers["content-type"] = contentType as string;
  // Ours, not defaultBodySerializer: it uses URLSearchParams, which joins an array into one
  // `a=1%2C2` pair, where a form body's default (style form, explode true) repeats `a=1&a=2`.
  if (kind === "form" && body !== null && typeof body === "object" && !(body instanceof URLSearchParams)) {
    return serializeQuery(body as Record<string, unknown>, undefined);
  }
  return body as BodyInit;
}

/** openapi-fetch sends FormData as given and has no object-to-FormData step: this is ours. */
function formData(body: object): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(body)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item !== undefined && item !== null) form.append(k, item instanceof Blob ? item : typeof item === "object" ? JSON.stringify(item) : text(item));
    }
  }
  return form;
}
