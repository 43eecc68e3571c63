/**
 * watch.ts, savedFor: what the saves that came during a watcher's pass mean for one provider's
 * regeneration in it. "spec" (its own spec) is checked against what was read before the package is
 * written; "shared" (a template, a folder, a file its spec refers to) makes it write nothing; saves
 * that touch neither leave it alone, so an unrelated file rewritten over and over (a coverage
 * report beside `watch --spec`) never stops it.
 */
import { describe, expect, it } from "vitest";
import { nothingPending, savedFor, type Pending } from "../../generator/watch.ts";

const DEPENDENCIES = ["specs/pets.yaml", "/project/specs/schemas/pet.yaml"];

const cases: { given: string; pending: Partial<Pending>; statting?: number; want: "spec" | "shared" | undefined }[] = [
  { given: "nothing saved", pending: {}, want: undefined },
  { given: "its own spec saved", pending: { providers: new Set(["pets"]) }, want: "spec" },
  { given: "another provider's spec saved", pending: { providers: new Set(["shop"]) }, want: undefined },
  {
    given: "a file its spec refers to saved",
    pending: { all: true, shared: new Set(["/project/specs/schemas/pet.yaml"]) },
    want: "shared",
  },
  {
    given: "a YAML file its spec does not refer to saved",
    pending: { all: true, shared: new Set(["/project/coverage/coverage-final.json"]) },
    want: undefined,
  },
  { given: "a folder saved (its files unknown)", pending: { all: true, unnamed: true }, want: "shared" },
  { given: "a template saved", pending: { templates: true }, want: "shared" },
  { given: "an event whose path is still being stat-ed", pending: {}, statting: 1, want: "shared" },
  {
    given: "its own spec and a template saved",
    pending: { providers: new Set(["pets"]), templates: true },
    want: "shared",
  },
];

describe("savedFor", () => {
  it.each(cases)("$given: $want", ({ pending, statting, want }) => {
    expect(savedFor({ ...nothingPending(), ...pending }, statting ?? 0, "pets", DEPENDENCIES)).toBe(want);
  });
});
