// Copied by apigen from its client runtime (generator/runtime/body.ts). Do not edit.
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
export function encodeBody(
  kind: BodyKind,
  contentType: string | undefined,
  body: unknown,
  headers: Record<string, string>,
  encoding?: Readonly<Record<string, { readonly contentType?: string }>>,
): BodyInit {
  if (kind === "json") {
    headers["content-type"] = contentType ?? "application/json";
    return defaultBodySerializer(body) as BodyInit;
  }
  if (kind === "multipart") return body instanceof FormData ? body : formData(body as object, encoding);
  headers["content-type"] = contentType as string;
  // Ours, not defaultBodySerializer: it uses URLSearchParams, which joins an array into one
  // `a=1%2C2` pair, where a form body's default (style form, explode true) repeats `a=1&a=2`.
  if (kind === "form" && body !== null && typeof body === "object" && !(body instanceof URLSearchParams)) {
    return serializeQuery(body as Record<string, unknown>, undefined);
  }
  return body as BodyInit;
}

/**
 * openapi-fetch sends FormData as given and has no object-to-FormData step: this is ours. Arrays
 * become repeated parts, bytes and files file parts, objects JSON text, and a part's media type
 * from the spec's `encoding` is kept.
 */
function formData(
  body: object,
  encoding: Readonly<Record<string, { readonly contentType?: string }>> | undefined,
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    const type = encoding?.[name]?.contentType;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) appendPart(form, name, item, type);
    }
  }
  return form;
}

function appendPart(form: FormData, name: string, item: unknown, type: string | undefined): void {
  if (item instanceof Blob) form.append(name, item);
  else if (item instanceof Uint8Array || item instanceof ArrayBuffer)
    form.append(name, new Blob([item as BlobPart], { type: type ?? "application/octet-stream" }), name);
  else {
    // FormData gives every Blob part a file name, so a part keeps plain text (JSON for objects)
    // unless the spec's `encoding` asks for a media type.
    const content = typeof item === "object" && !(item instanceof Date) ? JSON.stringify(item) : text(item);
    if (type === undefined || type.startsWith("text/plain")) form.append(name, content);
    else form.append(name, new Blob([content], { type }));
  }
}
