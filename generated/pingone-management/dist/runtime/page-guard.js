const DEFAULT_MAX_PAGES = 1e3;
function pageGuard() {
  const seen = /* @__PURE__ */ new Set();
  return (key) => {
    const text = String(JSON.stringify(key));
    return seen.has(text) || !seen.add(text);
  };
}
export {
  DEFAULT_MAX_PAGES,
  pageGuard
};
