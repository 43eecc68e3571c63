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
async function* walk(state, op, input, call, query, limit, step) {
  let received = 0;
  const repeats = pageGuard();
  for (let left = call?.maxPages ?? DEFAULT_MAX_PAGES; left > 0; left--) {
    const { data: page } = await answer(state, op, withQuery(input, { ...query }), call);
    const list = itemsOf(page, op.pagination);
    const n = list.length;
    if (repeats([n, list[0], list[n - 1]])) return;
    yield page;
    if (n === 0) return;
    received += n;
    limit ??= n;
    if (!step(page, n, received, limit)) return;
  }
}
function offsetPages(state, op, input, call) {
  const pg = op.pagination;
  const query = { ...input?.params?.query };
  query[pg.offset] = numeric(query[pg.offset]) ?? 0;
  return walk(state, op, input, call, query, numeric(query[pg.limit]), (page, n, _received, limit) => {
    const offset = query[pg.offset] + n;
    query[pg.offset] = offset;
    const total = pg.total === void 0 ? void 0 : numeric(at(page, pg.total));
    return total !== void 0 ? offset < total : n >= limit;
  });
}
function pageNumberPages(state, op, input, call) {
  const pg = op.pagination;
  const query = { ...input?.params?.query };
  query[pg.page] = numeric(query[pg.page]) ?? 1;
  const size = pg.size === void 0 ? void 0 : numeric(query[pg.size]);
  return walk(state, op, input, call, query, size, (page, n, received, limit) => {
    const total = pg.total === void 0 ? void 0 : numeric(at(page, pg.total));
    const totalPages = pg.totalPages === void 0 ? void 0 : numeric(at(page, pg.totalPages));
    const current = query[pg.page];
    if (totalPages !== void 0 && current >= totalPages || total !== void 0 && received >= total) return false;
    if (totalPages === void 0 && total === void 0 && n < limit) return false;
    query[pg.page] = current + 1;
    return true;
  });
}
function cursorPages(state, op, input, call) {
  const pg = op.pagination;
  const query = { ...input?.params?.query };
  const cursors = /* @__PURE__ */ new Set();
  return walk(state, op, input, call, query, void 0, (page) => {
    const next = at(page, pg.next);
    if (next === void 0 || next === null || next === "" || cursors.has(next)) return false;
    cursors.add(next);
    query[pg.cursor] = next;
    return true;
  });
}
async function* items(walk2, path) {
  for await (const page of walk2) {
    const list = at(page, path);
    if (Array.isArray(list)) yield* list;
  }
}
export {
  at,
  cursorPages,
  items,
  itemsOf,
  offsetPages,
  pageNumberPages
};
