type Obj = Record<string, unknown>;
type OpenapiTs = typeof import("openapi-typescript");
export type Discriminators = ReturnType<OpenapiTs["scanDiscriminators"]>;

/**
 * openapi-typescript's `scanDiscriminators`, step for step, without its cost: it walks the whole
 * document twice and copies the path array at every node it meets (`path.concat(key)`), most of a
 * watcher's types preparation on GitHub's spec (13 MB; about a third of a second at load 2). Here one
 * path stack is pushed and popped, and turned into a pointer (by openapi-typescript's own `createRef`)
 * only at a node the scan records. Everything else is as openapi-typescript does it, in the same order
 * (the same visits, the same `in` checks, the same writes into the document, made while walking): the
 * result and the document after it are the same, which a test holds on real specs.
 *
 * Only the silent scan is made here (the generator's); with warnings on, openapi-typescript's own runs.
 */
export function scanDiscriminators(ot: OpenapiTs, schema: Obj, options: { silent?: boolean }): Discriminators {
  if (options.silent !== true || typeof ot.createRef !== "function")
    return ot.scanDiscriminators(schema as never, options);
  const objects: Record<string, unknown> = {};
  const refsHandled: string[] = [];
  const createRef = (path: readonly (string | number)[]) => ot.createRef(path as (string | number)[]);
  const patch = (ref: string, values: string[], discriminator: Obj) =>
    patchDiscriminatorEnum(ot, schema, ref, values, discriminator);
  walk(schema, (obj, path) => {
    const discriminator = obj?.discriminator as Obj | undefined;
    if (!discriminator?.propertyName) return;
    const ref = createRef(path);
    objects[ref] = discriminator;
    if (!obj?.oneOf || !Array.isArray(obj.oneOf)) return;
    const mapping: Record<string, { inferred?: string; defined?: string[] }> = {};
    for (const item of obj.oneOf as Obj[]) {
      if ("$ref" in item) {
        const value = (item.$ref as string).split("/").pop();
        if (value) {
          if (!mapping[item.$ref as string]) mapping[item.$ref as string] = { inferred: value };
          else mapping[item.$ref as string]!.inferred = value;
        }
      }
    }
    if (discriminator.mapping) {
      const mapped = discriminator.mapping as Record<string, string>;
      for (const mappedValue in mapped) {
        const mappedRef = mapped[mappedValue];
        if (!mappedRef) continue;
        if (!mapping[mappedRef]?.defined) mapping[mappedRef] = { defined: [] };
        mapping[mappedRef]!.defined?.push(mappedValue);
      }
    }
    for (const [mappedRef, { inferred, defined }] of Object.entries(mapping)) {
      if (refsHandled.includes(mappedRef)) continue;
      if (!inferred && !defined) continue;
      const mappedValues = defined ?? [inferred!];
      if (patch(mappedRef, mappedValues, discriminator)) refsHandled.push(mappedRef);
    }
  });
  walk(schema, (obj, path) => {
    if (!obj || !Array.isArray(obj.allOf)) return;
    for (const item of obj.allOf as Obj[]) {
      if ("$ref" in item) {
        if (!objects[item.$ref as string]) return;
        const ref = createRef(path);
        const discriminator = objects[item.$ref as string] as Obj;
        const mappedValues: string[] = [];
        if (discriminator.mapping) {
          const mapped = discriminator.mapping as Record<string, string>;
          for (const mappedValue in mapped) if (mapped[mappedValue] === ref) mappedValues.push(mappedValue);
          if (mappedValues.length > 0) {
            if (patch(ref, mappedValues, discriminator)) refsHandled.push(ref);
          }
        }
        objects[ref] = { ...(objects[item.$ref as string] as Obj) };
      } else if ((item.discriminator as Obj | undefined)?.propertyName) {
        objects[createRef(path)] = { ...(item.discriminator as Obj) };
      }
    }
  });
  return { objects, refsHandled } as unknown as Discriminators;
}

/** openapi-typescript's walk: every object (not array) before its members, in key order; `path` is shared, read it at once. */
function walk(root: unknown, visit: (obj: Obj, path: readonly (string | number)[]) => void): void {
  const path: (string | number)[] = [];
  const go = (obj: unknown): void => {
    if (!obj || typeof obj !== "object") return;
    if (Array.isArray(obj)) {
      for (let i = 0; i < obj.length; i++) {
        path.push(i);
        go(obj[i]);
        path.pop();
      }
      return;
    }
    visit(obj as Obj, path);
    for (const k of Object.keys(obj)) {
      path.push(k);
      go((obj as Obj)[k]);
      path.pop();
    }
  };
  go(root);
}

/** openapi-typescript's (silent) patch of a mapped schema: its discriminator property becomes the enum of its values. */
function patchDiscriminatorEnum(
  ot: OpenapiTs,
  schema: Obj,
  ref: string,
  values: string[],
  discriminator: Obj,
): boolean {
  const resolved = ot.resolveRef(schema as never, ref, { silent: true }) as Obj | undefined;
  const propertyName = discriminator.propertyName as string;
  if (resolved?.allOf) {
    (resolved.allOf as unknown[]).push({
      type: "object",
      required: [propertyName],
      properties: { [propertyName]: discriminatorEnum(values) },
    });
    return true;
  } else if (typeof resolved === "object" && "type" in resolved && resolved.type === "object") {
    if (!resolved.properties) resolved.properties = {};
    if (!resolved.required) resolved.required = [propertyName];
    else if (!(resolved.required as unknown[]).includes(propertyName))
      (resolved.required as unknown[]).push(propertyName);
    const properties = resolved.properties as Obj;
    properties[propertyName] = discriminatorEnum(values, properties[propertyName] as Obj | undefined);
    return true;
  }
  return false;
}

function discriminatorEnum(values: string[], previous?: Obj): Obj {
  return {
    type: "string",
    enum: values,
    description: previous?.description
      ? `${previous.description as string} (enum property replaced by openapi-typescript)`
      : "discriminator enum property added by openapi-typescript",
  };
}
