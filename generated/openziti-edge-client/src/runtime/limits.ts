// Copied by apigen from its client runtime (generator/runtime/limits.ts). Do not edit.
/** `maxResponseBytes`: its default, and a body read that stops as soon as the body grows past it. */

/**
 * 32 MiB. JSON API answers are far smaller (a page of a few hundred records is well under 1 MiB),
 * and a body turns into several times its size in memory once decoded and parsed, so this bounds one
 * call to some hundreds of MB instead of whatever a server (or a gzip bomb) sends. Raise it per client
 * or per call for bulk exports.
 */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 2 ** 25;

/**
 * The body's size when the answer states it and fetch hands over exactly that many bytes: a
 * Content-Length with no Content-Encoding (fetch undoes gzip and br, so then the length counts the
 * compressed bytes, not what is read). Such a body is read whole in one go, which costs a fraction
 * of reading it chunk by chunk; fetch itself fails a body that runs past its stated length.
 */
function statedLength(response: Response): number | undefined {
  const headers = response.headers;
  if (headers.has("content-encoding")) return undefined;
  const length = headers.get("content-length");
  return length !== null && /^\d+$/.test(length) ? Number(length) : undefined;
}

/**
 * The body as text, read chunk by chunk as fetch decodes it (so bytes are counted after gzip/br are
 * undone: a small bomb stops early). Past `max` bytes the read is cancelled and `undefined` returned.
 */
export async function readLimited(response: Response, max: number): Promise<string | undefined> {
  const length = statedLength(response);
  if (length === undefined) return (await readLimitedBlob(response, max))?.text();
  if (length > max) return tooLarge(response);
  return response.text();
}

/** The body as a Blob (of the answer's media type), with the same limit: for file downloads. */
export async function readLimitedBlob(response: Response, max: number): Promise<Blob | undefined> {
  const length = statedLength(response);
  if (length !== undefined) return length > max ? tooLarge(response) : response.blob();
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk; reader && !(chunk = await reader.read()).done; chunks.push(chunk.value)) {
    if ((size += chunk.value.byteLength) > max) {
      reader.cancel().catch(() => undefined);
      return undefined;
    }
  }
  return new Blob(chunks as BlobPart[], { type: response.headers.get("content-type") ?? "" });
}

/** Over the limit before a byte is read: let the connection go. */
function tooLarge(response: Response): undefined {
  response.body?.cancel().catch(() => undefined);
  return undefined;
}
