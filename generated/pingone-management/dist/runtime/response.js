import { isJson } from "./body.js";
import { ApiError, NetworkError, ResponseParseError, ResponseTooLargeError } from "./errors.js";
import { readLimited } from "./limits.js";
import { discard } from "./transport.js";
function hasBody(op, status) {
  return status !== 204 && status !== 205 && status !== 304 && op.method !== "HEAD";
}
async function readResult(op, response, maxBytes, stream, deadline) {
  const ok = response.status >= 200 && response.status < 300;
  if (ok && op.readFile !== void 0 && hasBody(op, response.status))
    return op.readFile(op.id, response, maxBytes, stream, deadline);
  let data;
  if (hasBody(op, response.status)) data = await readBody(op, response, ok, maxBytes, deadline);
  else discard(response);
  if (!ok) throw new ApiError(op.id, response, data, op.method, op.path);
  return data;
}
async function readBody(op, response, ok, maxBytes, deadline) {
  let raw;
  try {
    raw = await readLimited(response, maxBytes, deadline);
  } catch (error) {
    throw new NetworkError(op.id, error);
  }
  if (raw === void 0) throw new ResponseTooLargeError(op.id, maxBytes);
  if (raw === "") return void 0;
  const type = response.headers.get("content-type");
  if (!(type !== null && isJson(type)) && !(ok && op.jsonResponse)) return raw;
  try {
    return JSON.parse(raw);
  } catch (error) {
    if (ok) throw new ResponseParseError(op.id, response.status, error);
    return raw;
  }
}
export {
  readResult
};
