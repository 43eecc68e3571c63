/**
 * The names the generated client gives each operation (`client.<tag property>.<method name>`)
 * and each tag. One source: the IR builder (build.ts) and the change classifier (changes/)
 * both take them from here, so a changelog line names the method a caller actually calls,
 * numbered suffixes (`getAB2`) and all.
 */
import { HTTP_METHODS } from "../shared/http.ts";
import { nonEmptyStr as str } from "../shared/json.ts";
import { asIdentifier, camelCase, isIdentifier, unique } from "./names.ts";
import type { HttpMethod } from "./types.ts";

export { HTTP_METHODS } from "../shared/http.ts";
export const DEFAULT_TAG = "default";
/** `raw` is the client's own property (the openapi-fetch client underneath): a tag named "raw" gets `raw2`. */
const RESERVED_PROPERTIES = ["raw"];

type Obj = Record<string, unknown>;

export interface OperationNames {
  path: string;
  method: HttpMethod;
  /** operationId from the spec, or one derived from method and path, unique in the document. */
  id: string;
  idDerived: boolean;
  /** camelCase method name on the tag object, unique within the tag. */
  methodName: string;
  /** The operation's first tag, or "default". */
  tag: string;
}

export interface ClientNames {
  /** In document order (paths, then methods in HTTP_METHODS order): the order uniqueness is decided in. */
  operations: OperationNames[];
  /** Tags used by some operation, declared ones first, with their client property. */
  tags: { name: string; propertyName: string }[];
}

/** `deref` resolves a path item that is a `$ref`; the caller decides what a broken one means. */
export function clientNames(doc: Obj, deref: (value: unknown) => Obj): ClientNames {
  const operations: OperationNames[] = [];
  const ids = new Set<string>();
  const methodNames = new Map<string, Set<string>>();
  for (const [path, rawItem] of Object.entries(obj(doc.paths))) {
    const item = deref(rawItem);
    for (const method of HTTP_METHODS) {
      if (item[method] === undefined) continue;
      const op = obj(item[method]);
      const explicitId = str(op.operationId);
      const id = unique(explicitId ?? derivedId(method, path), ids);
      const tag = (Array.isArray(op.tags) && str(op.tags[0])) || DEFAULT_TAG;
      const taken = methodNames.get(tag) ?? new Set<string>();
      methodNames.set(tag, taken);
      operations.push({ path, method, id, idDerived: explicitId === undefined, methodName: unique(methodNameFor(id), taken), tag });
    }
  }
  return { operations, tags: tagProperties(doc, operations) };
}

function tagProperties(doc: Obj, operations: readonly OperationNames[]): ClientNames["tags"] {
  const names: string[] = [];
  for (const t of Array.isArray(doc.tags) ? doc.tags.map(obj) : []) {
    const name = str(t.name);
    if (name && !names.includes(name)) names.push(name);
  }
  for (const op of operations) if (!names.includes(op.tag)) names.push(op.tag);
  const used = new Set(operations.map((o) => o.tag));
  const properties = new Set<string>(RESERVED_PROPERTIES);
  return names.filter((name) => used.has(name)).map((name) => ({ name, propertyName: unique(camelCase(name), properties) }));
}

/** `get /environments/{environmentID}/users` -> `getEnvironmentsEnvironmentIdUsers`. */
function derivedId(method: string, path: string): string {
  return camelCase(`${method} ${path.replace(/[{}]/g, " ")}`);
}

function methodNameFor(id: string): string {
  return isIdentifier(id) ? asIdentifier(id, "operation") : camelCase(id);
}


function obj(value: unknown): Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : {};
}
