import { SpecError } from "../errors.ts";
import { encodePointer } from "../shared/json-pointer.ts";
import { NAME_MAPS } from "../shared/literal-refs.ts";

/** Keywords whose value is data the spec promises exactly: an enum member, a const, a default, an example. */
const DATA_KEYWORDS = new Set(["enum", "const", "default", "example", "examples"]);

type Locate = (path: readonly string[]) => { line: number; column: number } | undefined;

/**
 * YAML and JSON readers give numbers as doubles: an integer beyond 2^53
 * (`enum: [9007199254740993]`) silently becomes another integer, and `1e400`
 * becomes Infinity, which openapi.json writes as `null` and the types as a
 * type named `Infinity`. In data that must stay exact (enum, const, default,
 * examples) that is refused with the fix (write it as a string); constraints
 * such as `maximum: 9223372036854775807`, which real specs use for int64,
 * are left alone.
 */
export function checkExactNumbers(file: string, document: unknown, locate: Locate): void {
  const path: string[] = [];
  const walk = (node: unknown, inData: boolean, names: boolean): void => {
    if (typeof node === "number") {
      if (inData && !isExact(node)) throw inexact(file, node, path, locate);
      return;
    }
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      path.push(key);
      const keyword = !names && !Array.isArray(node);
      walk(value, inData || (keyword && DATA_KEYWORDS.has(key)), !inData && keyword && NAME_MAPS.has(key));
      path.pop();
    }
  };
  walk(document, false, false);
}

function isExact(value: number): boolean {
  return Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value));
}

function inexact(file: string, value: number, path: readonly string[], locate: Locate): SpecError {
  const position = locate(path);
  const why = Number.isFinite(value)
    ? `the integer here is beyond 2^53 and no JSON or JavaScript reader keeps it exactly (it reads as ${BigInt(value)})`
    : "the number here is too large for any JSON or JavaScript reader (it reads as Infinity)";
  return new SpecError(
    { file, line: position?.line, column: position?.column, pointer: encodePointer(path) },
    `${why}; write it as a string (with format: int64 or a pattern) so the value stays exact`,
  );
}
