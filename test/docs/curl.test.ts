/**
 * Every curl command in the docs, run as a reader would (bash, Debian's
 * /usr/bin/curl, credentials in the environment variables the command names)
 * against a node:http server on 127.0.0.1 that checks the request against
 * the spec: method, path and its parameters, query names (percent-encoded
 * literally, `filter[location]`) and values, required headers, credentials
 * by scheme, content type and the JSON body against its schema.
 *
 * The commands come from each provider's `openapi.overlay.json`; a separate
 * test checks they are the very ones on the docs pages.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { type IncomingMessage, type Server, createServer } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envName } from "../../generator/emit/docs/examples.ts";
import { type Spec, type SpecOperation, escapePointer, loadSpec } from "./spec.ts";
import { GENERATED, codeBlocks, docFiles } from "./support.ts";

type Json = Record<string, unknown>;
const CURL = "/usr/bin/curl";

interface Sample {
  provider: string;
  spec: Spec;
  op: SpecOperation;
  curl: string;
  typescript: string;
}

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let server: Server;
let origin: string;
let last: Seen | undefined;
const samples: Sample[] = [];

beforeAll(async () => {
  const providers = [...new Set((await docFiles()).map((d) => d.provider))];
  for (const provider of providers) {
    const spec = await loadSpec(provider);
    const overlay = JSON.parse(await readFile(join(GENERATED, provider, "openapi.overlay.json"), "utf8")) as {
      actions: { target: string; update: Json }[];
    };
    for (const action of overlay.actions) {
      const m = /^\$\.paths\['((?:[^'\\]|\\.)*)'\]\.(\w+)$/.exec(action.target);
      const path = m![1]!.replace(/\\(.)/g, "$1");
      const op = spec.operations.find((o) => o.path === path && o.method === m![2])!;
      const code = action.update["x-codeSamples"] as { lang: string; source: string }[];
      samples.push({
        provider,
        spec,
        op,
        curl: code.find((c) => c.lang === "cURL")!.source,
        typescript: code.find((c) => c.lang === "TypeScript")!.source,
      });
    }
  }
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      last = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

/** bash without start-up files: node gives children socket stdio, which makes bash read ~/.bashrc as if run by rshd. */
function run(command: string, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "bash",
      ["--norc", "--noprofile", "-c", command.replace(/^curl /, `${CURL} --silent --show-error `)],
      { env: { PATH: process.env.PATH ?? "", ...env } },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
}

/** A parameter value as the server reads it: numbers and booleans back from text, as the schema says. */
function coerce(spec: Spec, schema: unknown, raw: string): unknown {
  const s = spec.deref<Json>(schema) ?? {};
  const types = [s.type].flat();
  if (types.includes("integer") || types.includes("number")) return Number(raw);
  if (types.includes("boolean")) return raw === "true";
  return raw;
}

