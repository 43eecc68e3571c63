// Copied by apigen from its client runtime (generator/runtime/transport.ts). Do not edit.
/** One attempt on the wire: fetch with `redirect: "manual"`, following redirects ourselves so credentials never leave the origin. */
import type { Deadline } from "./deadline.js";
import type { State } from "./state.js";

/** What following redirects needs of a client (the raw client has no full State). */
export type Hop = Pick<State, "fetch" | "credentialHeaders" | "credentialQuery">;

/** Hops one attempt follows; past them the 3xx itself is the answer. The docs quote it. */
export const MAX_REDIRECTS = 5;

export function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/** One fetch, raced against the call's deadline when there is one; a response that comes too late is discarded. */
function doFetch(state: Hop, url: string, init: RequestInit, deadline: Deadline | undefined): Promise<Response> {
  const sent = state.fetch === undefined ? fetch(url, init) : state.fetch(new Request(url, init));
  return deadline === undefined ? sent : deadline.race(sent, discard);
}

const REDIRECTS: readonly number[] = [301, 302, 303, 307, 308];

/**
 * One attempt, following up to 5 hops. Past the limit, or unfollowable (a stream body on 307/308, a
 * Location that is not http: or https:, such as data:, file: or javascript:), the 3xx itself is
 * returned and surfaces as an ApiError.
 */
export async function follow(state: Hop, url: string, init: RequestInit, deadline?: Deadline): Promise<Response> {
  let response = await doFetch(state, url, init, deadline);
  let origin: string | undefined; // parsed only once a redirect comes: most calls never need it
  for (let hops = 0; REDIRECTS.includes(response.status); hops++) {
    const location = response.headers.get("location");
    if (location === null || hops === MAX_REDIRECTS) return response;
    const keepsBody = response.status === 307 || response.status === 308;
    if (keepsBody && init.body instanceof ReadableStream) return response; // a stream cannot be sent twice
    const next = new URL(location, url);
    if (!/^https?:$/.test(next.protocol)) return response;
    discard(response);
    origin ??= new URL(url).origin;
    init = redirectInit(state, init, keepsBody, next, origin);
    url = next.href;
    response = await doFetch(state, url, init, deadline);
  }
  return response;
}

/** The next hop's init: credentials dropped when it leaves the origin; 301/302/303 turn into a bodiless GET. */
function redirectInit(state: Hop, init: RequestInit, keepsBody: boolean, next: URL, origin: string): RequestInit {
  const headers = new Headers(init.headers);
  if (next.origin !== origin) {
    for (const name of state.credentialHeaders) headers.delete(name);
    for (const name of state.credentialQuery) next.searchParams.delete(name);
  }
  const out: RequestInit = { ...init, headers };
  if (!keepsBody && init.method !== "HEAD") {
    out.method = "GET";
    out.body = null;
    headers.delete("content-type");
    headers.delete("content-length");
  }
  return out;
}
