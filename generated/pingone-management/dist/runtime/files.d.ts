/**
 * File answers (octet-stream or a binary schema): the body stream when the call asks for it, else a
 * Blob read within maxResponseBytes like any other body. A feature: only clients whose spec has
 * binary responses pass it to createRuntime.
 */
import type { Deadline } from "./deadline.js";
export declare function readFile(operationId: string, response: Response, maxBytes: number, stream: boolean | undefined, deadline: Pick<Deadline, "stopped"> | undefined): Promise<Blob | ReadableStream<Uint8Array> | null>;
