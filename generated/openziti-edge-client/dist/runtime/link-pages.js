import { answer } from "./execute.js";
import { DEFAULT_MAX_PAGES } from "./page-guard.js";
import { itemsOf } from "./pagination.js";
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
export {
  linkPages,
  nextLink
};
