/**
 * A deep copy with every object's keys in code-point order. Arrays keep their
 * order (it means something: enum, required, parameters, tags). Applied to the
 * bundled spec so that reordering keys in a spec never changes generated output.
 *
 * `rename`: a key renamed in the copy, at the place its old name sorts to
 * (validation's literal `$ref` marker, shared/literal-refs.ts, goes back to
 * `$ref` here: the same document as restoring it in a copy of the copy).
 */
export function canonicalize(value: unknown, rename?: readonly [from: string, to: string]): unknown {
  if (Array.isArray(value)) return value.map((item) => canonicalize(item, rename));
  if (value === null || typeof value !== "object") return value;
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort(compareKeys)) {
    const name = rename !== undefined && key === rename[0] ? rename[1] : key;
    // A key named "__proto__" must stay data: assignment would set the prototype.
    if (name === "__proto__")
      Object.defineProperty(result, name, {
        value: canonicalize(source[key], rename),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else result[name] = canonicalize(source[key], rename);
  }
  return result;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
