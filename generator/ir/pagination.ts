/**
 * The `x-pagination` extension (specs/README.md): which paging style an
 * operation uses, which query parameters carry the page state and where the
 * 2xx JSON body keeps the items, totals and next cursor. Everything it names
 * is checked here, at generate time, against the operation's parameters and
 * response schema, so a typo is a located error instead of a pager that
 * silently stops after one page.
 */
import { SpecError, fromPointer, toPointer } from "../errors.ts";
import type { JsonSchema, PaginationIR, ParameterIR, ResponseIR } from "./types.ts";

type Obj = Record<string, unknown>;
export type Deref = (value: unknown) => Obj;
/** Line and column of a path in the source file, when the loader knows it. */
export type Locate = (path: readonly string[]) => { line: number; column: number } | undefined;

const STYLES = {
  offset: { params: { limit: true, offset: true }, pointers: { items: true, total: false } },
  page: { params: { page: true, size: false }, pointers: { items: true, total: false, totalPages: false } },
  cursor: { params: { cursor: true, limit: false }, pointers: { items: true, next: true } },
  link: { params: {}, pointers: { items: false } },
} as const satisfies Record<
  PaginationIR["style"],
  { params: Record<string, boolean>; pointers: Record<string, boolean> }
>;

export function pagination(
  raw: unknown,
  parameters: ParameterIR[],
  responses: ResponseIR[],
  deref: Deref,
  file: string,
  path: string[],
  locate?: Locate,
): PaginationIR | undefined {
  if (raw === undefined) return undefined;
  const ext = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Obj) : {};
  const fail = (key: string | undefined, message: string): never => {
    const at = key !== undefined && key in ext ? [...path, key] : path;
    const position = locate?.(at);
    throw new SpecError(
      { file, line: position?.line, column: position?.column, pointer: toPointer(at) },
      `x-pagination: ${message}`,
    );
  };
  const style = ext.style;
  if (typeof style !== "string" || !Object.hasOwn(STYLES, style)) {
    fail(
      "style",
      `style must be one of ${Object.keys(STYLES)
        .map((s) => `"${s}"`)
        .join(", ")} (got ${JSON.stringify(style ?? null)})`,
    );
  }
  const shape = STYLES[style as PaginationIR["style"]];
  const allowed = new Set(["style", ...Object.keys(shape.params), ...Object.keys(shape.pointers)]);
  for (const key of Object.keys(ext)) {
    if (!allowed.has(key))
      fail(key, `"${key}" is not a key of style "${style}"; it takes ${[...allowed].map((k) => `"${k}"`).join(", ")}`);
  }

  const queryNames = parameters.filter((p) => p.in === "query").map((p) => p.name);
  const params: Record<string, string> = {};
  for (const [key, required] of Object.entries(shape.params)) {
    const value = ext[key];
    if (value === undefined && !required) continue;
    if (typeof value !== "string" || value === "") fail(key, `"${key}" must name a query parameter of this operation`);
    if (!queryNames.includes(value as string)) {
      const known = queryNames.length === 0 ? "it has none" : `it has ${queryNames.map((n) => `"${n}"`).join(", ")}`;
      fail(
        key,
        `"${key}" names "${String(value)}", which is not a query parameter of this operation (${known}); add the parameter or name one of those`,
      );
    }
    params[key] = value as string;
  }

  const body = successBody(responses, deref);
  const pointers: Record<string, string[]> = {};
  for (const [key, required] of Object.entries(shape.pointers)) {
    const value = ext[key];
    if (value === undefined && !required) continue;
    if (typeof value !== "string" || (value !== "" && !value.startsWith("/"))) {
      fail(
        key,
        `"${key}" must be a JSON pointer into the response body such as "/data" (got ${JSON.stringify(value ?? null)})`,
      );
    }
    const segments = fromPointer(value as string);
    if (body === undefined)
      fail(
        key,
        `"${key}" points into the response body, but no 2xx response of this operation has a JSON schema; declare one under responses`,
      );
    const target = resolve(body!.schema, segments, deref);
    if (target === undefined) {
      fail(
        key,
        `"${key}" is ${JSON.stringify(value)}, which the ${body!.status} response schema does not have${hint(body!.schema, segments, deref)}; point at a property the schema declares`,
      );
    }
    if (key === "items" && !isArray(target!, deref))
      fail(
        key,
        `"items" must point at an array, but ${JSON.stringify(value || "/")} of the ${body!.status} response is not one`,
      );
    pointers[key] = segments;
  }

  switch (style as PaginationIR["style"]) {
    case "offset":
      return {
        style: "offset",
        limitParam: params.limit!,
        offsetParam: params.offset!,
        itemsPath: pointers.items!,
        totalPath: pointers.total,
      };
    case "page":
      return {
        style: "page",
        pageParam: params.page!,
        sizeParam: params.size,
        itemsPath: pointers.items!,
        totalPath: pointers.total,
        totalPagesPath: pointers.totalPages,
      };
    case "cursor":
      return {
        style: "cursor",
        cursorParam: params.cursor!,
        nextPath: pointers.next!,
        itemsPath: pointers.items!,
        limitParam: params.limit,
      };
    case "link":
      return link(pointers.items ?? [], body, deref, fail);
  }
}

