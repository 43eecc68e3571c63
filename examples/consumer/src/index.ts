// A small app module using every generated package by name: it sets up each client with its
// credentials and shows typed calls, typed error handling and pagination. Typechecked only.
import {
  ApiError as LatitudeError,
  createLatitudeshClient,
  type PostVpnSessionBody,
  type VpnSessionWithPassword,
} from "@apigen/latitudesh";
import { createOpenzitiEdgeClient, isApiError as isZitiError, TimeoutError } from "@apigen/openziti-edge-client";
import { createOpenzitiEdgeManagementClient, isApiError as isZitiAdminError } from "@apigen/openziti-edge-management";
import { createPingoneManagementClient, isApiError as isPingError, NetworkError } from "@apigen/pingone-management";

export interface Config {
  /** e.g. "https://ziti.example.com"; the clients add /edge/client/v1 and /edge/management/v1. */
  zitiController: string;
  zitiSession: string;
  /** OIDC access token for the management API, refreshed by the caller. */
  zitiAdminToken: () => Promise<string>;
  pingRegion: "com" | "eu" | "ca" | "asia" | "com.au";
  pingToken: () => Promise<string>;
  latitudeApiKey: string;
}

export function createClients(config: Config) {
  return {
    ziti: createOpenzitiEdgeClient({
      baseUrl: `${config.zitiController}/edge/client/v1`,
      auth: { ztSession: config.zitiSession },
      timeoutMs: 10_000,
    }),
    zitiAdmin: createOpenzitiEdgeManagementClient({
      baseUrl: `${config.zitiController}/edge/management/v1`,
      // deleteAPISessions only accepts zt-session, so give both.
      auth: { ztSession: config.zitiSession, oauth2: config.zitiAdminToken },
    }),
    pingone: createPingoneManagementClient({
      server: { variables: { suffix: config.pingRegion } },
      auth: { bearer: config.pingToken },
      retry: { attempts: 4 },
    }),
    latitude: createLatitudeshClient({ auth: { Bearer: config.latitudeApiKey } }),
  };
}
type Clients = ReturnType<typeof createClients>;

/** Asks the controller for a session to dial a service; undefined when the service is unknown. */
export async function dial({ ziti }: Clients, serviceId: string): Promise<string | undefined> {
  try {
    const created = await ziti.session.createSession({ body: { serviceId, type: "Dial" } });
    const routers = created.data?.edgeRouters.filter((router) => router.isOnline).map((router) => router.name) ?? [];
    console.info(`session ${created.data?.id} can use ${routers.join(", ")}`);
    return created.data?.token;
  } catch (error) {
    if (isZitiError(error, "createSession") && error.status === 404) return undefined;
    if (error instanceof TimeoutError) console.warn(`controller did not answer within ${error.timeoutMs} ms`);
    throw error;
  }
}

/** Ends every API session of one identity, walking all pages of the list. */
export async function revokeIdentity({ zitiAdmin }: Clients, identityName: string): Promise<number> {
  let revoked = 0;
  const query = { filter: `identity.name = "${identityName}"`, limit: 100 };
  for await (const apiSession of zitiAdmin.apiSession.listAPISessions.items({ params: { query } })) {
    try {
      await zitiAdmin.apiSession.deleteAPISessions({ params: { path: { id: apiSession.id } } });
      revoked++;
    } catch (error) {
      // Already gone (logged out meanwhile) is fine; anything else is not.
      if (isZitiAdminError(error, "deleteAPISessions") && error.status === 404) continue;
      throw error;
    }
  }
  return revoked;
}

/** Signs a user out of one PingOne session, tagging the calls with our correlation id. */
export async function endPingSession(
  { pingone }: Clients,
  path: { environmentID: string; userID: string; sessionID: string },
  traceId: string,
) {
  const header = { "X-Ping-External-Transaction-ID": traceId };
  try {
    const session = await pingone.sessions.readUserSession({ params: { path, header } });
    await pingone.sessions.deleteUserSession({ params: { path, header } });
    return session;
  } catch (error) {
    if (isPingError(error, "readUserSession") && error.status === 404) return undefined;
    if (isPingError(error, "deleteUserSession") && error.status === 403) {
      throw new Error(`not allowed: ${error.body.message ?? error.body.code ?? "forbidden"}`);
    }
    if (error instanceof NetworkError) console.warn("PingOne unreachable", error.cause);
    throw error;
  }
}

/** VPN credentials for a site: refreshes an existing session's password or opens a new one. */
export async function vpnCredentials({ latitude }: Clients, site: string) {
  try {
    const existing = await latitude.vpnSessions.getVpnSessions({ params: { query: { "filter[location]": site } } });
    const id = existing.data?.[0]?.id;
    // The package's named types: one per schema, and per operation its Params, Body, Result and Error.
    const create: PostVpnSessionBody = { data: { type: "vpn_sessions", attributes: { site } } };
    const answer: VpnSessionWithPassword = id
      ? await latitude.vpnSessions.putVpnSession({ params: { path: { vpn_session_id: id } } })
      : await latitude.vpnSessions.postVpnSession({ body: create });
    const { host, port, user_name, password } = answer.data?.attributes ?? {};
    return { host, port, user: user_name, password };
  } catch (error) {
    // Latitude.sh documents no error bodies: every failure is an ApiError with `body: unknown`.
    if (error instanceof LatitudeError && error.status === 401) throw new Error("check the Latitude.sh API key");
    throw error;
  }
}
