import { describe, expect, it } from "vitest";
import { componentOf, lookup } from "../../generator/changes/json.ts";
import {
  PointerError,
  componentRef,
  decodePlainPointer,
  decodeRefPointer,
  encodePointer,
  getAtPointer,
  percentDecode,
  requireAtPointer,
} from "../../generator/shared/json-pointer.ts";

/** The one JSON pointer module: the cases its three former copies disagreed on. */
describe("json pointers", () => {
  it("encode and decode round-trip any key, `~` and `/` included", () => {
    const segments = ["paths", "/things/{id}", "a~b", "", "100%", "#frag", "名前"];
    expect(decodePlainPointer(encodePointer(segments))).toEqual(segments);
    expect(encodePointer(["a/b", "c~d"])).toBe("#/a~1b/c~0d");
  });

  it("decodes percent-encoding in $ref fragments, and keeps a stray % instead of throwing", () => {
    expect(decodeRefPointer("#/components/schemas/My%20Thing")).toEqual(["components", "schemas", "My Thing"]);
    expect(decodeRefPointer("#/components/schemas/100%")).toEqual(["components", "schemas", "100%"]);
    expect(percentDecode("100%%20off%zz")).toBe("100% off%zz");
  });

  it("does not percent-decode pointers as documents spell them", () => {
    expect(decodePlainPointer("#/paths/~1a%20b")).toEqual(["paths", "/a%20b"]);
  });

  it("gets values, misses own-less keys, and says which segment is missing", () => {
    const doc = { components: { schemas: { "a/b": { type: "string" } } }, list: [1, 2] };
    expect(getAtPointer(doc, "#/components/schemas/a~1b")).toEqual({ type: "string" });
    expect(getAtPointer(doc, "#/list/1")).toBe(2);
    expect(getAtPointer(doc, "#/components/constructor")).toBeUndefined();
    expect(getAtPointer(doc, "#")).toBe(doc);
    expect(() => requireAtPointer(doc, "#/components/schemas/Missing")).toThrow(PointerError);
    expect(() => requireAtPointer(doc, "#/components/schemas/Missing")).toThrow(
      '#/components/schemas has no "Missing"',
    );
  });

  it("names a component whatever its name holds, and every reader finds it again", () => {
    const doc = { components: { schemas: { "a/b~c": { type: "string" }, "100%": { type: "number" } } } };
    expect(componentRef("schemas", "a/b~c")).toBe("#/components/schemas/a~1b~0c");
    for (const name of ["a/b~c", "100%"]) {
      const ref = componentRef("schemas", name);
      expect(getAtPointer(doc, ref)).toBe(doc.components.schemas[name as keyof typeof doc.components.schemas]);
      // The change classifier once decoded with a bare decodeURIComponent: "100%" threw "URI malformed".
      expect(lookup(doc, ref)).toBe(getAtPointer(doc, ref));
      expect(componentOf(ref)).toEqual({ section: "schemas", name });
    }
  });
});