/** What is wrong with the request the server saw, judged by the spec alone. */
function problems(sample: Sample, seen: Seen, credentials: Record<string, string>): string[] {
  const { spec, op } = sample;
  const out: string[] = [];
  if (seen.method !== op.method.toUpperCase()) out.push(`method ${seen.method}, spec says ${op.method.toUpperCase()}`);
  const base = new URL(spec.baseUrl).pathname.replace(/\/$/, "");
  const [rawPath = "", rawQuery = ""] = seen.url.split("?", 2);
  const params = [
    ...((spec.deref<Json>({ $ref: `#${op.pointer.replace(/\/\w+$/, "")}` }).parameters ?? []) as unknown[]),
    ...((op.operation.parameters ?? []) as unknown[]),
  ].map((p) => spec.deref<Json>(p));
  // Path: the template's literal parts as they are, each {name} one encoded segment that validates.
  const names: string[] = [];
  const pattern = op.path.replace(/\{([^}]+)\}|([^{]+)/g, (_m, name: string | undefined, lit: string | undefined) => {
    if (name === undefined) return lit!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    names.push(name);
    return "([^/]+)";
  });
  const match = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${pattern}$`).exec(rawPath);
  if (!match) out.push(`path ${rawPath} does not match ${base}${op.path}`);
  names.forEach((name, i) => {
    const p = params.find((x) => x.in === "path" && x.name === name);
    const value = decodeURIComponent(match?.[i + 1] ?? "");
    const errors = p ? validateParam(spec, p, coerce(spec, p.schema, value)) : [`undeclared path parameter ${name}`];
    out.push(...errors.map((e) => `path parameter ${name}: ${e}`));
  });
  // Query: every name declared (or an API key's), percent-encoded, values valid, required ones present.
  const schemes = ((spec.document.components as Json | undefined)?.securitySchemes ?? {}) as Record<string, Json>;
  const query = new Map<string, string[]>();
  for (const pair of rawQuery === "" ? [] : rawQuery.split("&")) {
    const [k = "", v = ""] = pair.split("=", 2);
    if (/[[\]]/.test(k)) out.push(`query name ${k} is not percent-encoded`);
    const name = decodeURIComponent(k);
    query.set(name, [...(query.get(name) ?? []), decodeURIComponent(v)]);
  }
  for (const [name, values] of query) {
    const p = params.find((x) => x.in === "query" && x.name === name);
    if (!p) {
      if (!Object.values(schemes).some((s) => s.type === "apiKey" && s.in === "query" && s.name === name))
        out.push(`undeclared query parameter ${name}`);
      continue;
    }
    const schema = spec.deref<Json>(p.schema) ?? {};
    const value = [schema.type].flat().includes("array")
      ? values.map((v) => coerce(spec, schema.items, v))
      : coerce(spec, p.schema, values[0]!);
    out.push(...validateParam(spec, p, value).map((e) => `query ${name}: ${e}`));
  }
  for (const p of params.filter((x) => x.required === true)) {
    if (p.in === "query" && !query.has(String(p.name))) out.push(`required query parameter ${p.name} missing`);
    if (p.in === "header" && seen.headers[String(p.name).toLowerCase()] === undefined)
      out.push(`required header ${p.name} missing`);
  }
  // Credentials: some alternative of the operation's security, every scheme in it sent right.
  const security = (op.operation.security ?? spec.document.security ?? []) as Record<string, string[]>[];
  const sent = (key: string): boolean => {
    const s = schemes[key]!;
    const value = credentials[envName(sample.provider, key)];
    if (s.type === "apiKey") {
      if (s.in === "header") return seen.headers[String(s.name).toLowerCase()] === value;
      if (s.in === "query") return query.get(String(s.name))?.[0] === value;
      return String(seen.headers.cookie ?? "")
        .split("; ")
        .includes(`${s.name}=${value}`);
    }
    if (s.type === "http" && String(s.scheme).toLowerCase() === "basic") {
      const env = envName(sample.provider, key);
      return (
        seen.headers.authorization ===
        `Basic ${Buffer.from(`${credentials[`${env}_USER`]}:${credentials[`${env}_PASSWORD`]}`).toString("base64")}`
      );
    }
    return seen.headers.authorization === `Bearer ${value}`;
  };
  if (security.length > 0 && !security.some((req) => Object.keys(req).every(sent)))
    out.push(`no way in of ${JSON.stringify(security)} was sent`);
  // Body: the first media type's content type and a body that validates against its schema.
  if (op.operation.requestBody !== undefined) {
    const body = spec.deref<Json>(op.operation.requestBody);
    const [type] = Object.keys((body.content ?? {}) as Json);
    if (body.required === true && seen.body === "") out.push("required body missing");
    if (seen.body !== "" && type !== undefined) {
      if (seen.headers["content-type"] !== type)
        out.push(`content-type ${seen.headers["content-type"]}, the client sends ${type}`);
      const pointer = `${bodyPointer(spec, op)}/content/${escapePointer(type)}/schema`;
      if (/json/i.test(type)) out.push(...spec.check(pointer, JSON.parse(seen.body)).map((e) => `body ${e}`));
    }
  } else if (seen.body !== "") {
    out.push("a body for an operation that takes none");
  }
  return out;
}

function bodyPointer(spec: Spec, op: SpecOperation): string {
  const ref = (op.operation.requestBody as Json).$ref;
  return typeof ref === "string" ? ref.slice(1) : `${op.pointer}/requestBody`;
}

/** Validates a parameter value against its schema, through an inline schema compile of the parameter's pointer-free copy. */
function validateParam(spec: Spec, p: Json, value: unknown): string[] {
  const schema = p.schema as Json | undefined;
  if (schema === undefined) return [];
  if (typeof schema.$ref === "string") return spec.check(schema.$ref.slice(1), value);
  const op = spec.operations.find((o) => ((o.operation.parameters ?? []) as Json[]).includes(p));
  if (op)
    return spec.check(
      `${op.pointer}/parameters/${((op.operation.parameters ?? []) as Json[]).indexOf(p)}/schema`,
      value,
    );
  return [];
}

describe.skipIf(!existsSync(CURL))("curl examples in the docs", () => {
  it("exist for every operation", () => {
    const operations = samples
      .map((s) => s.spec)
      .filter((s, i, all) => all.indexOf(s) === i)
      .flatMap((s) => s.operations);
    expect(samples.length).toBe(operations.length);
    expect(samples.length).toBeGreaterThan(10);
  });

  it("send what the spec asks for, as the client would (run with Debian's curl against a local server)", async () => {
    const failures: string[] = [];
    for (const sample of samples) {
      const credentials: Record<string, string> = {};
      for (const m of sample.curl.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g))
        credentials[m[1]!] = `secret-${m[1]!.toLowerCase()}`;
      last = undefined;
      const { code, stderr } = await run(
        sample.curl.split(sample.spec.baseUrl).join(origin + new URL(sample.spec.baseUrl).pathname.replace(/\/$/, "")),
        credentials,
      );
      const where = `${sample.provider} ${sample.op.id}`;
      if (code !== 0) failures.push(`${where}: curl exited ${code}: ${stderr}`);
      else if (last === undefined) failures.push(`${where}: no request reached the server`);
      else failures.push(...problems(sample, last, credentials).map((p) => `${where}: ${p}`));
    }
    expect(failures).toEqual([]);
  });

  it("catch a wrong request (a body changed to break its schema is reported)", async () => {
    const sample = samples.find((s) => s.curl.includes("--data '{"))!;
    const broken = sample.curl.replace(/--data '\{[\s\S]*\}'$/, `--data '"not the body"'`);
    const credentials = Object.fromEntries(
      [...sample.curl.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g)].map((m) => [m[1]!, "x"]),
    );
    last = undefined;
    await run(
      broken.split(sample.spec.baseUrl).join(origin + new URL(sample.spec.baseUrl).pathname.replace(/\/$/, "")),
      credentials,
    );
    expect(problems(sample, last!, credentials).some((p) => p.startsWith("body "))).toBe(true);
  });

  it("are the same commands and TypeScript the docs pages show (the overlay's x-codeSamples)", async () => {
    const blocks = (await docFiles()).filter((d) => d.name.includes("/docs/tags/")).flatMap(codeBlocks);
    for (const sample of samples) {
      expect(
        blocks.some((b) => b.lang === "sh" && b.code === `${sample.curl}\n`),
        `${sample.provider} ${sample.op.id} curl`,
      ).toBe(true);
      expect(
        blocks.some((b) => b.lang === "ts" && b.code === `${sample.typescript}\n`),
        `${sample.provider} ${sample.op.id} ts`,
      ).toBe(true);
    }
  });
});
