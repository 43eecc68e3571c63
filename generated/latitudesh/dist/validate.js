import { createLatitudeshClient as createPlainClient } from "./client.js";
import { requestValidators, responseValidators } from "./validators.js";
function createLatitudeshClient(options = {}) {
  const { validate, ...rest } = options;
  if (validate === void 0) return createPlainClient(rest);
  return createPlainClient({ ...rest, validate: { ...validate, validators: validate.validators ?? validators } });
}
class ValidationError extends Error {
  kind = "validation";
  operationId;
  direction;
  /** JSON pointer into the checked value: `/query/filter[location]`, `/body/data/type` (request) or into the body (response). */
  pointer;
  /** What the spec expects there, e.g. "must be string". */
  expected;
  /** The response's status (responses only). */
  status;
  constructor(operationId, direction, pointer, expected, status) {
    const what = direction === "request" ? "request" : `response (HTTP ${status})`;
    super(`${operationId}: ${what} does not match the spec: ${pointer === "" ? "" : `${pointer} `}${expected}`);
    this.name = "ValidationError";
    this.operationId = operationId;
    this.direction = direction;
    this.pointer = pointer;
    this.expected = expected;
    this.status = status;
  }
}
const validators = {
  request(operationId, input, headers) {
    const params = input.params ?? {};
    const header = { ...headers };
    for (const [name, value] of Object.entries(params.header ?? {})) if (value !== void 0) header[name.toLowerCase()] = value;
    const parts = { path: defined(params.path), query: defined(params.query), header };
    const body = input.body;
    if (body instanceof FormData || body instanceof URLSearchParams) parts.body = Object.fromEntries([...body.keys()].map((k) => [k, true]));
    else if (body !== void 0) parts.body = body;
    return checkRequest(operationId, parts);
  },
  response: checkResponse
};
function checkRequest(operationId, request) {
  const validate = requestValidators[operationId];
  if (validate === void 0 || validate(request)) return void 0;
  const [pointer, expected] = describe(validate, request, (p) => p.startsWith("/header/") || SECRET.test(p));
  return new ValidationError(operationId, "request", pointer, expected);
}
function checkResponse(operationId, status, body) {
  const byStatus = responseValidators[operationId] ?? {};
  const validate = byStatus[String(status)] ?? byStatus[`${String(status)[0]}XX`] ?? byStatus.default;
  if (validate === void 0 || validate(body)) return void 0;
  const [pointer, expected] = describe(validate, body, (p) => SECRET.test(p));
  return new ValidationError(operationId, "response", pointer, expected, status);
}
const SECRET = /pass|secret|token|key|auth|credential|session[_-]?id|cookie/i;
function describe(validate, value, secret) {
  const errors = validate.errors ?? [];
  const last = errors[errors.length - 1];
  if (last === void 0) return ["", "does not match the schema"];
  const [pointer, expected] = explain(last);
  let text = expected;
  const first = errors[0];
  if ((last.keyword === "anyOf" || last.keyword === "oneOf") && first !== void 0 && first !== last) {
    const [p, e] = explain(first);
    text = `must match one of the schemas in ${last.keyword} (first one: ${p === pointer ? "" : `${p} `}${e})`;
  }
  if (last.keyword !== "required" && !secret(pointer)) text += `, got ${preview(at(value, pointer))}`;
  return [pointer, text];
}
function explain(error) {
  const params = error.params;
  switch (error.keyword) {
    case "required":
      return [`${error.instancePath}/${escape(String(params.missingProperty))}`, "is required"];
    case "additionalProperties":
      return [`${error.instancePath}/${escape(String(params.additionalProperty))}`, "is not a property the schema allows"];
    case "enum": {
      const allowed = params.allowedValues ?? [];
      const shown = allowed.slice(0, 10).map((v) => JSON.stringify(v)).join(", ");
      return [error.instancePath, `must be one of ${shown}${allowed.length > 10 ? ", ..." : ""}`];
    }
    case "const":
      return [error.instancePath, `must be ${JSON.stringify(params.allowedValue)}`];
    default:
      return [error.instancePath, error.message ?? `does not satisfy "${error.keyword}"`];
  }
}
function at(value, pointer) {
  for (const segment of pointer.split("/").slice(1)) {
    const key = segment.replace(/~1/g, "/").replace(/~0/g, "~");
    value = value !== null && typeof value === "object" ? value[key] : void 0;
  }
  return value;
}
function preview(value) {
  const text = value === void 0 ? "undefined" : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
function escape(segment) {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
function defined(values) {
  const out = {};
  for (const [key, value] of Object.entries(values ?? {})) if (value !== void 0) out[key] = value;
  return out;
}
export {
  ValidationError,
  checkRequest,
  checkResponse,
  createLatitudeshClient,
  validators
};
