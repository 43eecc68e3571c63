/**
 * ajv's standalone module code (`ajv/dist/standalone`'s multi-export form),
 * the same text, built in linear time.
 *
 * ajv's own version appends each export and each scope value to one growing
 * code object, copying all of it every time: quadratic in the number of
 * exports. On GitHub's spec (2,500 validators, 34 MB of code) that copying was
 * a fifth of the validators' cost. Here every piece is turned into a string
 * once and the pieces are joined; the order, and so every byte, is ajv's
 * (test/testing/standalone.test.ts compares the two).
 */
/** The parts of an ajv instance used here. */
interface Ajv {
  opts: { code: { esm?: boolean } };
  getSchema(key: string): unknown;
}
type Codegen = typeof import("ajv/dist/compile/codegen/code.js");
type ScopeModule = typeof import("ajv/dist/compile/codegen/scope.js");

/** What a compiled validator's `source` holds (ajv's SourceCode, not exported by its index). */
interface Source {
  validateName: { prefix: string; str: string };
  validateCode: string;
  scopeValues: Record<string, Set<ScopeName> | undefined>;
  evaluated?: unknown;
}
interface ScopeName {
  prefix: string;
  str: string;
  value?: { ref?: unknown; code?: unknown };
}

/** The module text `standaloneCode(ajv, exportNames)` returns, for ESM output with `code.lines` off or on. */
export async function standaloneModule(ajv: Ajv, exportNames: Record<string, string>): Promise<string> {
  const [codeModule, scopeModule] = await Promise.all([
    import("ajv/dist/compile/codegen/code.js"),
    import("ajv/dist/compile/codegen/scope.js"),
  ]);
  // CommonJS: the named exports are on `default` as well as (lexed) on the namespace.
  const code = (codeModule as unknown as { default: Codegen }).default ?? codeModule;
  const scope = (scopeModule as unknown as { default: ScopeModule }).default ?? scopeModule;
  const { Completed, Started } = scope.UsedValueState;
  const opts = (ajv as unknown as { scope: { opts: { _n: unknown; es5?: boolean } } }).scope.opts;
  const n = String(opts._n);
  const def = String(opts.es5 ? scope.varKinds.var : scope.varKinds.const);
  if (!ajv.opts.code.esm) throw new Error("generator bug: standaloneModule writes ESM only");
  const used: Record<string, Map<unknown, number>> = {};
  const state = (name: ScopeName) => used[name.prefix]?.get(name);
  const setState = (name: ScopeName, value: number) => (used[name.prefix] ??= new Map()).set(name, value);

  /** ajv's ValueScope.scopeCode with its `_reduceValues`, joining strings. */
  const scopeCode = (values: Source["scopeValues"]): string => {
    const parts: string[] = [];
    for (const prefix in values) {
      const names = values[prefix];
      if (!names) continue;
      const nameSet = (used[prefix] ??= new Map());
      names.forEach((name) => {
        if (nameSet.has(name)) return;
        nameSet.set(name, Started);
        if (name.value === undefined) throw new Error(`CodeGen: name "${name.str}" has no value`);
        const valueCode = name.value.code;
        if (valueCode) parts.push(`${def} ${name.str} = ${String(valueCode)};${n}`);
        else {
          const refCode = refValidateCode(name);
          if (!refCode) throw new Error(`CodeGen: "${name.str}" has no value`);
          parts.push(`${refCode}${n}`);
        }
        nameSet.set(name, Completed);
      });
    }
    return parts.join("");
  };

  /** ajv's validateCode: a validator's scope values, then its body, once per module. */
  const validateCode = (source: Source | undefined): string => {
    if (!source) throw new Error('moduleCode: function does not have "source" property');
    if (state(source.validateName as ScopeName) === Completed) return "";
    setState(source.validateName as ScopeName, Started);
    const body = `${scopeCode(source.scopeValues)}${n}${source.validateCode}`;
    return source.evaluated ? `${body}${source.validateName.str}.evaluated = ${String(source.evaluated)};${n}` : body;
  };

  const refValidateCode = (name: ScopeName): string | undefined => {
    const ref = name.value?.ref as
      | { source?: Source }
      | { validate?: { source?: Source }; validateName?: { str: string; prefix: string } }
      | undefined;
    if (name.prefix === "validate" && typeof ref === "function")
      return validateCode((ref as { source?: Source }).source);
    if ((name.prefix === "root" || name.prefix === "wrapper") && typeof ref === "object" && ref !== null) {
      const { validate, validateName } = ref as {
        validate?: { source?: Source };
        validateName?: { str: string; prefix: string };
      };
      if (!validateName) throw new Error("ajv internal error");
      const wrapper = `${def} ${name.str} = {validate: ${validateName.str}};`;
      if (state(validateName as ScopeName) === Started) return wrapper;
      return `${wrapper}${n}${validateCode(validate?.source)}`;
    }
    return undefined;
  };

  const parts = ['"use strict";'];
  for (const name in exportNames) {
    const validate = ajv.getSchema(exportNames[name]!);
    if (!validate) throw new Error(`moduleCode: no schema with id ${exportNames[name]}`);
    const source = (validate as unknown as { source?: Source }).source;
    const body = validateCode(source);
    parts.push(`${n}export const ${String(code.getEsmExportName(name))} = ${source!.validateName.str};${n}${body}`);
  }
  return parts.join("");
}
