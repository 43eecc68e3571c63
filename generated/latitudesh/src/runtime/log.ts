// Copied by apigen from its client runtime (generator/runtime/log.ts). Do not edit.
/**
 * Logging of attempts: one line per attempt (method, redacted URL, status or failure, duration)
 * and one per retry wait. Built once per client; `undefined` when logging is off, so a client
 * that does not log pays one property check per attempt.
 */
import type { LogLevel, Logger } from "./options.js";
import { redactHeaders, redactUrl } from "./redact.js";

const RANK: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };

export interface AttemptRecord {
  readonly operationId: string;
  readonly method: string;
  readonly url: string;
  readonly attempt: number;
  readonly status?: number;
  readonly durationMs: number;
  readonly error?: string;
  readonly retryInMs?: number;
  /** The request's headers as sent; only a redacted copy is ever logged (at debug). */
  readonly headers?: HeadersInit | undefined;
}

export interface Log {
  attempt(record: AttemptRecord): void;
}

function envLevel(): LogLevel | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.APIGEN_LOG;
  return value !== undefined && value in RANK ? (value as LogLevel) : undefined;
}

export function createLog(
  logger: Logger | undefined,
  level: LogLevel | undefined,
  secretHeaders: readonly string[],
  secretQuery: readonly string[],
): Log | undefined {
  const chosen = level ?? envLevel() ?? (logger === undefined ? "off" : "info");
  const rank = RANK[chosen] ?? RANK.off;
  if (rank >= RANK.off) return undefined;
  const out: Logger = logger ?? console;
  const secret = secretHeaders.map((h) => h.toLowerCase());
  return {
    attempt(record) {
      const failed = record.error !== undefined || (record.status ?? 0) >= 400;
      const recordLevel: LogLevel = record.retryInMs !== undefined || failed ? "warn" : "info";
      if (RANK[recordLevel] < rank) return;
      const url = secretQuery.length === 0 ? record.url : redactUrl(record.url, secretQuery);
      const outcome = record.error ?? `HTTP ${record.status}`;
      const retry = record.retryInMs === undefined ? "" : `, retrying in ${Math.round(record.retryInMs)} ms`;
      const message = `${record.operationId}: ${record.method} ${url} -> ${outcome} in ${Math.round(record.durationMs)} ms (attempt ${record.attempt}${retry})`;
      const full = { ...record, url, headers: rank === RANK.debug ? redactHeaders(record.headers, secret) : undefined };
      out[recordLevel](message, full);
    },
  };
}
