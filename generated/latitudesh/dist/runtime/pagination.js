import { answer } from "./execute.js";
import { DEFAULT_MAX_PAGES, pageGuard } from "./page-guard.js";
function at(value, path) {
  for (const key of path)
    value = value !== null && typeof value === "object" ? value[key] : void 0;
  return value;
}
function numeric(value) {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) return Number(value);
  return void 0;
}
function itemsOf(page, pg) {
  const list = at(page, pg.items);
  return Array.isArray(list) ? list : [];
}
function withQuery(input, query) {
  return { ...input, params: { ...input?.params, query } };
}
function nextLink(header, base) {
  if (header === null) return void 0;
  for (const part of header.split(/,(?=\s*<)/)) {
    const target = /<([^>]*)>/.exec(part)?.[1];
    const rel = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(part)?.[1];
    if (target !== void 0 && rel !== void 0 && rel.toLowerCase().split(/\s+/).includes("next"))
      return new URL(target, base).href;
  }
  return void 0;
}
async function* pages(state, op, input, call) {
  const pg = op.pagination;
  if (pg.style === "link") return yield* linkPages(state, op, input, call);
  const query = { ...input?.params?.query };
  let limit = numeric(
    pg.style === "page" ? pg.size === void 0 ? void 0 : query[pg.size] : pg.style === "cursor" ? void 0 : query[pg.limit]
  );
  let received = 0;
  if (pg.style === "offset" || pg.style === void 0) query[pg.offset] = numeric(query[pg.offset]) ?? 0;
  if (pg.style === "page") query[pg.page] = numeric(query[pg.page]) ?? 1;
  const cursors = /* @__PURE__ */ new Set();
  const repeats = pageGuard();
  for (let left = call?.maxPages ?? DEFAULT_MAX_PAGES; left > 0; left--) {
    const { data: page } = await answer(state, op, withQuery(input, { ...query }), call);
    const list = itemsOf(page, pg);
    const n = list.length;
    if (repeats([n, list[0], list[n - 1]])) return;
    yield page;
    if (n === 0) return;
    received += n;
    limit ??= n;
    if (pg.style === "cursor") {
      const next = at(page, pg.next);
      if (next === void 0 || next === null || next === "" || cursors.has(next)) return;
      cursors.add(next);
      query[pg.cursor] = next;
      continue;
    }
    const total = pg.total === void 0 ? void 0 : numeric(at(page, pg.total));
    if (pg.style === "page") {
      const totalPages = pg.totalPages === void 0 ? void 0 : numeric(at(page, pg.totalPages));
      const current = query[pg.page];
      if (totalPages !== void 0 && current >= totalPages || total !== void 0 && received >= total) return;
      if (totalPages === void 0 && total === void 0 && n < limit) return;
      query[pg.page] = current + 1;
      continue;
    }
    query[pg.offset] = query[pg.offset] + n;
    if (total !== void 0 ? query[pg.offset] >= total : n < limit) return;
  }
}
async function* linkPages(state, op, input, call) {
  let result = await answer(state, op, input, call);
  const origin = new URL(result.response.url || state.baseUrl).origin;
  const seen = /* @__PURE__ */ new Set();
  const { query: _ownQuery, ...params } = input?.params ?? {};
  const linked = { ...input, params };
  for (let left = (call?.maxPages ?? DEFAULT_MAX_PAGES) - 1; ; left--) {
    yield result.data;
    if (itemsOf(result.data, op.pagination).length === 0 || left <= 0) return;
    const next = nextLink(result.response.headers.get("link"), result.response.url || state.baseUrl);
    if (next === void 0 || seen.has(next)) return;
    if (new URL(next).origin !== origin) throw new Error(`${op.id}: the next page link leaves ${origin}; not followed`);
    seen.add(next);
    result = await answer(state, op, linked, call, next);
  }
}
async function* items(state, op, input, call) {
  const path = op.pagination.items;
  for await (const page of pages(state, op, input, call)) {
    const list = at(page, path);
    if (Array.isArray(list)) yield* list;
  }
}
export {
  items,
  nextLink,
  pages
};
