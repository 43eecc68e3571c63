const MAX_REDIRECTS = 5;
function discard(response) {
  response.body?.cancel().catch(() => void 0);
}
function doFetch(state, url, init, deadline) {
  const sent = state.fetch === void 0 ? fetch(url, init) : state.fetch(new Request(url, init));
  return deadline === void 0 ? sent : deadline.race(sent, discard);
}
const REDIRECTS = [301, 302, 303, 307, 308];
async function follow(state, url, init, deadline) {
  let response = await doFetch(state, url, init, deadline);
  let origin;
  for (let hops = 0; REDIRECTS.includes(response.status); hops++) {
    const location = response.headers.get("location");
    if (location === null || hops === MAX_REDIRECTS) return response;
    const keepsBody = response.status === 307 || response.status === 308;
    if (keepsBody && init.body instanceof ReadableStream) return response;
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
function redirectInit(state, init, keepsBody, next, origin) {
  const headers = new Headers(init.headers);
  if (next.origin !== origin) {
    for (const name of state.credentialHeaders) headers.delete(name);
    for (const name of state.credentialQuery) next.searchParams.delete(name);
  }
  const out = { ...init, headers };
  if (!keepsBody && init.method !== "HEAD") {
    out.method = "GET";
    out.body = null;
    headers.delete("content-type");
    headers.delete("content-length");
  }
  return out;
}
export {
  MAX_REDIRECTS,
  discard,
  follow
};
