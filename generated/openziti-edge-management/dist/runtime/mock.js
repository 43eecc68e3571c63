const failed = /* @__PURE__ */ new WeakSet();
function mockApi(spec, checks, tags) {
  const handlers = /* @__PURE__ */ new Map();
  const calls = [];
  const compiled = spec.operations.map((op) => ({ op, pattern: pathPattern(op.path) }));
  const mock = {
    fetch: (request) => answer(spec, checks, compiled, request, handlers, calls),
    calls,
    reset() {
      handlers.clear();
      calls.length = 0;
    }
  };
  const operation = (id) => ({
    reply(first, body, headers) {
      handlers.set(id, typeof first === "function" ? first : () => ({ status: first, body, headers }));
    },
    get calls() {
      return calls.filter((c) => c.operationId === id);
    }
  });
  for (const [tag, operations] of Object.entries(tags)) {
    const value = {};
    for (const [method, id] of Object.entries(operations)) value[method] = operation(id);
    Object.defineProperty(mock, tag, { value, enumerable: true });
  }
  return mock;
}
async function answer(spec, checks, compiled, request, handlers, calls) {
  const { ValidationError } = checks;
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const found = match(compiled, url.pathname, method);
  if (found === void 0) {
    const paths = compiled.filter((c) => c.pattern.test(url.pathname)).map((c) => c.op.method);
    const hint = paths.length > 0 ? ` (the spec has ${paths.join(", ")} for this path)` : "";
    throw new ValidationError(
      "(unknown operation)",
      "request",
      "",
      `${method} ${url.pathname} is no operation of the spec${hint}`
    );
  }
  const { op, pathValues } = found;
  const parts = await readRequest(checks, op, request, url, pathValues);
  const bodyText = JSON.stringify(parts.body);
  const previous = [...calls].reverse().find((c) => c.operationId === op.id);
  const retryable = previous !== void 0 && (failed.has(previous) || previous.status === 429 || (previous.status ?? 0) >= 500);
  const retried = retryable && previous.url === request.url && JSON.stringify(previous.body) === bodyText;
  const call = {
    operationId: op.id,
    attempt: retried ? previous.attempt + 1 : 1,
    path: parts.path,
    query: parts.query,
    header: parts.header,
    body: parts.body,
    headers: request.headers,
    url: request.url,
    method,
    status: void 0
  };
  calls.push(call);
  const problem = parts.problem ?? credentialsProblem(spec, checks, op, request, url) ?? checks.checkRequest(op.id, parts);
  if (problem !== void 0) throw problem;
  const handler = handlers.get(op.id);
  let reply;
  if (handler !== void 0) {
    try {
      reply = await handler(call);
    } catch (error) {
      failed.add(call);
      throw error;
    }
  } else if (op.answer === void 0 || op.answer.invalid !== void 0) {
    const why = op.answer?.invalid === void 0 ? "declares no response" : `example does not match its schema (${op.answer.invalid})`;
    throw new ValidationError(
      op.id,
      "response",
      "",
      `has no reply: none was set and the spec's ${why}; set one with reply(status, body)`
    );
  } else reply = { status: op.answer.status, body: op.answer.body };
  if (reply instanceof Response) {
    call.status = reply.status;
    return reply;
  }
  const declared = responseKey(op, reply.status);
  if (declared === void 0)
    throw new ValidationError(
      op.id,
      "response",
      "",
      `HTTP ${reply.status} is not a status the operation declares (${Object.keys(op.responses).join(", ")})`,
      reply.status
    );
  const invalid = checks.checkResponse(op.id, reply.status, reply.body);
  if (invalid !== void 0) throw invalid;
  call.status = reply.status;
  const type = op.responses[declared] ?? "application/json";
  const noBody = reply.body === void 0 || reply.status === 204 || reply.status === 205 || reply.status === 304;
  const text = noBody ? null : typeof reply.body === "string" && !/json/i.test(type) ? reply.body : JSON.stringify(reply.body);
  const headers = new Headers(reply.headers);
  if (text !== null && !headers.has("content-type")) headers.set("content-type", type);
  return new Response(text, { status: reply.status, headers });
}
function responseKey(op, status) {
  const keys = [String(status), `${String(status)[0]}XX`, "default"];
  return keys.find((k) => Object.hasOwn(op.responses, k));
}
function pathPattern(path) {
  const source = path.split(/(\{[^}]+\})/).map(
    (piece) => /^\{[^}]+\}$/.test(piece) ? "([^/]+)" : piece.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/[{}]/g, "\\$&")
  ).join("");
  return new RegExp(`${source}$`);
}
function match(compiled, pathname, method) {
  let best;
  for (const { op, pattern } of compiled) {
    if (op.method !== method) continue;
    const found = pattern.exec(pathname);
    if (found === null) continue;
    const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const literal = op.path.replace(/\{[^}]+\}/g, "").length;
    if (best !== void 0 && best.literal >= literal) continue;
    const pathValues = {};
    names.forEach((name, i) => pathValues[name] = decodeURIComponent(found[i + 1]));
    best = { op, pathValues, literal };
  }
  return best;
}
async function readRequest(checks, op, request, url, pathValues) {
  const { ValidationError } = checks;
  const parts = { path: {}, query: {}, header: {} };
  for (const p of op.parameters) {
    if (p.in === "path" && pathValues[p.name] !== void 0) parts.path[p.name] = coerce(pathValues[p.name], p);
    if (p.in === "header") {
      const value = request.headers.get(p.name);
      if (value !== null) parts.header[p.name.toLowerCase()] = coerce(value, p);
    }
    if (p.in === "query") {
      const value = queryValue(url.searchParams, p);
      if (value !== void 0) parts.query[p.name] = value;
    }
  }
  const bytes = request.body === null ? void 0 : new Uint8Array(await request.arrayBuffer());
  const text = bytes === void 0 ? "" : new TextDecoder().decode(bytes);
  if (text === "") return parts;
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (op.bodyTypes.length === 0) {
    parts.problem = new ValidationError(
      op.id,
      "request",
      "/body",
      "is not expected: the operation declares no request body"
    );
  } else if (!op.bodyTypes.some((t) => mediaMatches(t.toLowerCase(), type))) {
    parts.problem = new ValidationError(
      op.id,
      "request",
      "/header/content-type",
      `must be one of ${op.bodyTypes.map((t) => JSON.stringify(t)).join(", ")}, got ${JSON.stringify(type)}`
    );
  } else if (/json/.test(type)) {
    try {
      parts.body = JSON.parse(text);
    } catch {
      parts.problem = new ValidationError(op.id, "request", "/body", `must be valid JSON (content-type ${type})`);
    }
  } else if (type === "application/x-www-form-urlencoded") parts.body = fields(new URLSearchParams(text));
  else if (type === "multipart/form-data") {
    try {
      const contentType = request.headers.get("content-type");
      parts.body = fields(await new Response(bytes, { headers: { "content-type": contentType } }).formData());
    } catch {
      parts.problem = new ValidationError(op.id, "request", "/body", "must be a valid multipart/form-data body");
    }
  } else parts.body = text;
  return parts;
}
function fields(form) {
  const out = {};
  for (const [name, value] of form) {
    const seen = out[name];
    out[name] = seen === void 0 ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}
function mediaMatches(declared, sent) {
  if (declared === "*/*" || declared === sent) return true;
  return declared.endsWith("/*") && sent.startsWith(declared.slice(0, -1));
}
function queryValue(search, p) {
  const style = p.style ?? "form";
  const explode = p.explode ?? style === "form";
  if (style === "deepObject" || p.type === "object" && explode) {
    const out = {};
    const prefix = `${p.name}[`;
    for (const [key, value] of search)
      if (key.startsWith(prefix) && key.endsWith("]")) out[key.slice(prefix.length, -1)] = value;
    return Object.keys(out).length === 0 ? void 0 : out;
  }
  if (!search.has(p.name)) return void 0;
  if (p.type === "array") {
    const separator = style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : ",";
    const values = explode ? search.getAll(p.name) : search.get(p.name).split(separator);
    return values.map((v) => coerce(v, { ...p, type: p.items ?? "string" }));
  }
  return coerce(search.get(p.name), p);
}
function coerce(text, p) {
  if (p.type === "integer" || p.type === "number")
    return text.trim() !== "" && !Number.isNaN(Number(text)) ? Number(text) : text;
  if (p.type === "boolean") return text === "true" ? true : text === "false" ? false : text;
  if (p.type === "array") return text.split(",");
  return text;
}
function credentialsProblem(spec, checks, op, request, url) {
  const { schemes } = spec;
  if (op.security.length === 0 || op.security.some((alternative) => alternative.every((key) => present(schemes[key], request, url))))
    return void 0;
  const wanted = op.security.map((alternative) => alternative.map((key) => describeScheme(key, schemes[key])).join(" and ")).join(" or ");
  return new checks.ValidationError(op.id, "request", "/header/authorization", `needs credentials: ${wanted}`);
}
function present(scheme, request, url) {
  if (scheme === void 0) return false;
  if (scheme.type === "apiKey") {
    if (scheme.in === "query") return url.searchParams.has(scheme.name ?? "");
    if (scheme.in === "cookie")
      return (request.headers.get("cookie") ?? "").split(/;\s*/).some((c) => c.startsWith(`${scheme.name}=`));
    return request.headers.has(scheme.name ?? "");
  }
  const authorization = request.headers.get("authorization") ?? "";
  const prefix = scheme.type === "http" ? scheme.scheme ?? "" : "bearer";
  return authorization.toLowerCase().startsWith(`${prefix} `) && authorization.length > prefix.length + 1;
}
function describeScheme(key, scheme) {
  if (scheme?.type === "apiKey") return `${key} (${scheme.in} ${JSON.stringify(scheme.name)})`;
  if (scheme?.type === "http") return `${key} (Authorization: ${scheme.scheme} ...)`;
  return `${key} (Authorization: Bearer ...)`;
}
export {
  mockApi
};
