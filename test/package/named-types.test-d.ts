// Type tests of the named types every package exports: one per schema, and per operation its
// argument (Params), body (Body), 2xx result (Result) and declared error bodies (Error), the very
// types the methods are declared with. Imported by package name, as an app does.
import { describe, expectTypeOf, it } from "vitest";
import {
  createLatitudeshClient,
  type components as LatitudeComponents,
  type DeleteVpnSessionResult,
  type GetVpnSessionsError,
  type GetVpnSessionsParams,
  type GetVpnSessionsResult,
  type PostVpnSessionBody,
  type PostVpnSessionParams,
  type PostVpnSessionResult,
  type SiteSlug,
  type VpnSessionDataWithPassword,
  type VpnSessionList,
  type VpnSessionWithPassword,
} from "@apigen/latitudesh";
import {
  createOpenzitiEdgeClient,
  isApiError,
  type ApiErrorEnvelope,
  type ApiErrorModel,
  type components as EdgeComponents,
  type CreateSessionBody,
  type DetailSessionError,
  type DetailSessionParams,
  type DetailSessionResult,
  type ListSessionsError,
  type ListSessionsResult,
  type SessionDetail,
} from "@apigen/openziti-edge-client";
import { type ListUserSessionsParams, type P1Error, type ListUserSessionsError } from "@apigen/pingone-management";

type Lat = LatitudeComponents["schemas"];
type Edge = EdgeComponents["schemas"];

const lat = createLatitudeshClient({ auth: { Bearer: "key" } });
const edge = createOpenzitiEdgeClient({ auth: { ztSession: "zt" } });

describe("every schema is a named type", () => {
  it("PascalCase of the schema name", () => {
    expectTypeOf<VpnSessionWithPassword>().toEqualTypeOf<Lat["vpn_session_with_password"]>();
    expectTypeOf<VpnSessionDataWithPassword>().toEqualTypeOf<Lat["vpn_session_data_with_password"]>();
    expectTypeOf<VpnSessionList>().toEqualTypeOf<Lat["vpn_session_list"]>();
    expectTypeOf<Extract<SiteSlug, "SAO">>().toEqualTypeOf<"SAO">();
    expectTypeOf<SessionDetail>().toEqualTypeOf<Edge["sessionDetail"]>();
    expectTypeOf<ApiErrorEnvelope>().toEqualTypeOf<Edge["apiErrorEnvelope"]>();
  });

  it("a schema named like one of the package's own exports (apiError, next to the ApiError class) gets a Model suffix", () => {
    expectTypeOf<ApiErrorModel>().toEqualTypeOf<Edge["apiError"]>();
  });
});

describe("per operation: Params, Body, Result, Error", () => {
  it("the methods resolve to the Result types", () => {
    expectTypeOf(lat.vpnSessions.getVpnSessions()).resolves.toEqualTypeOf<GetVpnSessionsResult>();
    expectTypeOf<GetVpnSessionsResult>().toEqualTypeOf<VpnSessionList>();
    expectTypeOf(lat.vpnSessions.postVpnSession({ body: {} })).resolves.toEqualTypeOf<PostVpnSessionResult>();
    expectTypeOf<PostVpnSessionResult>().toEqualTypeOf<VpnSessionWithPassword>();
    expectTypeOf<DeleteVpnSessionResult>().toEqualTypeOf<undefined>();
    expectTypeOf(
      edge.session.detailSession({ params: { path: { id: "s" } } }),
    ).resolves.toEqualTypeOf<DetailSessionResult>();
    expectTypeOf<ListSessionsResult>().toEqualTypeOf<Edge["listSessionsEnvelope"]>();
  });

  it("the methods take the Params types", () => {
    expectTypeOf(lat.vpnSessions.getVpnSessions).parameter(0).toEqualTypeOf<GetVpnSessionsParams | undefined>();
    expectTypeOf(edge.session.detailSession).parameter(0).toEqualTypeOf<DetailSessionParams>();
    const params: DetailSessionParams = { params: { path: { id: "s1" } } };
    void edge.session.detailSession(params);
    // @ts-expect-error the id is required
    const missing: DetailSessionParams = { params: { path: {} } };
    void missing;
    expectTypeOf<ListUserSessionsParams["params"]["path"]>().toEqualTypeOf<{ environmentID: string; userID: string }>();
  });

  it("Body is the request body, every media type it may be sent as", () => {
    expectTypeOf<PostVpnSessionBody>().toEqualTypeOf<NonNullable<PostVpnSessionParams["body"]>>();
    expectTypeOf<PostVpnSessionBody>().toEqualTypeOf<Lat["vpn_session_create_request"]>();
    expectTypeOf<CreateSessionBody>().toEqualTypeOf<Edge["sessionCreate"]>();
  });

  it("Error is the union of the declared error bodies (unknown when none is declared)", () => {
    expectTypeOf<DetailSessionError>().toEqualTypeOf<Edge["apiErrorEnvelope"]>();
    expectTypeOf<ListSessionsError>().toEqualTypeOf<Edge["apiErrorEnvelope"]>();
    expectTypeOf<ListUserSessionsError>().toEqualTypeOf<P1Error>();
    expectTypeOf<GetVpnSessionsError>().toBeUnknown();
    try {
      void 0;
    } catch (error) {
      if (isApiError(error, "detailSession") && error.status === 404)
        expectTypeOf(error.body).toEqualTypeOf<DetailSessionError>();
    }
  });
});
