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
function encodeBody(kind, contentType, body, headers) {
  if (kind === "json") {
    headers["content-type"] = contentType ?? "application/json";
    return defaultBodySerializer(body);
  }
  if (kind === "multipart") return body instanceof FormData ? body : formData(body);
  headers["content-type"] = contentType;
  if (kind === "form" && body !== null && typeof body === "object" && !(body instanceof URLSearchParams)) {
    return serializeQuery(body, void 0);
  }
  return body;
}
function formData(body) {
  const form = new FormData();
  for (const [k, v] of Object.entries(body)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item !== void 0 && item !== null) form.append(k, item instanceof Blob ? item : typeof item === "object" ? JSON.stringify(item) : text(item));
    }
  }
  return form;
}
export {
  bodyKind,
  encodeBody,
  isJson
};
