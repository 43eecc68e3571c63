import {
  LITERAL_REF_KEY,
  protectLiteralRefs,
  restoreLiteralRefsInText,
  unusedMarker,
} from "../../shared/literal-refs.ts";
import { nameMarksFor, protectNamesForTypes, restoreNamesInText } from "./names.ts";
import { breakSelfArrayUnions, dropDuplicateDiscriminatorProperties, dropScalarEnumsOnObjects } from "./repairs.ts";

type Obj = Record<string, unknown>;

/** What {@link LITERAL_REF_KEY} and the name markers of ./names.ts begin with. */
const MARKER_PREFIX = "x-apigen-";

/** The document as openapi-typescript is given it, and how to turn its output back into the spec's own names. */
export interface TypesDocument {
  document: Obj;
  restore(text: string): string;
  /** The markers `restore` replaces (they shape the text before it: part of what a memo of it is keyed by). */
  markers: unknown;
  /** The canonical document as JSON (compact or indented: what is read of it are its strings). */
  json: string;
}

/**
 * The openapi-typescript adapter's input side, the one place its needs are
 * met: from the canonical document (validate's output, never changed here),
 * a private copy with literal `$ref` keys protected (see shared/literal-refs.ts),
 * the repairs of ./repairs.ts applied, and `%` and `#` in names marked
 * (./names.ts). Every marker is one the document does not contain.
 *
 * `text`: the canonical document as JSON when the caller has it already (openapi.json's text, indented:
 * markers hold no whitespace or punctuation, so they occur in it exactly where they occur in the compact form).
 */
export function typesDocument(canonical: Obj, text: string = JSON.stringify(canonical)): TypesDocument {
  // Every marker begins with `x-apigen-`: a document without that holds none of them (one search, not one per marker).
  const searched = text.includes(MARKER_PREFIX) ? text : "";
  const literalRef = unusedMarker(LITERAL_REF_KEY, searched);
  const marks = nameMarksFor(searched);
  // A deep copy: the repairs below change it, and nothing else sees it.
  const copy = protectLiteralRefs(canonical, literalRef).document;
  dropScalarEnumsOnObjects(copy);
  dropDuplicateDiscriminatorProperties(copy);
  breakSelfArrayUnions(copy);
  return {
    document: protectNamesForTypes(copy, marks),
    restore: (output) => restoreNamesInText(restoreLiteralRefsInText(output, literalRef), marks),
    markers: [literalRef, [...marks]],
    json: text,
  };
}
