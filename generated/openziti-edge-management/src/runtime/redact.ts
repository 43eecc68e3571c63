// Copied by apigen from its client runtime (generator/runtime/redact.ts). Do not edit.
/**
 * Credentials out of anything shown: pure functions shared by errors and the logger. What counts as a
 * credential is what the spec declares (apiKey header and query names) plus Authorization,
 * Proxy-Authorization and Cookie (State.credentialHeaders / credentialQuery).
 */

export const REDACTED = "[REDACTED]";

/** `url` with the values of the named query parameters replaced by [REDACTED]. */
export function redactUrl(url: string, secretQueryNames: readonly string[]): string {
  const parsed = new URL(url);
  for (const name of secretQueryNames) if (parsed.searchParams.has(name)) parsed.searchParams.set(name, REDACTED);
  return parsed.href;
}

/** A plain copy of `headers` (lower-cased names) with the values of the named ones replaced by [REDACTED]. */
export function redactHeaders(
  headers: HeadersInit | undefined,
  secretHeaderNames: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => (out[name] = secretHeaderNames.includes(name) ? REDACTED : value));
  return out;
}

/**
 * The credential values one request carries: each credential header's value and its words
 * (`Bearer <token>`, `sid=<value>; ...`), each credential query value as given and as encoded.
 */
export function secretsIn(
  url: string,
  headers: HeadersInit | undefined,
  secretHeaderNames: readonly string[],
  secretQueryNames: readonly string[],
): string[] {
  const h = new Headers(headers);
  const query = new URL(url, "http://x").searchParams; // a relative URL (browser base) parses too
  return [
    ...secretHeaderNames.flatMap((name) => {
      const value = h.get(name) ?? "";
      return [value, ...value.split(/[\s;,=]+/)];
    }),
    // Also as the URL writes it: the URL parser percent-encodes `'`, which encodeURIComponent leaves alone.
    ...secretQueryNames.flatMap((name) =>
      query.getAll(name).flatMap((v) => [v, encodeURIComponent(v), encodeURIComponent(v).replace(/'/g, "%27")]),
    ),
  ].filter((s) => s.length > 3); // no empty string; shorter words are no secret
}

/** `text` with every occurrence of each secret replaced by [REDACTED]. */
export function redactText(text: string, secrets: readonly string[]): string {
  for (const secret of secrets) text = text.split(secret).join(REDACTED);
  return text;
}

/**
 * An error (and its cause chain) made safe to show: a copy with the same prototype (so `instanceof`,
 * `name` and `code` still work) whose string properties (message, stack, ...) are redacted and whose
 * other object-valued properties (a Request, headers, ...) are dropped. Unchanged when there is no secret.
 */
export function redactError(error: unknown, secrets: readonly string[]): unknown {
  if (!(error instanceof Error)) return secrets.length ? redactText(String(error), secrets) : error;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(error)) {
    const value = (error as unknown as Record<string, unknown>)[key];
    copy[key] =
      typeof value === "string"
        ? redactText(value, secrets)
        : value instanceof Error
          ? redactError(value, secrets)
          : typeof value === "object"
            ? undefined
            : value;
  }
  return secrets.length ? copy : error;
}
