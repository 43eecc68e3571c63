// Copied by apigen from its client runtime (generator/runtime/files.ts). Do not edit.
/**
 * File answers (octet-stream or a binary schema): the body stream when the call asks for it, else a
 * Blob read within maxResponseBytes like any other body. A feature: only clients whose spec has
 * binary responses pass it to createRuntime.
 */
import type { Deadline } from "./deadline.js";
import { NetworkError, ResponseTooLargeError } from "./errors.js";
import { readLimitedBlob } from "./limits.js";

export async function readFile(
  operationId: string,
  response: Response,
  maxBytes: number,
  stream: boolean | undefined,
  deadline: Pick<Deadline, "stopped"> | undefined,
): Promise<Blob | ReadableStream<Uint8Array> | null> {
  if (stream === true) return response.body;
  const blob = await readLimitedBlob(response, maxBytes, deadline).catch((error: unknown) => {
    throw new NetworkError(operationId, error);
  });
  if (blob === undefined) throw new ResponseTooLargeError(operationId, maxBytes);
  return blob;
}
