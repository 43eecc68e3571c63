/**
 * Type-level promises of the test kit: handlers are keyed by the client's
 * method names, a status the operation does not declare is a compile error,
 * bodies are typed per status, and handler functions see the typed request.
 */
import { describe, expectTypeOf, it } from "vitest";
import { createMock, type MockStatus } from "@apigen/openziti-edge-client/testing";
import type { Operations } from "@apigen/openziti-edge-client";
import { createMock as createPingoneMock } from "@apigen/pingone-management/testing";

describe("createMock (openziti-edge-client)", () => {
  const mock = createMock();

  it("offers the statuses the operation declares, and only those", () => {
    expectTypeOf<MockStatus<Operations["detailSession"]>>().toEqualTypeOf<200 | 401 | 404>();
    mock.session.detailSession.reply(404, { error: { code: "NOT_FOUND" }, meta: {} });
    // @ts-expect-error 418 is not a status detailSession declares
    mock.session.detailSession.reply(418, { error: { code: "TEAPOT" }, meta: {} });
    // @ts-expect-error 201 is createSession's, not detailSession's
    mock.session.detailSession.reply(201, { data: undefined, meta: {} });
  });

  it("types the body by status", () => {
    // @ts-expect-error the 404 body is an error envelope: `error` is required
    mock.session.detailSession.reply(404, { meta: {} });
    // @ts-expect-error the list's data is an array
    mock.session.listSessions.reply(200, { data: {}, meta: {} });
  });

  it("gives handler functions the typed request and checks what they return", () => {
    mock.session.createSession.reply((request) => {
      expectTypeOf(request.body).toEqualTypeOf<
        Operations["createSession"]["requestBody"]["content"]["application/json"]
      >();
      expectTypeOf(request.attempt).toBeNumber();
      return { status: 400, body: { error: { code: "INVALID" }, meta: {} } };
    });
    // @ts-expect-error a handler may not answer an undeclared status either
    mock.session.createSession.reply(() => ({ status: 418, body: { error: {}, meta: {} } }));
  });

  it("has no property for an operation the client lacks", () => {
    // @ts-expect-error the client has no such method, so neither has the mock
    void mock.session.listEverything;
  });
});

describe("createMock (pingone-management)", () => {
  it("types path parameters of recorded calls and lets a 204 be answered without a body", () => {
    const mock = createPingoneMock();
    mock.sessions.deleteUserSession.reply(204);
    expectTypeOf(mock.sessions.deleteUserSession.calls[0]!.path).toEqualTypeOf<{
      environmentID: string;
      userID: string;
      sessionID: string;
    }>();
  });
});
