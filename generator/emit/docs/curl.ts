import type { ApiIR, OperationIR, ParameterIR } from "../../ir/types.ts";
import { type Examples, envName, isAbsoluteUrl, type RequestSample } from "./examples.ts";

/**
 * A curl command for one operation that sends the request exactly as the
 * generated client would for the same values: the path and query encoded as
 * the runtime encodes them (`filter[location]` -> `filter%5Blocation%5D`),
 * header and cookie parameters, the body as JSON (or form fields), and the
 * credentials read from the same environment variables the TypeScript
 * example uses. Every spec string is shell-quoted. The command's text is
 * templates/examples/curl.sh.hbs; this module computes its options.
 *
 * test/docs/curl.test.ts runs each command against a local server that
 * checks method, path, query, headers and body against the spec.
 */

/** The base URL examples send to: the first server with its defaults, or a stand-in when the spec's is relative. */
export function exampleBaseUrl(ir: ApiIR): string {
  const server = ir.servers[0];
  const url = server
    ? server.url.replace(
        /\{([^}]+)\}/g,
        (whole, name: string) => server.variables.find((v) => v.name === name)?.default ?? whole,
      )
    : "/";
  return isAbsoluteUrl(url) ? url.replace(/\/+$/, "") : "https://api.example.com";
}

type Part = { literal: string } | { env: string };

/** One option of the command: `--<flag> <word>`. */
interface CurlOption {
  flag: string;
  word: string;
}

/** The command for the values the TypeScript example sends, with the credentials of its first way to authenticate. */
export function curlCommand(ir: ApiIR, op: OperationIR, examples: Examples): string {
  const request = examples.request(op);
  const security = examples.securityFor(op);
  const url = exampleBaseUrl(ir) + pathOf(op, request.params.path ?? {});
  let query = serializeQuery(op, request.params.query ?? {});
  const user: CurlOption[] = [];
  const cookies: Part[][] = [];
  const headers: Part[][] = [];
  const queryAuth: Part[] = [];
  for (const scheme of security) {
    const env = envName(ir.provider, scheme.key);
    if (scheme.type === "apiKey") {
      if (scheme.in === "header") headers.push([{ literal: `${scheme.name}: ` }, { env }]);
      else if (scheme.in === "cookie") cookies.push([{ literal: `${scheme.name}=` }, { env }]);
      else
        queryAuth.push(
          { literal: `${query === "" && queryAuth.length === 0 ? "" : "&"}${encodeURIComponent(scheme.name)}=` },
          { env },
        );
    } else if (scheme.type === "http" && scheme.scheme.toLowerCase() === "basic") {
      user.push({
        flag: "user",
        word: shellWord([{ env: `${env}_USER` }, { literal: ":" }, { env: `${env}_PASSWORD` }]),
      });
    } else if (scheme.type === "http" && scheme.scheme.toLowerCase() !== "bearer") {
      headers.push([{ literal: `Authorization: ${scheme.scheme} ` }, { env }]);
    } else {
      headers.push([{ literal: "Authorization: Bearer " }, { env }]);
    }
  }
  for (const [name, value] of Object.entries(request.params.header ?? {})) {
    if (value !== undefined && value !== null) headers.push([{ literal: `${name}: ${text(value)}` }]);
  }
  for (const [name, value] of Object.entries(request.params.cookie ?? {})) {
    if (value !== undefined && value !== null)
      cookies.push([{ literal: `${name}=${encodeURIComponent(text(value))}` }]);
  }
  if (query !== "") query = `?${query}`;
  const target: Part[] = [{ literal: url + query }];
  if (queryAuth.length > 0) target.push(...(query === "" ? [{ literal: "?" }] : []), ...queryAuth);

  const options = [...user, ...headers.map((h) => ({ flag: "header", word: shellWord(h) }))];
  if (cookies.length > 0)
    options.push({
      flag: "cookie",
      word: shellWord(cookies.flatMap((c, i) => (i === 0 ? c : [{ literal: "; " }, ...c]))),
    });
  options.push(...bodyOptions(request));
  return examples.render("curl.sh", () => ({ method: op.method.toUpperCase(), url: shellWord(target), options }));
}

