import { defaultBodySerializer } from "openapi-fetch";
import { serializeQuery, text } from "./serialize.js";
function isJson(contentType) {
  const semi = contentType.indexOf(";");
  const type = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return type === "application/json" || type.endsWith("+json");
}
function bodyKind(contentType) {
  const type = contentType?.toLowerCase();
  if (type === void 0 || isJson(type)) return "json";
  if (type.startsWith("application/x-www-form-urlencoded")) return "form";
  return type.startsWith("multipart/form-data") ? "multipart" : "raw";
}
function encodeBody(kind, contentType, body, headers, encoding) {
  if (kind === "json") {
    headers["content-type"] = contentType ?? "application/json";
    return defaultBodySerializer(body);
  }
  if (kind === "multipart") return body instanceof FormData ? body : formData(body, encoding);
  headers["content-type"] = contentType;
  if (kind === "form" && body !== null && typeof body === "object" && !(body instanceof URLSearchParams)) {
    return serializeQuery(body, void 0);
  }
  return body;
}
function formData(body, encoding) {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    const type = encoding?.[name]?.contentType;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== void 0 && item !== null) appendPart(form, name, item, type);
    }
  }
  return form;
}
function appendPart(form, name, item, type) {
  if (item instanceof Blob) form.append(name, item);
  else if (item instanceof Uint8Array || item instanceof ArrayBuffer)
    form.append(name, new Blob([item], { type: type ?? "application/octet-stream" }), name);
  else {
    const content = typeof item === "object" && !(item instanceof Date) ? JSON.stringify(item) : text(item);
    if (type === void 0 || type.startsWith("text/plain")) form.append(name, content);
    else form.append(name, new Blob([content], { type }));
  }
}
export {
  bodyKind,
  encodeBody,
  isJson
};
