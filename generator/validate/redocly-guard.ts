import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const GUARDED = Symbol.for("apigen.redocly-prototype-guard");

/**
 * redocly looks map keys up in plain objects (`type.properties[key]`), so a
 * schema property, component or response named `constructor`, `toString` or
 * `__proto__` finds Object.prototype's member instead of nothing: `struct`
 * then reports nonsense ("Expected type `string,null` but got `object`") and
 * the walker skips the node (its `$ref`s go unresolved). Giving every
 * normalized type's `properties` a null prototype makes those lookups miss,
 * as they should. A no-op if redocly's internals ever move.
 */
export function guardRedoclyPrototypeKeys(): void {
  const require = createRequire(import.meta.url);
  let types: {
    normalizeTypes?: ((...args: unknown[]) => Record<string, { properties?: object } | undefined>) & {
      [GUARDED]?: true;
    };
  };
  try {
    types = require(join(dirname(require.resolve("@redocly/openapi-core")), "types", "index.js"));
  } catch {
    return;
  }
  const original = types.normalizeTypes;
  if (typeof original !== "function" || original[GUARDED]) return;
  const guarded = Object.assign(
    (...args: unknown[]) => {
      const normalized = original(...args);
      for (const type of Object.values(normalized)) {
        if (type?.properties && typeof type.properties === "object") Object.setPrototypeOf(type.properties, null);
      }
      return normalized;
    },
    { [GUARDED]: true as const },
  );
  types.normalizeTypes = guarded;
}
