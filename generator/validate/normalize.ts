/**
 * Repairs for specs that are sloppy but unambiguous, applied before the
 * tools see them. Each one is something real specs do (see the fixtures in
 * test/fixtures/real-world) and that would otherwise fail validation or
 * produce types that do not compile.
 */
type Obj = Record<string, unknown>;

/**
 * Path keys with a query string in them (`/icons?term={term}`): the query part
 * is described by query parameters anyway, and no URL template can hold it.
 * Dropped unless that would make two paths collide.
 */
export function stripQueryFromPathKeys(document: Obj): Obj {
  const paths = document.paths;
  if (paths === null || typeof paths !== "object") return document;
  const keys = Object.keys(paths);
  if (!keys.some((k) => k.includes("?"))) return document;
  const out: Obj = {};
  for (const key of keys) {
    const stripped = key.includes("?") ? key.slice(0, key.indexOf("?")) : key;
    const canStrip = stripped !== key && !(stripped in (paths as Obj)) && !(stripped in out);
    out[canStrip ? stripped : key] = canStrip
      ? movePathParamsToQuery((paths as Obj)[key], key.slice(key.indexOf("?")))
      : (paths as Obj)[key];
  }
  return { ...document, paths: out };
}

/** Parameters declared `in: path` for placeholders of the dropped query string are query parameters. */
function movePathParamsToQuery(pathItem: unknown, query: string): unknown {
  if (pathItem === null || typeof pathItem !== "object") return pathItem;
  const names = new Set([...query.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
  const fix = (params: unknown) =>
    Array.isArray(params)
      ? params.map((p: Obj) =>
          p && p.in === "path" && names.has(p.name as string)
            ? { ...p, in: "query", required: p.required === true }
            : p,
        )
      : params;
  const item: Obj = { ...(pathItem as Obj) };
  for (const [key, value] of Object.entries(item)) {
    if (key === "parameters") item[key] = fix(value);
    else if (value && typeof value === "object" && !Array.isArray(value) && "responses" in (value as Obj)) {
      item[key] = { ...(value as Obj), parameters: fix((value as Obj).parameters) };
    }
  }
  return item;
}

/**
 * `type: "null"` next to `oneOf`/`anyOf` is meant as "one of these, or null"
 * (JSON Schema would make it "null and one of these", which openapi-typescript
 * renders as a self-referencing intersection). Rewritten as a union with null.
 * Mutates `node` (a private copy made by the bundler).
 */
export function nullTypeAsUnion(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) nullTypeAsUnion(item);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const schema = node as Obj;
  for (const key of ["oneOf", "anyOf"] as const) {
    if (schema.type === "null" && Array.isArray(schema[key])) {
      delete schema.type;
      schema[key] = [...(schema[key] as unknown[]), { type: "null" }];
    }
  }
  for (const value of Object.values(schema)) nullTypeAsUnion(value);
}
