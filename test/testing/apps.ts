/**
 * Small app functions as users write them on top of the generated clients:
 * what the test kit's tests exercise through `createMock()`. Each takes some
 * input from outside (a form, a config file), which is where wrong requests
 * come from: values the types cannot see.
 */
import type { LatitudeshClient } from "@apigen/latitudesh";
import type { OpenzitiEdgeClient } from "@apigen/openziti-edge-client";
import type { OpenzitiEdgeManagementClient } from "@apigen/openziti-edge-management";
import type { PingoneManagementClient } from "@apigen/pingone-management";

/** Latitude.sh: opens a VPN session at a site chosen in a form; returns what the user needs to connect. */
export async function openVpn(
  api: LatitudeshClient,
  form: { site: string },
): Promise<{ user: string; password: string }> {
  const created = await api.vpnSessions.postVpnSession({
    body: { data: { type: "vpn_sessions", attributes: { site: form.site } } },
  });
  const attributes = created.data?.attributes;
  return { user: attributes?.user_name ?? "", password: attributes?.password ?? "" };
}

/** Latitude.sh: the number of sessions open at a site. */
export async function sessionsAt(api: LatitudeshClient, site: string): Promise<number> {
  const list = await api.vpnSessions.getVpnSessions({ params: { query: { "filter[location]": site } } });
  return list.data?.length ?? 0;
}

/** OpenZiti edge client: dials a service with the mode read from a config file ("Dial" or "Bind"); returns the session token. */
export async function dial(api: OpenzitiEdgeClient, config: { serviceId: string; mode: string }): Promise<string> {
  const created = await api.session.createSession({
    body: { serviceId: config.serviceId, type: config.mode as "Dial" | "Bind" },
  });
  return created.data?.token ?? "";
}

/** OpenZiti management: ids of the first page of API sessions, `pageSize` taken from a settings screen. */
export async function firstApiSessions(api: OpenzitiEdgeManagementClient, pageSize: number): Promise<string[]> {
  const page = await api.apiSession.listAPISessions({ params: { query: { limit: pageSize } } });
  return page.data.map((s) => s.id);
}

/** PingOne: signs a user out of one session, tagging the call with the app's own correlation id. */
export async function signOut(
  api: PingoneManagementClient,
  ids: { environment: string; user: string; session: string },
  correlationId: string,
): Promise<void> {
  await api.sessions.deleteUserSession({
    params: {
      path: { environmentID: ids.environment, userID: ids.user, sessionID: ids.session },
      header: { "X-Ping-External-Session-ID": correlationId },
    },
  });
}
