import { text } from "./serialize.js";
function cookies(headers, credentials, params) {
  let pairs = credentials;
  for (const name in params) {
    const v = params[name];
    if (v !== void 0 && v !== null) pairs += `; ${name}=${encodeURIComponent(text(v))}`;
  }
  if (pairs !== "") headers.cookie = headers.cookie ? headers.cookie + pairs : pairs.slice(2);
}
export {
  cookies
};
