/**
 * Types for bytes: openapi-typescript types `format: binary` as `string`, so a
 * file upload did not compile and a download claimed to be text. Here (as its
 * `transform`/`postTransform` hooks) a binary schema becomes what fetch sends
 * and what the runtime hands back:
 *
 * - in requests (and component schemas): `Blob | File | Uint8Array | ReadableStream<Uint8Array>`;
 * - in responses: `Blob`;
 * - a multipart/form-data request body also accepts a ready `FormData`;
 * - an application/octet-stream body is bytes whatever its schema says.
 *
 * A binary schema inside a JSON body stays a string: JSON cannot carry bytes.
 */
import type { SchemaObject, TransformNodeOptions } from "openapi-typescript";
import { isBinarySchema } from "../ir/media.ts";
import { unescapeSegment } from "../shared/json-pointer.ts";

type OpenapiTs = typeof import("openapi-typescript");
type Typescript = typeof import("typescript");
type TypeNode = ReturnType<OpenapiTs["tsIntersection"]>;

export interface BinaryTypes {
  /** For `transform`: a binary string schema's type, or undefined to leave the schema to others. */
  schema(schema: SchemaObject, options: TransformNodeOptions): TypeNode | undefined;
  /** For `postTransform`: a media type's whole type (octet-stream bytes, multipart or FormData). */
  media(type: TypeNode, options: TransformNodeOptions): TypeNode | undefined;
}

export function binaryTypes(ot: OpenapiTs, ts: Typescript): BinaryTypes {
  const ref = (name: string, args: TypeNode[] = []) => ts.factory.createTypeReferenceNode(name, args);
  const upload = ot.tsUnion([ref("Blob"), ref("File"), ref("Uint8Array"), ref("ReadableStream", [ref("Uint8Array")])]);
  const download = ref("Blob");
  const bytes = (path: string | undefined) => (isResponse(path) ? download : upload);
  return {
    schema(schema, options) {
      if (typeof schema !== "object" || schema === null || "$ref" in schema) return undefined;
      if (!isBinarySchema(schema as Record<string, unknown>) || inJson(options.path)) return undefined;
      return bytes(options.path);
    },
    media(type, options) {
      const media = mediaTypeOf(options.path);
      if (media === undefined) return undefined;
      if (/^application\/octet-stream\b/i.test(media)) return bytes(options.path);
      if (/^multipart\/form-data\b/i.test(media) && !isResponse(options.path))
        return ot.tsUnion([type, ref("FormData")]);
      return undefined;
    },
  };
}

/** The media type when `path` is a media type object's schema itself (`.../content/<type>`), else undefined. */
function mediaTypeOf(path: string | undefined): string | undefined {
  const match = path === undefined ? null : /\/content\/([^/]+)$/.exec(path);
  return match ? unescapeSegment(match[1]!) : undefined;
}

function isResponse(path: string | undefined): boolean {
  return path !== undefined && /\/responses\//.test(path);
}

function inJson(path: string | undefined): boolean {
  return path !== undefined && /\/content\/[^/]*json/i.test(path);
}
