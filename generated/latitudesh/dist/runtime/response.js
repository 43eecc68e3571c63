import { isJson } from "./body.js";
import { ApiError, NetworkError } from "./errors.js";
import { discard } from "./transport.js";
function hasBody(op, status) {
  return status !== 204 && status !== 205 && status !== 304 && op.method !== "HEAD";
}
async function readResult(op, response, stream) {
  const ok = response.status >= 200 && response.status < 300;
  if (ok && op.binaryResponse && hasBody(op, response.status)) return stream === true ? response.body : await readBlob(op, response);
  let data;
  if (hasBody(op, response.status)) data = await readBody(op, response, ok);
  else discard(response);
  if (!ok) throw new ApiError(op.id, response, data, op.method, op.path);
  return data;
}
async function readBlob(op, response) {
  try {
    return await response.blob();
  } catch (error) {
    throw new NetworkError(op.id, error);
  }
}
async function readBody(op, response, ok) {
  let raw;
  try {
    raw = await response.text();
  } catch (error) {
    throw new NetworkError(op.id, error);
  }
  if (raw === "") return void 0;
  const type = response.headers.get("content-type");
  if (type === null || !isJson(type)) return raw;
  try {
    return JSON.parse(raw);
  } catch (error) {
    if (ok) throw new Error(`${op.id}: HTTP ${response.status} response is not valid JSON`, { cause: error });
    return raw;
  }
}
export {
  readResult
};
