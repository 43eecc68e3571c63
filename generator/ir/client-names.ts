/**
 * The names the generated client gives each operation (`client.<tag property>.<method name>`)
 * and each tag. One source: the IR builder (build.ts) and the change classifier (changes/)
 * both take them from here, so a changelog line names the method a caller actually calls,
 * numbered suffixes (`getAB2`) and all.
 */
import { HTTP_METHODS } from "../shared/http.ts";
import { nonEmptyStr as str } from "../shared/json.ts";
import { asIdentifier, camelCase, isIdentifier, unique } from "../shared/names.ts";
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

/**
 * `deref` resolves a path item that is a `$ref`; the caller decides what a broken one means.
 * Explicit operationIds are taken first: a derived id (or method name) gives way to them, never the reverse.
 */
export function clientNames(doc: Obj, deref: (value: unknown) => Obj): ClientNames {
  const operations: OperationNames[] = [];
  const found = listOperations(doc, deref);
  const ids = new Set(found.flatMap(({ op }) => str(op.operationId) ?? []));
  const methodNames = new Map<string, { explicit: Set<string>; taken: Set<string> }>();
  const namesOf = (tag: string) =>
    methodNames.get(tag) ?? methodNames.set(tag, { explicit: new Set(), taken: new Set() }).get(tag)!;
  for (const { op } of found) {
    const id = str(op.operationId);
    if (id !== undefined) namesOf(tagOf(op)).explicit.add(methodNameFor(id));
  }
  for (const { path, method, op } of found) {
    const explicitId = str(op.operationId);
    const id = explicitId ?? unique(derivedId(method, path), ids);
    const tag = tagOf(op);
    const methodName = methodNameIn(namesOf(tag), methodNameFor(id), explicitId !== undefined);
    operations.push({ path, method, id, idDerived: explicitId === undefined, methodName, tag });
  }
  return { operations, tags: tagProperties(doc, operations) };
}

function listOperations(doc: Obj, deref: (value: unknown) => Obj): { path: string; method: HttpMethod; op: Obj }[] {
  const out: { path: string; method: HttpMethod; op: Obj }[] = [];
  for (const [path, rawItem] of Object.entries(obj(doc.paths))) {
    const item = deref(rawItem);
    for (const method of HTTP_METHODS)
      if (item[method] !== undefined) out.push({ path, method, op: obj(item[method]) });
  }
  return out;
}

function tagOf(op: Obj): string {
  return (Array.isArray(op.tags) && str(op.tags[0])) || DEFAULT_TAG;
}

/** An explicit id's method name is its own unless an earlier explicit one has it; a derived name avoids every explicit one. */
function methodNameIn(names: { explicit: Set<string>; taken: Set<string> }, wanted: string, explicit: boolean): string {
  if (explicit && !names.taken.has(wanted)) {
    names.taken.add(wanted);
    return wanted;
  }
  let candidate = wanted;
  for (let n = 2; names.taken.has(candidate) || names.explicit.has(candidate); n++) candidate = `${wanted}${n}`;
  names.taken.add(candidate);
  return candidate;
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
  return names
    .filter((name) => used.has(name))
    .map((name) => ({ name, propertyName: unique(camelCase(name), properties) }));
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
