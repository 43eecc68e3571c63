/**
 * Turning arbitrary spec strings (operationIds, tags, schema names, provider
 * slugs) into TypeScript identifiers, file names and anchors. Every function
 * here is total: any input string gives a valid, non-empty result.
 */

import { createRequire } from "node:module";
import { sha256 } from "./hash.ts";

/** Words of a name: split on anything that is not a letter or digit, and on lower->Upper humps. */
export function words(text: string): string[] {
  return text
    .normalize("NFC")
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .map(identifierChars)
    .filter(Boolean);
}

const require = createRequire(import.meta.url);
let typescript: typeof import("typescript") | undefined;
/** Loaded on first use, and only for names with non-ASCII characters. */
const ts = () => (typescript ??= require("typescript") as typeof import("typescript"));

/**
 * True when TypeScript accepts `name` as an identifier. For non-ASCII names
 * TypeScript itself decides: its Unicode tables lag the runtime's, so a letter
 * Node's `\p{ID_Start}` knows (Egyptian hieroglyphs from Unicode 16, say) is
 * an "Invalid character" to tsc.
 */
export function isIdentifier(name: string): boolean {
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) return true;
  if (/^\p{ASCII}*$/u.test(name)) return false;
  const { isIdentifierStart, isIdentifierPart, ScriptTarget } = ts();
  return [...name].every((c, i) =>
    (i === 0 ? isIdentifierStart : isIdentifierPart)(c.codePointAt(0)!, ScriptTarget.ES2022),
  );
}

/** The characters of `text` TypeScript accepts inside an identifier. */
function identifierChars(text: string): string {
  if (/^[A-Za-z0-9_$]*$/.test(text)) return text;
  const { isIdentifierPart, ScriptTarget } = ts();
  return [...text].filter((c) => isIdentifierPart(c.codePointAt(0)!, ScriptTarget.ES2022)).join("");
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `get-vpn-sessions` -> `getVpnSessions`; `listAPISessions` -> `listApiSessions`. */
export function camelCase(text: string): string {
  const parts = words(text).map((w) => w.toLowerCase());
  const joined = parts.map((w, i) => (i === 0 ? w : capitalize(w))).join("");
  return asIdentifier(joined, "operation");
}

/** `VPN Sessions` -> `VpnSessions`; `openziti-edge-client` -> `OpenzitiEdgeClient`. */
export function pascalCase(text: string): string {
  const joined = words(text)
    .map((w) => capitalize(w.toLowerCase()))
    .join("");
  return asIdentifier(joined, "Api");
}

/** `VPN Sessions` -> `vpn-sessions`; safe as a file name and a markdown anchor. */
export function slugify(text: string): string {
  const slug = words(text)
    .map((w) => w.toLowerCase())
    .join("-");
  return slug === "" ? "unnamed" : slug;
}

/**
 * Longest slug used as a file name, in UTF-8 bytes: file systems allow 255
 * per name, and the slug gets `.md` and may get a `2` to stay unique.
 */
export const MAX_FILE_SLUG_BYTES = 120;

/**
 * A slug for a file name: {@link slugify}, and if that is too long for a file
 * system, its first bytes plus a hash of the whole slug, so two long names
 * that share a beginning still get different files, the same on every run.
 */
export function fileSlug(text: string): string {
  const slug = slugify(text);
  if (Buffer.byteLength(slug, "utf8") <= MAX_FILE_SLUG_BYTES) return slug;
  const hash = sha256(slug).slice(0, 10);
  let head = "";
  for (const char of slug) {
    if (Buffer.byteLength(head + char, "utf8") > MAX_FILE_SLUG_BYTES - hash.length - 1) break;
    head += char;
  }
  return `${head.replace(/-+$/, "")}-${hash}`;
}

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with yield let static " +
    "implements interface package private protected public await arguments eval undefined NaN Infinity " +
    // Not a keyword, but as a key in an object literal it sets the prototype instead of a property.
    "__proto__"
  ).split(" "),
);

/** A valid identifier for a binding: prefixes a digit start, suffixes reserved words. */
export function asIdentifier(text: string, fallback: string): string {
  let name = text === "" ? fallback : text;
  if (/^\p{N}/u.test(name) || !isIdentifier(name)) name = "_" + name;
  if (!isIdentifier(name)) name = fallback;
  if (RESERVED.has(name)) name = name + "_";
  return name;
}

/** Returns `name`, or `name2`, `name3`... whichever is not yet in `taken`, and records it. */
export function unique(name: string, taken: Set<string>, normalize: (s: string) => string = (s) => s): string {
  let candidate = name;
  for (let n = 2; taken.has(normalize(candidate)); n++) candidate = `${name}${n}`;
  taken.add(normalize(candidate));
  return candidate;
}

export interface PackageNaming {
  packageName: string;
  factoryName: string;
  /** The "./raw" entry's factory, e.g. `createLatitudeshRawClient`. */
  rawFactoryName: string;
  clientTypeName: string;
}

export const PACKAGE_SCOPE = "@apigen";

/** A scoped npm package name as npm accepts it for a new package: lower case, URL-safe, at most 214 characters. */
export function isScopedPackageName(name: string): boolean {
  return name.length <= 214 && /^@[a-z0-9][a-z0-9._~-]*\/[a-z0-9][a-z0-9._~-]*$/.test(name);
}

/**
 * Names of a provider's package and its exports, from its slug (e.g. `openziti-edge-client`);
 * `packageName`: the npm name when the user chose one with a scope of their own (`--name @acme/pets`).
 */
export function packageNaming(provider: string, packageName?: string): PackageNaming {
  const base = pascalCase(provider);
  const clientTypeName = base.endsWith("Client") ? base : `${base}Client`;
  return {
    packageName: packageName ?? `${PACKAGE_SCOPE}/${slugify(provider)}`,
    factoryName: `create${clientTypeName}`,
    rawFactoryName: `create${clientTypeName.replace(/Client$/, "RawClient")}`,
    clientTypeName,
  };
}
