// Copied by apigen from its client runtime (generator/runtime/multipart.ts). Do not edit.
/**
 * Multipart bodies: a plain object to FormData. A feature of its own (passed to createRuntime by the
 * clients whose spec has multipart bodies), so other clients do not bundle it.
 */
import type { MultipartEncoding } from "./definition.js";
import { text } from "./serialize.js";

/**
 * openapi-fetch sends FormData as given and has no object-to-FormData step: this is ours. Arrays
 * become repeated parts, bytes and files file parts, objects JSON text, and a part's media type
 * from the spec's `encoding` is kept.
 */
export function formData(body: object, encoding: MultipartEncoding | undefined): FormData {
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
