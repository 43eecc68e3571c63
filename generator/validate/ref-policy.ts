import { lstat, readFile, realpath } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";

/**
 * Where external `$ref`s may lead. A spec is input, not trusted code: a `$ref`
 * that climbs out of the project (`../../.ssh/id_rsa`), names an absolute
 * path (`/etc/passwd`) or a URL would otherwise be read and its content
 * embedded in openapi.json, the types and the docs. So files are read only
 * inside `roots` (symlinks resolved), and URLs only when `allowRemote` is set,
 * then with a deadline and a size limit.
 */
export interface RefPolicy {
  /** Folders external `$ref`s may read from (absolute). */
  roots: string[];
  /** Follow `http(s)://` `$ref`s at all (`--allow-remote-refs`). */
  allowRemote: boolean;
  /** How long one remote `$ref` may take, connection to last byte. */
  remoteTimeoutMs?: number;
}

export const REMOTE_TIMEOUT_MS = 10_000;
/** Larger than any real spec file (GitHub's whole spec is 12 MB). */
export const REMOTE_MAX_BYTES = 64 * 1024 * 1024;

/** The default: only the spec's own folder. */
export function defaultRefPolicy(specFile: string): RefPolicy {
  return { roots: [dirname(resolve(specFile))], allowRemote: false };
}

type Redocly = typeof import("@redocly/openapi-core");
type Source = InstanceType<Redocly["Source"]>;

/**
 * A redocly resolver that applies `policy`. Refusals are recorded by target
 * (absolute path or URL), so the error about the `$ref` can say why.
 */
export function guardedResolver(
  redocly: Redocly,
  resolveConfig: ConstructorParameters<Redocly["BaseResolver"]>[0],
  policy: RefPolicy,
) {
  const refusals = new Map<string, string>();
  // What each file held when it was read: its hash in the manifest is of these bytes, not of a later save.
  const read = new Map<string, Buffer>();
  const refuse = (target: string, why: string): never => {
    refusals.set(target, why);
    throw new Error(why);
  };
  class GuardedResolver extends redocly.BaseResolver {
    override async loadExternalRef(absoluteRef: string): Promise<Source> {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(absoluteRef)) {
        if (!/^https?:\/\//i.test(absoluteRef))
          refuse(
            absoluteRef,
            `a $ref to ${redactUrl(absoluteRef)} is not followed: only files and (with --allow-remote-refs) http(s) URLs are`,
          );
        if (!policy.allowRemote) {
          refuse(
            absoluteRef,
            `a remote $ref (${redactUrl(absoluteRef)}) is not followed unless you pass --allow-remote-refs; or save the file inside the project and point the $ref at it`,
          );
        }
        const body = await fetchLimited(absoluteRef, policy.remoteTimeoutMs ?? REMOTE_TIMEOUT_MS).catch(
          (error: Error) => refuse(absoluteRef, error.message),
        );
        return new redocly.Source(absoluteRef, body);
      }
      const real = await realpath(absoluteRef).catch(() => undefined);
      // A missing file: the caller's "does not exist" message says where it looked, which is inside or not.
      if (real !== undefined && !(await isInsideAny(real, policy.roots))) {
        const roots = policy.roots.join(", ");
        refuse(
          absoluteRef,
          `the $ref leads outside the folder(s) specs may read (${roots}) to ${absoluteRef}; move the file inside, or widen with --allow-ref-root <dir>`,
        );
      }
      if (real !== undefined && (await lstat(real)).isDirectory())
        refuse(absoluteRef, `the $ref names a folder (${absoluteRef}), not a file`);
      if (real === undefined) return super.loadExternalRef(absoluteRef);
      const bytes = await readFile(real);
      read.set(absoluteRef, bytes);
      return new redocly.Source(absoluteRef, bytes.toString("utf8").replace(/\r\n/g, "\n"));
    }
  }
  return { resolver: new GuardedResolver(resolveConfig), refusals, read: read as ReadonlyMap<string, Buffer> };
}

async function isInsideAny(file: string, roots: readonly string[]): Promise<boolean> {
  for (const root of roots) {
    const realRoot = await realpath(root).catch(() => resolve(root));
    const rel = relative(realRoot, file);
    if (rel === "" || (!rel.startsWith(".." + sep) && rel !== ".." && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel)))
      return true;
  }
  return false;
}

/** GET with a deadline over the whole exchange and a cap on the body; the message never holds credentials from the URL. */
async function fetchLimited(url: string, timeoutMs: number): Promise<string> {
  const shown = redactUrl(url);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal });
    if (!response.ok) throw new Error(`the remote $ref ${shown} answered ${response.status}`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > REMOTE_MAX_BYTES)
        throw new Error(`the remote $ref ${shown} is larger than ${REMOTE_MAX_BYTES / 1024 / 1024} MB`);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString("utf8");
  } catch (error) {
    if (signal.aborted)
      throw new Error(`the remote $ref ${shown} did not answer within ${timeoutMs} ms`, { cause: error });
    if ((error as Error).message.startsWith("the remote $ref")) throw error;
    throw new Error(`the remote $ref ${shown} could not be fetched (${(error as Error).message})`, { cause: error });
  }
}

/** A URL fit for a message: no user, password, query or fragment. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    parsed.search = "";
    parsed.hash = "";
    return parsed.href;
  } catch {
    return "(an unparsable URL)";
  }
}
