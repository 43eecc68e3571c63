import { execute } from "./execute.js";
import { DEFAULT_MAX_PAGES, pageGuard } from "./page-guard.js";
function at(value, path) {
  for (const key of path) value = value !== null && typeof value === "object" ? value[key] : void 0;
  return value;
}
function isNumeric(total) {
  return typeof total === "number" || typeof total === "string" && total !== "" && !Number.isNaN(Number(total));
}
async function* pages(state, op, input, call) {
  const pg = op.pagination;
  const query = input?.params?.query ?? {};
  const given = query[pg.limit];
  let limit = given === void 0 || given === null ? void 0 : Number(given);
  let offset = Number(query[pg.offset] ?? 0);
  const repeats = pageGuard();
  for (let left = call?.maxPages ?? DEFAULT_MAX_PAGES; left > 0; left--) {
    const page = await execute(state, op, { ...input, params: { ...input?.params, query: { ...query, [pg.offset]: offset } } }, call);
    const items2 = at(page, pg.items);
    const list = Array.isArray(items2) ? items2 : [];
    const count = list.length;
    if (repeats([count, list[0], list[count - 1]])) return;
    yield page;
    if (count === 0) return;
    offset += count;
    const total = at(page, pg.total);
    if (isNumeric(total)) {
      if (offset >= Number(total)) return;
    } else {
      limit ??= count;
      if (count < limit) return;
    }
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
  pages
};
