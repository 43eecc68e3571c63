/** What one spec edit means for people who call the generated client. */
export type Level = "breaking" | "minor" | "patch";

export interface Change {
  level: Level;
  /** Stable machine id, e.g. "operation-removed". */
  kind: string;
  /** Where the change is, e.g. "GET /sessions/{id}" or "schema sessionDetail.token". */
  where: string;
  /** One plain sentence a client user understands. */
  message: string;
  /** The HTTP request the change is on, e.g. "GET /vpn-sessions", when it is on one operation. */
  request?: string;
  /** The client method of that request, e.g. "api.vpnSessions.getVpnSessions" (named by generator/ir). */
  method?: string;
}

/**
 * The side of the wire a schema sits on. It decides most levels: on the request side anything
 * the server stops accepting breaks callers; on the response side anything the client may now
 * receive that it could not before breaks callers (their code and types were written for less).
 */
export type Direction = "request" | "response";

/** A rule's outcome for one direction, before it is placed at a `where`. */
export interface Finding {
  level: Level;
  kind: string;
  message: string;
}

export const LEVEL_RANK: Record<Level, number> = { breaking: 0, minor: 1, patch: 2 };

/** Code-unit order, not localeCompare: the order must not depend on the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareChanges(a: Change, b: Change): number {
  return (
    LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
    compareText(a.where, b.where) ||
    compareText(a.message, b.message) ||
    compareText(a.kind, b.kind)
  );
}
