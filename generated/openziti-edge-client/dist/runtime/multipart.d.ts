/**
 * Multipart bodies: a plain object to FormData. A feature of its own (passed to createRuntime by the
 * clients whose spec has multipart bodies), so other clients do not bundle it.
 */
import type { MultipartEncoding } from "./definition.js";
/**
 * openapi-fetch sends FormData as given and has no object-to-FormData step: this is ours. Arrays
 * become repeated parts, bytes and files file parts, objects JSON text, and a part's media type
 * from the spec's `encoding` is kept.
 */
export declare function formData(body: object, encoding: MultipartEncoding | undefined): FormData;
