// Copied by apigen from its client runtime (generator/runtime/cookies.ts). Do not edit.
/**
 * The Cookie header from cookie parameters (style form) and cookie credentials. A feature: only clients
 * whose spec declares a cookie parameter or an apiKey in a cookie pass it to createRuntime.
 */
import { text } from "./serialize.js";

/**
 * `credentials`: `; name=value` pairs of the call's cookie credentials. They and the parameters are
 * appended to a Cookie header the caller already set (client or per-call headers).
 */
export function cookies(
  headers: Record<string, string>,
  credentials: string,
  params: Record<string, unknown> | undefined,
): void {
  let pairs = credentials;
  for (const name in params) {
    const v = params[name];
    if (v !== undefined && v !== null) pairs += `; ${name}=${encodeURIComponent(text(v))}`;
  }
  if (pairs !== "") headers.cookie = headers.cookie ? headers.cookie + pairs : pairs.slice(2);
}
