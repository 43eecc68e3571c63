/**
 * A deep copy with every object's keys in code-point order. Arrays keep their
 * order (it means something: enum, required, parameters, tags). Applied to the
 * bundled spec so that reordering keys in a spec never changes generated output.
 */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value === null || typeof value !== "object") return value;
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort(compareKeys)) {
    // A key named "__proto__" must stay data: assignment would set the prototype.
    if (key === "__proto__")
      Object.defineProperty(result, key, {
        value: canonicalize(source[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else result[key] = canonicalize(source[key]);
  }
  return result;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
