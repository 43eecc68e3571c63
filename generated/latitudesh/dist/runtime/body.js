import { serializeQuery } from "./serialize.js";
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
function encodeBody(kind, contentType, body, headers, toFormData) {
  if (kind === "json") {
    headers["content-type"] = contentType ?? "application/json";
    return body instanceof FormData ? body : JSON.stringify(body);
  }
  if (kind === "multipart") {
    return body instanceof FormData ? body : toFormData(body);
  }
  headers["content-type"] = contentType;
  if (kind === "form" && body !== null && typeof body === "object" && !(body instanceof URLSearchParams)) {
    return serializeQuery(body, void 0);
  }
  return body;
}
export {
  bodyKind,
  encodeBody,
  isJson
};
