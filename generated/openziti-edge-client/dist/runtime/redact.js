const REDACTED = "[REDACTED]";
function redactUrl(url, secretQueryNames) {
  const parsed = new URL(url);
  for (const name of secretQueryNames) if (parsed.searchParams.has(name)) parsed.searchParams.set(name, REDACTED);
  return parsed.href;
}
function redactHeaders(headers, secretHeaderNames) {
  const out = {};
  new Headers(headers).forEach((value, name) => out[name] = secretHeaderNames.includes(name) ? REDACTED : value);
  return out;
}
function secretsIn(url, headers, secretHeaderNames, secretQueryNames) {
  const h = new Headers(headers);
  const query = new URL(url, "http://x").searchParams;
  return [
    ...secretHeaderNames.flatMap((name) => {
      const value = h.get(name) ?? "";
      return [value, ...value.split(/[\s;,=]+/)];
    }),
    // Also as the URL writes it: the URL parser percent-encodes `'`, which encodeURIComponent leaves alone.
    ...secretQueryNames.flatMap(
      (name) => query.getAll(name).flatMap((v) => [v, encodeURIComponent(v), encodeURIComponent(v).replace(/'/g, "%27")])
    )
  ].filter((s) => s.length > 3);
}
function redactText(text, secrets) {
  for (const secret of secrets) text = text.split(secret).join(REDACTED);
  return text;
}
function redactError(error, secrets) {
  if (!(error instanceof Error)) return secrets.length ? redactText(String(error), secrets) : error;
  const copy = Object.create(Object.getPrototypeOf(error));
  for (const key of Object.getOwnPropertyNames(error)) {
    const value = error[key];
    copy[key] = typeof value === "string" ? redactText(value, secrets) : value instanceof Error ? redactError(value, secrets) : typeof value === "object" ? void 0 : value;
  }
  return secrets.length ? copy : error;
}
export {
  REDACTED,
  redactError,
  redactHeaders,
  redactText,
  redactUrl,
  secretsIn
};
