import { execute } from "./execute.js";
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
  for (; ; ) {
    const page = await execute(state, op, { ...input, params: { ...input?.params, query: { ...query, [pg.offset]: offset } } }, call);
    yield page;
    const items2 = at(page, pg.items);
    const count = Array.isArray(items2) ? items2.length : 0;
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
