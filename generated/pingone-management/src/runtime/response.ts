// Copied by apigen from its client runtime (generator/runtime/response.ts). Do not edit.
/** The response as the caller gets it: the parsed 2xx body, or an ApiError carrying the parsed error body. */
import { isJson } from "./body.js";
import { ApiError, NetworkError } from "./errors.js";
import type { Bound } from "./state.js";
import { discard } from "./transport.js";

function hasBody(op: Bound, status: number): boolean {
  return status !== 204 && status !== 205 && status !== 304 && op.method !== "HEAD";
}

/** `stream`: for a file answer, hand over the body stream instead of reading it into a Blob. */
export async function readResult(op: Bound, response: Response, stream?: boolean): Promise<unknown> {
  const ok = response.status >= 200 && response.status < 300;
  if (ok && op.binaryResponse && hasBody(op, response.status)) return stream === true ? response.body : await readBlob(op, response);
  let data: unknown;
  if (hasBody(op, response.status)) data = await readBody(op, response, ok);
  else discard(response);
  if (!ok) throw new ApiError(op.id, response, data, op.method, op.path);
  return data;
}

async function readBlob(op: Bound, response: Response): Promise<Blob> {
  try {
    return await response.blob();
  } catch (error) {
    throw new NetworkError(op.id, error);
  }
}

/** Parsed JSON for JSON media types, text otherwise, undefined when empty. Bad JSON fails a 2xx; an error's body stays text. */
async function readBody(op: Bound, response: Response, ok: boolean): Promise<unknown> {
  let raw: string;
  try {
    raw = await response.text();
  } catch (error) {
    throw new NetworkError(op.id, error);
  }
  if (raw === "") return undefined;
  const type = response.headers.get("content-type");
  if (type === null || !isJson(type)) return raw;
  try {
    return JSON.parse(raw);
  } catch (error) {
    if (ok) throw new Error(`${op.id}: HTTP ${response.status} response is not valid JSON`, { cause: error });
    return raw;
  }
}
