/**
 * The types' discriminator scan (emit/openapi-typescript/discriminators.ts) is openapi-typescript's
 * `scanDiscriminators` without its path copies: the result and the document it writes into must be
 * what openapi-typescript's own scan makes, on every real spec at hand and on the cases its code tells apart.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scanDiscriminators } from "../../generator/emit/openapi-typescript/discriminators.ts";
import { typesDocument } from "../../generator/emit/openapi-typescript/document.ts";
import { loadSpec } from "../../generator/load/load.ts";
import { loadOpenapiTypescript } from "../../generator/shared/libraries.ts";
import { validateAndBundle } from "../../generator/validate/validate.ts";
import { ROOT } from "../support/run.ts";

const ot = loadOpenapiTypescript();
type Obj = Record<string, unknown>;

const REAL_WORLD = join(ROOT, "test", "fixtures", "real-world");
const SPECS = [
  ...(await readdir(join(ROOT, "specs"))).filter((f) => f.endsWith(".yaml")).map((f) => join(ROOT, "specs", f)),
  ...(await readdir(REAL_WORLD)).filter((f) => /\.(json|ya?ml)$/.test(f)).map((f) => join(REAL_WORLD, f)),
];

/** Both scans, each on a copy of its own: what they return and the document after. */
function both(make: () => Obj) {
  const theirs = make();
  const ours = make();
  const a = ot.scanDiscriminators(theirs as never, { silent: true });
  const b = scanDiscriminators(ot, ours, { silent: true });
  return { theirs: JSON.stringify([a, theirs]), ours: JSON.stringify([b, ours]), found: Object.keys(a.objects).length };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe("the discriminator scan", () => {
  it("matches openapi-typescript's on the seed and real-world specs", async () => {
    let found = 0;
    for (const file of SPECS) {
      let document: Obj;
      try {
        document = (await validateAndBundle(await loadSpec(file))).document;
      } catch {
        continue; // a fixture the generator refuses
      }
      const result = both(() => typesDocument(document).document);
      expect(result.ours, file).toBe(result.theirs);
      found += result.found;
    }
    // The fixtures hold discriminators: the comparison is not of empty results only.
    expect(found).toBeGreaterThan(0);
  });

  it("matches it on oneOf, allOf, inferred and mapped values, in paths and components", () => {
    const document = (): Obj => ({
      openapi: "3.0.3",
      paths: {
        "/pets/{id}": {
          get: {
            responses: {
              "200": {
                content: {
                  "application/json": {
                    schema: {
                      oneOf: [ref("Cat"), ref("Dog"), ref("Bird")],
                      discriminator: { propertyName: "kind", mapping: { dog: "#/components/schemas/Dog" } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Pet: {
            type: "object",
            properties: { petType: { type: "string", description: "Which pet" } },
            discriminator: {
              propertyName: "petType",
              mapping: { lizard: "#/components/schemas/Lizard", snake: "#/components/schemas/Snake" },
            },
          },
          Lizard: { allOf: [ref("Pet"), { type: "object", properties: { legs: { type: "integer" } } }] },
          Snake: { type: "object", allOf: [ref("Pet")], required: ["length"] },
          Cat: { type: "object", properties: { kind: { type: "string", description: "Cat" } }, required: ["x"] },
          Dog: { allOf: [{ type: "object" }] },
          Bird: { type: "string" },
          Tagged: { allOf: [{ discriminator: { propertyName: "tag" } }, ref("Missing")] },
          Nested: { type: "object", properties: { inner: { allOf: [ref("Lizard")] } } },
          List: { type: "array", items: [{ oneOf: [ref("Cat")], discriminator: { propertyName: "kind" } }] },
        },
      },
    });
    const result = both(document);
    expect(result.found).toBeGreaterThan(3);
    expect(result.ours).toBe(result.theirs);
  });

  it("fails where openapi-typescript's does (a oneOf member that is not an object)", () => {
    const document = (): Obj => ({
      components: { schemas: { A: { oneOf: [null], discriminator: { propertyName: "k" } } } },
    });
    expect(() => ot.scanDiscriminators(document() as never, { silent: true })).toThrow(TypeError);
    expect(() => scanDiscriminators(ot, document(), { silent: true })).toThrow(TypeError);
  });
});
