import { createHash } from "node:crypto";

/**
 * Hex SHA-256: the one hash behind manifests, the generator fingerprint and output comparisons.
 * `remember`: a big input file's bytes, whose hash is kept for the next time they are hashed (below).
 */
export function sha256(content: string | Buffer, remember = false): string {
  if (content.length < REMEMBERED_FROM) return hashOf(content);
  const known = recent.find((e) =>
    typeof content === "string" ? e.text === content : e.bytes !== undefined && e.bytes.equals(content),
  );
  if (known) return known.hash;
  const hash = hashOf(content);
  // Input files only (not the package's own files, nor the texts a run makes: they would push the inputs out).
  if (remember && typeof content !== "string") keep({ bytes: Buffer.from(content), hash });
  return hash;
}

function hashOf(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

/**
 * A big input file's hash is remembered with its bytes (and their text, {@link sameContent}), for the next time
 * the same content is hashed: a watcher's pass over GitHub's 13 MB spec hashes it when it checks whether
 * the package is up to date, when it writes the manifest (from the text loaded) and when it stamps the
 * package written. A hit costs one comparison of the contents, a tenth of hashing them.
 */
const REMEMBERED_FROM = 1 << 20;
const REMEMBERED = 4;

interface Remembered {
  /** A copy (a caller's buffer may be written into after it is hashed). */
  bytes?: Buffer;
  text?: string;
  hash: string;
}

let recent: Remembered[] = [];

function keep(entry: Remembered): void {
  recent = [entry, ...recent.slice(0, REMEMBERED - 1)];
}

/**
 * `text` is `bytes` decoded as UTF-8 (by a decoder that refused anything else, nothing stripped): they
 * hash the same, so a hash of the bytes already made serves for the text.
 */
export function sameContent(bytes: Buffer, text: string): void {
  if (bytes.length < REMEMBERED_FROM) return;
  const known = recent.find((e) => e.bytes !== undefined && e.bytes.equals(bytes));
  if (known) known.text = text;
}
