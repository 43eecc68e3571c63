import { serializeArrayParam, serializeObjectParam, serializePrimitiveParam } from "openapi-fetch";
function text(value) {
  return value instanceof Date ? value.toISOString() : String(value);
}
function present(value) {
  return value !== void 0 && value !== null;
}
function encodedEntries(value) {
  const out = {};
  for (const [k, v] of Object.entries(value)) if (present(v)) out[encodeURIComponent(k)] = text(v);
  return out;
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}
function buildPath(op, path) {
  const s = op.segments;
  let out = s[0];
  for (let i = 1; i < s.length; i += 2) {
    const name = s[i];
    const value = path?.[name];
    if (value === void 0 || value === null || value === "")
      throw new Error(`${op.id}: missing required path parameter "${name}"`);
    const encoded = pathValue(name, value, op.pathStyles?.[name]);
    if (encoded === "." || encoded === "..")
      throw new Error(`${op.id}: path parameter "${name}" cannot be ${JSON.stringify(encoded)}`);
    out += encoded + s[i + 1];
  }
  return out;
}
function pathValue(name, value, given) {
  const style = given?.style ?? "simple";
  const explode = given?.explode ?? false;
  if (Array.isArray(value)) return serializeArrayParam(encodeURIComponent(name), value.map(text), { style, explode });
  if (isPlainObject(value))
    return serializeObjectParam(encodeURIComponent(name), encodedEntries(value), { style, explode });
  if (style === "matrix") return `;${serializePrimitiveParam(encodeURIComponent(name), text(value))}`;
  return (style === "label" ? "." : "") + encodeURIComponent(text(value));
}
function serializeQuery(query, styles) {
  let out = "";
  for (const name in query) {
    const value = query[name];
    if (value === void 0 || value === null) continue;
    const part = queryParam(encodeURIComponent(name), value, styles?.[name]);
    if (part !== "") out += out === "" ? part : `&${part}`;
  }
  return out;
}
function queryParam(key, value, given) {
  const style = given?.style ?? "form";
  const explode = given?.explode ?? style === "form";
  if (Array.isArray(value)) {
    const items = value.filter(present).map(text);
    return items.length === 0 ? "" : serializeArrayParam(key, items, { style, explode });
  }
  if (isPlainObject(value)) {
    const entries = encodedEntries(value);
    if (!explode && (style === "spaceDelimited" || style === "pipeDelimited")) {
      const sep = style === "spaceDelimited" ? "%20" : "|";
      const flat = Object.entries(entries).map(([k, v]) => `${k}${sep}${encodeURIComponent(v)}`);
      return flat.length === 0 ? "" : `${key}=${flat.join(sep)}`;
    }
    return serializeObjectParam(key, entries, { style, explode });
  }
  return serializePrimitiveParam(key, text(value));
}
function assignHeaders(target, source) {
  for (const name in source) {
    const value = source[name];
    if (value !== void 0 && value !== null) target[name.toLowerCase()] = text(value);
  }
}
function cookiePairs(cookie) {
  let out = "";
  for (const name in cookie) {
    const v = cookie[name];
    if (v !== void 0 && v !== null) out += `; ${name}=${encodeURIComponent(text(v))}`;
  }
  return out;
}
export {
  assignHeaders,
  buildPath,
  cookiePairs,
  serializeQuery,
  text
};
