// Copied by apigen from its client runtime (generator/runtime/response.ts). Do not edit.
/** The response as the caller gets it: the parsed 2xx body, or an ApiError carrying the parsed error body; read within maxResponseBytes. */
import { isJson } from "./body.js";
import { ApiError, NetworkError, ResponseParseError, ResponseTooLargeError } from "./errors.js";
import { readLimited } from "./limits.js";
import type { Deadline } from "./deadline.js";
import type { Bound } from "./state.js";
import { discard } from "./transport.js";

function hasBody(op: Bound, status: number): boolean {
  return status !== 204 && status !== 205 && status !== 304 && op.method !== "HEAD";
}

/**
 * `stream`: for a file answer (the files feature), hand over the body stream instead of reading it into a Blob.
 * `deadline`: a read that outlives the call's budget (the caller gets a TimeoutError) is cancelled at its next chunk.
 */
export async function readResult(
  op: Bound,
  response: Response,
  maxBytes: number,
  stream?: boolean,
  deadline?: Pick<Deadline, "stopped">,
): Promise<unknown> {
  const ok = response.status >= 200 && response.status < 300;
  if (ok && op.readFile !== undefined && hasBody(op, response.status))
    return op.readFile(op.id, response, maxBytes, stream, deadline);
  let data: unknown;
  if (hasBody(op, response.status)) data = await readBody(op, response, ok, maxBytes, deadline);
  else discard(response);
  if (!ok) throw new ApiError(op.id, response, data, op.method, op.path);
  return data;
}

/**
 * Parsed JSON for JSON media types (and for any 2xx of an operation that declares only JSON), text
 * otherwise, undefined when empty. A 2xx that does not parse is a ResponseParseError; an error's body stays text.
 */
async function readBody(
  op: Bound,
  response: Response,
  ok: boolean,
  maxBytes: number,
  deadline: Pick<Deadline, "stopped"> | undefined,
): Promise<unknown> {
  let raw: string | undefined;
  try {
    raw = await readLimited(response, maxBytes, deadline);
  } catch (error) {
    throw new NetworkError(op.id, error);
  }
  if (raw === undefined) throw new ResponseTooLargeError(op.id, maxBytes);
  if (raw === "") return undefined;
  const type = response.headers.get("content-type");
  if (!(type !== null && isJson(type)) && !(ok && op.jsonResponse)) return raw;
  try {
    return JSON.parse(raw);
  } catch (error) {
    if (ok) throw new ResponseParseError(op.id, response.status, error);
    return raw;
  }
}
