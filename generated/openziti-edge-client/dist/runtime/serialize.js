import { serializeArrayParam, serializeObjectParam, serializePrimitiveParam } from "openapi-fetch";
const arrayParam = serializeArrayParam;
const objectParam = serializeObjectParam;
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
  const options = { style: given?.style ?? "simple", explode: given?.explode ?? false };
  const list = Array.isArray(value);
  if (!list && isPlainObject(value))
    return objectParam(encodeURIComponent(name), encodedEntries(value), options);
  if (!list && options.style === "simple") return encodeURIComponent(text(value));
  return arrayParam(encodeURIComponent(name), (list ? value : [value]).map(text), options);
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
  const options = { style, explode: given?.explode ?? style === "form" };
  if (!isPlainObject(value)) return serializePrimitiveParam(key, text(value));
  const flat = !Array.isArray(value) && !options.explode && style !== "form" && style !== "deepObject";
  if (!Array.isArray(value) && !flat) return objectParam(key, encodedEntries(value), options);
  const items = Array.isArray(value) ? value.filter(present).map(text) : Object.entries(value).flatMap(([k, v]) => present(v) ? [k, text(v)] : []);
  return items.length === 0 ? "" : arrayParam(key, items, options);
}
function assignHeaders(target, source) {
  for (const name in source) {
    const value = source[name];
    if (value !== void 0 && value !== null) target[name.toLowerCase()] = text(value);
  }
}
export {
  assignHeaders,
  buildPath,
  serializeQuery,
  text
};
