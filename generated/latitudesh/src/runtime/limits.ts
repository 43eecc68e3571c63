// Copied by apigen from its client runtime (generator/runtime/limits.ts). Do not edit.
/** `maxResponseBytes`: its default, and a body read that stops as soon as the body grows past it. */
import type { Deadline } from "./deadline.js";
import { discard } from "./transport.js";

/**
 * 32 MiB. JSON API answers are far smaller (a page of a few hundred records is well under 1 MiB),
 * and a body turns into several times its size in memory once decoded and parsed, so this bounds one
 * call to some hundreds of MB instead of whatever a server (or a gzip bomb) sends. Raise it per client
 * or per call for bulk exports.
 */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 2 ** 25;

/**
 * The body as text, read chunk by chunk as fetch decodes it (so bytes are counted after gzip/br are
 * undone: a small bomb stops early). Past `max` bytes the read is cancelled and `undefined` returned.
 * A body whose Content-Length fetch hands over as is (no Content-Encoding: fetch undoes gzip and br,
 * so then the length counts compressed bytes) is read whole in one go, a fraction of the chunk
 * loop's cost; fetch itself fails a body that runs past its stated length.
 */
export function readLimited(
  response: Response,
  max: number,
  deadline?: Pick<Deadline, "stopped">,
): Promise<string | undefined> {
  // Not async: the common case hands back text()'s own promise, without wrapping it in another.
  const length = response.headers.has("content-encoding") ? null : response.headers.get("content-length");
  if (length === null || !/^\d+$/.test(length))
    return readLimitedBlob(response, max, deadline).then((blob) => blob?.text());
  if (+length <= max) return response.text();
  discard(response);
  return Promise.resolve(undefined);
}

/**
 * The body as a Blob (of the answer's media type), with the same limit: for file downloads. Once the
 * call's deadline has stopped it (its caller already has the TimeoutError), the read is cancelled too.
 */
export async function readLimitedBlob(
  response: Response,
  max: number,
  deadline?: Pick<Deadline, "stopped">,
): Promise<Blob | undefined> {
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk; reader && !(chunk = await reader.read()).done; chunks.push(chunk.value)) {
    if ((size += chunk.value.byteLength) > max || deadline?.stopped) {
      reader.cancel().catch(() => undefined);
      return undefined;
    }
  }
  return new Blob(chunks as BlobPart[], { type: response.headers.get("content-type") ?? "" });
}
