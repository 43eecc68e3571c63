/**
 * JSON pointers (RFC 6901), the one implementation in the generator's
 * load/validate/emit stages. Two spellings meet here:
 *
 * - a pointer as a JSON document holds it (`/paths/~1things`): only `~` and
 *   `/` are escaped, so a key holding `%20` stays `%20`;
 * - a pointer in a `$ref`'s URI fragment (`#/paths/~1things`), which may also
 *   be percent-encoded (`#/components/schemas/My%20Thing`). A `%` that does
 *   not begin a valid percent-encoding is taken literally, never a crash.
 */

/** One segment, escaped (`a/b~c` -> `a~1b~0c`). */
export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** One escaped segment back to its key (`a~1b~0c` -> `a/b~c`). */
export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** `#/a/b~1c` from path segments (the `#` form every `$ref` and error uses). */
export function encodePointer(segments: readonly (string | number)[]): string {
  return "#" + segments.map((s) => "/" + escapeSegment(s)).join("");
}

/** `#/components/schemas/a~1b` for the component `a/b`: the `$ref` naming a component. */
export function componentRef(section: string, name: string): string {
  return encodePointer(["components", section, name]);
}

/**
 * Path segments of a `$ref` fragment (with or without the leading `#`).
 * Percent-encoding is decoded segment by segment; a stray `%` is kept as is.
 */
export function decodeRefPointer(pointer: string): string[] {
  return split(pointer).map((s) => unescapeSegment(percentDecode(s)));
}

/** Path segments of a pointer as a JSON document spells it (not percent-decoded). */
export function decodePlainPointer(pointer: string): string[] {
  return split(pointer).map(unescapeSegment);
}

function split(pointer: string): string[] {
  const body = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (body === "") return [];
  return body.slice(1).split("/");
}

/** `decodeURIComponent`, but `100%` or `%zz` stay literal instead of throwing "URI malformed". */
export function percentDecode(text: string): string {
  if (!text.includes("%")) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    // Decode the valid escapes only, run by run, so `100%%20` keeps its first `%`.
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** Where a pointer stopped resolving: the segments that were found and the one that was not. */
export class PointerError extends Error {
  constructor(
    readonly pointer: string,
    readonly found: readonly string[],
    readonly missing: string,
  ) {
    super(`nothing at ${pointer}: ${found.length === 0 ? "the document" : encodePointer(found)} has no "${missing}"`);
    this.name = "PointerError";
  }
}

/** The value a `$ref` fragment names in `document`, or undefined. */
export function getAtPointer(document: unknown, pointer: string): unknown {
  let node = document;
  for (const segment of decodeRefPointer(pointer)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** Like {@link getAtPointer}, but throws a {@link PointerError} saying which segment is missing. */
export function requireAtPointer(document: unknown, pointer: string): unknown {
  let node = document;
  const segments = decodeRefPointer(pointer);
  for (const [i, segment] of segments.entries()) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment))
      throw new PointerError(pointer, segments.slice(0, i), segment);
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
