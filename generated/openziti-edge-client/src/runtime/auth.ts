// Copied by apigen from its client runtime (generator/runtime/auth.ts). Do not edit.
/**
 * Credentials: bound once per operation from the spec's security requirements and the client's
 * `auth` option, resolved per call (providers may refresh), applied to headers, query and cookie.
 */
import type { ApiDefinition, OperationMeta, SecuritySchemeDef } from "./definition.js";
import type { ClientOptions, Credential } from "./options.js";

/** basic-auth.ts's `basicAuth`, as createRuntime is given it. */
export type BasicEncoder = (credential: { username: string; password: string }) => string;

type Provider = () => string | null | undefined | Promise<string | null | undefined>;
export type Place = "header" | "query" | "cookie";
/** A credential ready to apply; `value` already carries any "Bearer "/"Basic " prefix. */
export interface AppliedCredential {
  readonly place: Place;
  readonly name: string;
  readonly value: string;
}
export interface CredentialPart {
  readonly place: Place;
  readonly name: string;
  readonly prefix: string;
  readonly value: string | undefined;
  readonly provider: Provider | undefined;
}

export interface BoundAuth {
  /** Set when the first usable alternative is all static: applied without awaiting anything. */
  readonly staticAuth: readonly AppliedCredential[] | undefined;
  /** Usable alternatives, in spec order. */
  readonly auth: readonly (readonly CredentialPart[])[];
}

/** The security alternatives the client holds every credential for, in spec order. */
export function bindAuth(
  definition: ApiDefinition,
  auth: ClientOptions["auth"],
  meta: OperationMeta,
  basic: BasicEncoder | undefined,
): BoundAuth {
  const alternatives: CredentialPart[][] = [];
  for (const set of meta.security) {
    if (set.length === 0) continue; // anonymous alternative: used anyway when nothing else applies
    const parts: CredentialPart[] = [];
    for (const key of set) {
      const scheme = definition.securitySchemes[key];
      if (scheme === undefined) throw new Error(`${meta.id}: unknown security scheme "${key}"`);
      const credential = auth?.[key];
      if (credential === undefined) break;
      parts.push(credentialPart(meta.id, key, scheme, credential, basic));
    }
    if (parts.length === set.length) alternatives.push(parts);
  }
  const first = alternatives[0];
  return {
    staticAuth: first?.every((p) => p.value !== undefined)
      ? first.map((p) => ({ place: p.place, name: p.name, value: p.value as string }))
      : undefined,
    auth: alternatives,
  };
}

function credentialPart(
  opId: string,
  key: string,
  scheme: SecuritySchemeDef,
  credential: Credential,
  basic: BasicEncoder | undefined,
): CredentialPart {
  let place: Place = "header",
    name = "authorization",
    prefix = "Bearer ";
  if (scheme.type === "apiKey") {
    place = scheme.in;
    name = place === "header" ? scheme.name.toLowerCase() : scheme.name;
    prefix = "";
  } else if (scheme.type === "http") {
    const s = scheme.scheme.toLowerCase();
    prefix = s === "bearer" ? "Bearer " : s === "basic" ? "Basic " : `${scheme.scheme} `;
  }
  if (typeof credential === "function") return { place, name, prefix, value: undefined, provider: credential };
  if (typeof credential === "string") return { place, name, prefix, value: prefix + credential, provider: undefined };
  if (prefix !== "Basic " || basic === undefined)
    throw new TypeError(`${opId}: credential for "${key}" must be a string or a provider`);
  return { place, name, prefix, value: prefix + basic(credential), provider: undefined };
}

/** First alternative whose every credential is available (providers returning undefined, null or "" are not). */
export async function resolveAuth(
  alternatives: readonly (readonly CredentialPart[])[],
): Promise<AppliedCredential[] | undefined> {
  next: for (const parts of alternatives) {
    const applied: AppliedCredential[] = [];
    for (const part of parts) {
      let value = part.value;
      if (part.provider !== undefined) {
        const raw = await part.provider();
        if (!raw) continue next; // undefined, null or "": never sent as "Bearer null"
        value = part.prefix + raw;
      }
      applied.push({ place: part.place, name: part.name, value: value as string });
    }
    return applied;
  }
  return undefined;
}

/** Where a request's credentials go; header credentials are written straight into `headers`. */
export interface CredentialTarget {
  headers: Record<string, string>;
  query: string;
  cookie: string;
}

export function applyCredentials(credentials: readonly AppliedCredential[], target: CredentialTarget): void {
  for (const c of credentials) {
    if (c.place === "header") target.headers[c.name] = c.value;
    else if (c.place === "query")
      target.query += `${target.query ? "&" : ""}${encodeURIComponent(c.name)}=${encodeURIComponent(c.value)}`;
    else target.cookie += `; ${c.name}=${c.value}`;
  }
}

/** Headers and query names that carry credentials: dropped when a redirect leaves the origin. */
export function credentialCarriers(definition: ApiDefinition): { headers: string[]; query: string[] } {
  const headers = ["authorization", "proxy-authorization", "cookie"];
  const query: string[] = [];
  for (const key in definition.securitySchemes) {
    const s = definition.securitySchemes[key];
    if (s?.type === "apiKey" && s.in === "header") headers.push(s.name.toLowerCase());
    if (s?.type === "apiKey" && s.in === "query") query.push(s.name);
  }
  return { headers, query };
}
