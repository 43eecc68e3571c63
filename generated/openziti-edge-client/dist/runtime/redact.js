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
  const parsed = new URL(url, "http://x");
  const written = parsed.search.slice(1).split("&").map((pair) => pair.split("=")).filter(([name]) => secretQueryNames.includes(new URLSearchParams(`${name}=`).keys().next().value ?? "")).map(([, value = ""]) => value);
  return [
    ...secretHeaderNames.flatMap((name) => {
      const value = h.get(name) ?? "";
      return [value, ...value.split(/[\s;,=]+/)];
    }),
    ...secretQueryNames.flatMap((name) => parsed.searchParams.getAll(name).flatMap((v) => [v, encodeURIComponent(v)])),
    ...written
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
