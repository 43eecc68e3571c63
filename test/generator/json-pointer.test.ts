import { describe, expect, it } from "vitest";
import {
  PointerError,
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
});
