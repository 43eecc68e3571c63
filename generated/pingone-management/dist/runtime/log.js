import { redactHeaders, redactUrl } from "./redact.js";
const RANK = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };
function envLevel() {
  const value = globalThis.process?.env?.APIGEN_LOG;
  return value !== void 0 && value in RANK ? value : void 0;
}
function createLog(logger, level, secretHeaders, secretQuery) {
  const chosen = level ?? envLevel() ?? (logger === void 0 ? "off" : "info");
  const rank = RANK[chosen] ?? RANK.off;
  if (rank >= RANK.off) return void 0;
  const out = logger ?? console;
  const secret = secretHeaders.map((h) => h.toLowerCase());
  return {
    attempt(record) {
      const failed = record.error !== void 0 || (record.status ?? 0) >= 400;
      const recordLevel = record.retryInMs !== void 0 || failed ? "warn" : "info";
      if (RANK[recordLevel] < rank) return;
      const url = secretQuery.length === 0 ? record.url : redactUrl(record.url, secretQuery);
      const outcome = record.error ?? `HTTP ${record.status}`;
      const retry = record.retryInMs === void 0 ? "" : `, retrying in ${Math.round(record.retryInMs)} ms`;
      const message = `${record.operationId}: ${record.method} ${url} -> ${outcome} in ${Math.round(record.durationMs)} ms (attempt ${record.attempt}${retry})`;
      const full = { ...record, url, headers: rank === RANK.debug ? redactHeaders(record.headers, secret) : void 0 };
      out[recordLevel](message, full);
    }
  };
}
export {
  createLog
};