/** `link` without `items`: the body itself is the page's array. */
function link(
  itemsPath: string[],
  body: { schema: JsonSchema; status: string } | undefined,
  deref: Deref,
  fail: (key: string | undefined, message: string) => never,
): PaginationIR {
  if (itemsPath.length === 0 && (body === undefined || !isArray(body.schema, deref))) {
    fail(
      "items",
      `style "link" without "items" needs a 2xx JSON response whose body is an array; set "items" to the pointer of the array`,
    );
  }
  return { style: "link", itemsPath };
}

/** The first 2xx response with a JSON schema. */
function successBody(responses: ResponseIR[], deref: Deref): { schema: JsonSchema; status: string } | undefined {
  for (const response of responses) {
    if (!/^2(\d\d|XX)$/i.test(response.status)) continue;
    const media = response.content.find((m) => /\bjson\b/i.test(m.contentType) && m.schema !== undefined);
    if (media?.schema !== undefined) return { schema: deref(media.schema), status: response.status };
  }
  return undefined;
}

/** Alternatives a schema may be: itself, and its allOf/anyOf/oneOf members (dereferenced). */
function variants(schema: Obj, deref: Deref, seen = new Set<Obj>()): Obj[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const out = [schema];
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const members = schema[key];
    if (Array.isArray(members)) for (const m of members) out.push(...variants(deref(m), deref, seen));
  }
  return out;
}

/** The schema at `segments` inside `schema`, following properties (and array items for numeric segments). */
function resolve(schema: Obj, segments: string[], deref: Deref): Obj | undefined {
  let current: Obj[] = [deref(schema)];
  for (const segment of segments) {
    const next: Obj[] = [];
    for (const candidate of current.flatMap((s) => variants(s, deref))) {
      const props = candidate.properties;
      if (props !== null && typeof props === "object" && Object.hasOwn(props, segment))
        next.push(deref((props as Obj)[segment]));
      else if (/^\d+$/.test(segment) && candidate.items !== undefined) next.push(deref(candidate.items));
    }
    if (next.length === 0) return undefined;
    current = next;
  }
  return current[0];
}

function isArray(schema: Obj, deref: Deref): boolean {
  return variants(schema, deref).some(
    (s) =>
      s.type === "array" ||
      (Array.isArray(s.type) && s.type.includes("array")) ||
      (s.type === undefined && s.items !== undefined),
  );
}

/** `(it has: data, meta)`: the properties where the pointer stopped matching. */
function hint(schema: Obj, segments: string[], deref: Deref): string {
  for (let depth = segments.length - 1; depth >= 0; depth--) {
    const parent = resolve(schema, segments.slice(0, depth), deref);
    if (parent === undefined) continue;
    const names = variants(parent, deref).flatMap((s) =>
      s.properties && typeof s.properties === "object" ? Object.keys(s.properties) : [],
    );
    const where = depth === 0 ? "the body" : toPointer(segments.slice(0, depth)).slice(1);
    return names.length === 0
      ? ` (${where} declares no properties)`
      : ` (${where} has: ${[...new Set(names)].join(", ")})`;
  }
  return "";
}

/** The query parameter that sets the page size, if the style has one the caller may set. */
export function pageSizeParam(pg: PaginationIR | undefined): string | undefined {
  if (pg === undefined) return undefined;
  return pg.style === "offset" || pg.style === "cursor"
    ? pg.limitParam
    : pg.style === "page"
      ? pg.sizeParam
      : undefined;
}

/** The query parameter the pager moves from page to page (offset, page number or cursor). */
export function pagePositionParam(pg: PaginationIR | undefined): string | undefined {
  if (pg === undefined) return undefined;
  return pg.style === "offset"
    ? pg.offsetParam
    : pg.style === "page"
      ? pg.pageParam
      : pg.style === "cursor"
        ? pg.cursorParam
        : undefined;
}