function bodyOptions(request: RequestSample): CurlOption[] {
  const { body, contentType } = request;
  if (body === undefined || contentType === undefined) return [];
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || type.endsWith("+json")) {
    return [
      { flag: "header", word: shellWord([{ literal: `Content-Type: ${contentType}` }]) },
      { flag: "data", word: shellWord([{ literal: JSON.stringify(body, null, 2) }]) },
    ];
  }
  if (type === "multipart/form-data" && body !== null && typeof body === "object") {
    return Object.entries(body).flatMap(([k, v]) =>
      (Array.isArray(v) ? v : [v])
        .filter((x) => x !== undefined && x !== null)
        .map((x) => ({
          flag: "form-string",
          word: shellWord([{ literal: `${k}=${typeof x === "object" ? JSON.stringify(x) : text(x)}` }]),
        })),
    );
  }
  const data =
    type === "application/x-www-form-urlencoded" && body !== null && typeof body === "object"
      ? formBody(body as Record<string, unknown>)
      : typeof body === "string"
        ? body
        : JSON.stringify(body);
  return [
    { flag: "header", word: shellWord([{ literal: `Content-Type: ${contentType}` }]) },
    { flag: "data-binary", word: shellWord([{ literal: data }]) },
  ];
}

function text(value: unknown): string {
  return String(value);
}

/** The path with its parameters filled in, each value percent-encoded (arrays comma-joined), as the runtime does. */
function pathOf(op: OperationIR, values: Record<string, unknown>): string {
  return op.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined || v === null) return whole;
    return Array.isArray(v) ? v.map((x) => encodeURIComponent(text(x))).join(",") : encodeURIComponent(text(v));
  });
}

/** OpenAPI query serialisation (default style form, explode true), names and values percent-encoded. */
function serializeQuery(op: OperationIR, query: Record<string, unknown>): string {
  const byName = new Map<string, ParameterIR>(op.parameters.filter((p) => p.in === "query").map((p) => [p.name, p]));
  const out: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const p = byName.get(name);
    const style = p?.style ?? "form";
    const explode = p?.explode ?? style === "form";
    const key = encodeURIComponent(name);
    if (Array.isArray(value)) {
      if (style === "form" && explode) for (const item of value) out.push(`${key}=${encodeURIComponent(text(item))}`);
      else
        out.push(
          `${key}=${value.map((v) => encodeURIComponent(text(v))).join(style === "spaceDelimited" ? "%20" : style === "pipeDelimited" ? "|" : ",")}`,
        );
    } else if (typeof value === "object") {
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
      if (style === "deepObject")
        for (const [k, v] of entries) out.push(`${encodeURIComponent(`${name}[${k}]`)}=${encodeURIComponent(text(v))}`);
      else if (!explode)
        out.push(
          `${key}=${entries.map(([k, v]) => `${encodeURIComponent(k)},${encodeURIComponent(text(v))}`).join(",")}`,
        );
      else for (const [k, v] of entries) out.push(`${encodeURIComponent(k)}=${encodeURIComponent(text(v))}`);
    } else {
      out.push(`${key}=${encodeURIComponent(text(value))}`);
    }
  }
  return out.join("&");
}

function formBody(body: Record<string, unknown>): string {
  return Object.entries(body)
    .filter(([, v]) => v !== undefined && v !== null)
    .flatMap(([k, v]) =>
      (Array.isArray(v) ? v : [v]).map(
        (x) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof x === "object" ? JSON.stringify(x) : text(x))}`,
      ),
    )
    .join("&");
}

/**
 * One shell word: literals single-quoted (a `'` inside closed, escaped and
 * reopened), environment variables double-quoted so the shell expands them.
 * A word whose literals are plain is written in one pair of double quotes.
 */
export function shellWord(parts: Part[]): string {
  const plain = parts.every((p) => "env" in p || /^[\w .,:;/?=&%+@-]*$/.test(p.literal));
  if (plain && parts.some((p) => "env" in p))
    return `"${parts.map((p) => ("env" in p ? `\${${p.env}}` : p.literal)).join("")}"`;
  return parts.map((p) => ("env" in p ? `"$${p.env}"` : singleQuoted(p.literal))).join("");
}

/** Control characters other than tab and newline; a raw CR would also end a line of the markdown page. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /([\x00-\x08\x0b-\x1f\x7f]+)/;

/** A literal in single quotes; control characters as bash ANSI-C quoting (`$'\r'`), so the page holds none raw. */
function singleQuoted(literal: string): string {
  return (
    literal
      .split(CONTROL)
      .map((chunk, k) =>
        k % 2 === 1
          ? `$'${[...chunk].map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join("")}'`
          : chunk === ""
            ? ""
            : `'${chunk.replace(/'/g, `'\\''`)}'`,
      )
      .join("") || "''"
  );
}
