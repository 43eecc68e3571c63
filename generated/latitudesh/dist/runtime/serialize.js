function pair(name, value) {
  return `${name}=${encodeURIComponent(value)}`;
}
function separator(style) {
  const between = style === "simple" ? "," : style === "label" ? "." : style === "matrix" ? ";" : "&";
  return [between, style === "label" || style === "matrix" ? between : ""];
}
function arrayParam(name, values, style, explode) {
  if (!explode) {
    const delimiter = style === "spaceDelimited" ? "%20" : style === "pipeDelimited" ? "|" : ",";
    const joined = values.map(encodeURIComponent).join(delimiter);
    if (style === "simple") return joined;
    return style === "label" ? `.${joined}` : `${style === "matrix" ? ";" : ""}${name}=${joined}`;
  }
  const [between, lead] = separator(style);
  const bare = style === "simple" || style === "label";
  return lead + values.map((v) => bare ? encodeURIComponent(v) : pair(name, v)).join(between);
}
function objectParam(name, entries, style, explode) {
  const list = Object.entries(entries);
  if (!explode && style !== "deepObject") {
    const joined = list.flatMap(([k, v]) => [k, encodeURIComponent(v)]).join(",");
    if (style === "form") return `${name}=${joined}`;
    return style === "label" ? `.${joined}` : style === "matrix" ? `;${name}=${joined}` : joined;
  }
  const [between, lead] = separator(style);
  return lead + list.map(([k, v]) => pair(style === "deepObject" ? `${name}[${k}]` : k, v)).join(between);
}
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
  if (Array.isArray(value)) return arrayParam(encodeURIComponent(name), value.map(text), style, explode);
  if (isPlainObject(value)) return objectParam(encodeURIComponent(name), encodedEntries(value), style, explode);
  if (style === "matrix") return `;${pair(encodeURIComponent(name), text(value))}`;
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
    return items.length === 0 ? "" : arrayParam(key, items, style, explode);
  }
  if (isPlainObject(value)) {
    const entries = encodedEntries(value);
    if (!explode && (style === "spaceDelimited" || style === "pipeDelimited")) {
      const sep = style === "spaceDelimited" ? "%20" : "|";
      const flat = Object.entries(entries).map(([k, v]) => `${k}${sep}${encodeURIComponent(v)}`);
      return flat.length === 0 ? "" : `${key}=${flat.join(sep)}`;
    }
    return objectParam(key, entries, style, explode);
  }
  return pair(key, text(value));
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
