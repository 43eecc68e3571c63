/**
 * What the runtime must know about bodies beyond their types: whether the
 * 2xx answer is binary (read as a Blob, not text or JSON), how multipart parts
 * are encoded, and which header carries an idempotency key.
 */
import { SpecError, toPointer } from "../errors.ts";
import type { Deref, Locate } from "./pagination.ts";
import type { ParameterIR, ResponseIR } from "./types.ts";

type Obj = Record<string, unknown>;

/** A string schema that holds raw bytes: `format: binary`, or `contentMediaType` without a text `contentEncoding`. */
export function isBinarySchema(schema: Obj): boolean {
  if (schema.format === "binary") return true;
  return typeof schema.contentMediaType === "string" && schema.contentEncoding === undefined;
}

/** True when a 2xx answer is application/octet-stream or has a binary schema. */
export function binaryResponse(responses: ResponseIR[], deref: Deref): boolean {
  return responses.some(
    (r) =>
      /^2(\d\d|XX)$/i.test(r.status) &&
      r.content.some(
        (m) =>
          /^application\/octet-stream\b/i.test(m.contentType) ||
          (m.schema !== undefined && isBinarySchema(deref(m.schema))),
      ),
  );
}

/** The `encoding` of a multipart/form-data media type: the parts given a content type, by property name. */
export function multipartEncoding(
  contentType: string,
  encoding: Obj,
): Record<string, { contentType?: string }> | undefined {
  if (!/^multipart\//i.test(contentType)) return undefined;
  const parts = Object.keys(encoding)
    .sort()
    .flatMap((name) => {
      const part = encoding[name];
      const type = part !== null && typeof part === "object" ? (part as Obj).contentType : undefined;
      return typeof type === "string" && type !== "" ? [[name, { contentType: type }] as const] : [];
    });
  return parts.length === 0 ? undefined : Object.fromEntries(parts);
}

/**
 * The idempotency header of an operation: `x-idempotency-key: <header name>`
 * when given, else a declared `Idempotency-Key` header parameter (any case).
 */
export function idempotencyHeader(
  extension: unknown,
  parameters: ParameterIR[],
  file: string,
  path: string[],
  locate?: Locate,
): string | undefined {
  if (extension !== undefined) {
    if (typeof extension === "string" && /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(extension)) return extension;
    const position = locate?.(path);
    throw new SpecError(
      { file, line: position?.line, column: position?.column, pointer: toPointer(path) },
      `x-idempotency-key must be the name of the header that carries the key, such as "Idempotency-Key" (got ${JSON.stringify(extension)})`,
    );
  }
  return parameters.find((p) => p.in === "header" && p.name.toLowerCase() === "idempotency-key")?.name;
}
