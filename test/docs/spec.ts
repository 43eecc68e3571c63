/**
 * A provider's published `openapi.json` as the docs tests read it: its
 * operations by id, and a JSON Schema 2020-12 validator (ajv, formats on)
 * for any schema in it, addressed by JSON pointer so `$ref`s resolve as in
 * the document.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { decodePlainPointer, escapeSegment } from "../../generator/shared/json-pointer.ts";
import { HTTP_METHODS } from "../../generator/shared/http.ts";
import { GENERATED } from "./support.ts";

type Json = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

export interface SpecOperation {
  id: string;
  method: string;
  path: string;
  /** Pointer to the operation object, e.g. `/paths/~1a~1{id}/get`. */
  pointer: string;
  operation: Json;
}

export interface Spec {
  document: Json;
  operations: SpecOperation[];
  /** Errors of `value` against the schema at `pointer` (`[]` when valid), in words. */
  check(pointer: string, value: unknown): string[];
  /** Follows a `$ref` inside the document (one hop at a time, to the end). */
  deref<T = Json>(node: unknown): T;
  /** The base URL the docs' examples use: the first server with variable defaults, or https://api.example.com. */
  baseUrl: string;
}

/** Pointers as the document spells them (`/paths/~1things/get`); the test helpers' one spelling. */
export const escapePointer = escapeSegment;

export async function loadSpec(provider: string): Promise<Spec> {
  const document = JSON.parse(await readFile(join(GENERATED, provider, "openapi.json"), "utf8")) as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  const id = `urn:apigen:${provider}`;
  ajv.addSchema({ ...document, $id: id });
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, Json>)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      operations.push({
        id: String(operation.operationId ?? `${method} ${path}`),
        method,
        path,
        pointer: `/paths/${escapePointer(path)}/${method}`,
        operation,
      });
    }
  }
  const get = (pointer: string): unknown =>
    decodePlainPointer(pointer).reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document);
  const deref = <T>(node: unknown): T => {
    let current = node as Json | undefined;
    for (let i = 0; i < 20 && typeof current?.$ref === "string"; i++)
      current = get((current.$ref as string).slice(1)) as Json;
    return current as T;
  };
  const server = ((document.servers ?? []) as Json[])[0];
  const variables = (server?.variables ?? {}) as Record<string, Json>;
  const url = server
    ? String(server.url).replace(/\{([^}]+)\}/g, (whole, n: string) => String(variables[n]?.default ?? whole))
    : "/";
  return {
    document,
    operations,
    deref,
    baseUrl: /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url.replace(/\/+$/, "") : "https://api.example.com",
    check(pointer, value) {
      let validate = compiled.get(pointer);
      if (!validate)
        compiled.set(
          pointer,
          (validate = ajv.compile({ $ref: `${id}#${pointer.split("/").map(encodeURIComponent).join("/")}` })),
        );
      return validate(value)
        ? []
        : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
    },
  };
}
