import { createHash } from "node:crypto";

/** Hex SHA-256: the one hash behind manifests, the generator fingerprint and output comparisons. */
export function sha256(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}
