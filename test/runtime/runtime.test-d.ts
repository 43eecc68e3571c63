// Type-level tests for generator/runtime/ against the openapi-typescript output of fixture.yaml.
// Run: npx vitest run --typecheck.only test/runtime
import { describe, expectTypeOf, it } from "vitest";
import type { components, operations, paths } from "./fixture-schema.js";
import {
  ApiError,
  createRuntime,
  isApiError,
  offsetPages,
  type ApiDefinition,
  type ApiErrorGuard,
  type ApiErrorOf,
  type Client,
  type ClientOptions,
  type Operation,
  type OperationParams,
  type PaginatedOperation,
  type ResponseData,
} from "../../generator/runtime/index.js";
import { createRawClient } from "../../generator/runtime/raw.js";

type Session = components["schemas"]["Session"];
type ListOp = paths["/sessions"]["get"];
type DetailOp = paths["/sessions/{id}"]["get"];
type CreateOp = paths["/sessions"]["post"];
type UpdateOp = paths["/sessions/{id}"]["put"];
type DeleteOp = paths["/sessions/{id}"]["delete"];
type HealthOp = paths["/health"]["get"];

// What the generated client.ts looks like (this block must compile as written).
const definition: ApiDefinition = { servers: [{ url: "http://127.0.0.1:1", variables: {} }], securitySchemes: {} };
interface SessionApi {
  listSessions: PaginatedOperation<ListOp, ResponseData<ListOp>["data"][number]>;
  detailSession: Operation<DetailOp>;
  createSession: Operation<CreateOp>;
  updateSession: Operation<UpdateOp>;
  deleteSession: Operation<DeleteOp>;
  health: Operation<HealthOp>;
}
interface FixtureClient {
  session: SessionApi;
}
function createFixtureClient(options: ClientOptions<"ztSession" | "oauth2"> = {}): FixtureClient {
  const rt = createRuntime<paths>(definition, options, { pagers: { offset: offsetPages } });
  return {
    session: {
      listSessions: rt.paginated({
        id: "listSessions",
        method: "get",
        path: "/sessions",
        security: [["ztSession"], ["oauth2"]],
        pagination: { limit: "limit", offset: "offset", items: ["data"], total: ["meta", "pagination", "totalCount"] },
      }),
      detailSession: rt.operation({ id: "detailSession", method: "get", path: "/sessions/{id}", security: [] }),
      createSession: rt.operation({
        id: "createSession",
        method: "post",
        path: "/sessions",
        security: [],
        bodyContentType: "application/vnd.api+json",
      }),
      updateSession: rt.operation({
        id: "updateSession",
        method: "put",
        path: "/sessions/{id}",
        security: [],
        bodyContentType: "application/json",
      }),
      deleteSession: rt.operation({ id: "deleteSession", method: "delete", path: "/sessions/{id}", security: [] }),
      health: rt.operation({ id: "health", method: "get", path: "/health", security: [] }),
    },
  };
}
// How the template binds the guard to its operations map.
const isFixtureError: ApiErrorGuard<operations> = isApiError;
const api = createFixtureClient({ auth: { ztSession: "token" } });

describe("params", () => {
  it("requires params exactly when something inside is required", () => {
    void api.session.detailSession({ params: { path: { id: "abc" } } });
    void api.session.detailSession({ params: { path: { id: "abc" }, query: { verbose: true } } }, { timeoutMs: 2000 });
    // @ts-expect-error path.id is required
    void api.session.detailSession();
    // @ts-expect-error path.id is required
    void api.session.detailSession({ params: {} });
    // @ts-expect-error path.id must be a string
    void api.session.detailSession({ params: { path: { id: 1 } } });
    // @ts-expect-error unknown query parameter
    void api.session.detailSession({ params: { path: { id: "a" }, query: { nope: 1 } } });

    void api.session.health();
    void api.session.health(undefined, { retry: false });
    void api.session.listSessions();
    void api.session.listSessions({
      params: { query: { limit: 3, "filter[location]": "SAO", tags: ["a", "b"] }, header: { "x-trace": "t" } },
    });
    // @ts-expect-error limit is an integer
    void api.session.listSessions({ params: { query: { limit: "3" } } });
  });

  it("requires the body when the request body is required, and types it", () => {
    void api.session.createSession({ body: { name: "x" } });
    // @ts-expect-error body is required
    void api.session.createSession();
    // @ts-expect-error name is required
    void api.session.createSession({ body: {} });
    // @ts-expect-error wrong body type
    void api.session.createSession({ body: { name: 1 } });
    // optional request body
    void api.session.updateSession({ params: { path: { id: "a" } } });
    void api.session.updateSession({ params: { path: { id: "a" } }, body: { name: "y" } });
    // @ts-expect-error no request body declared
    void api.session.detailSession({ params: { path: { id: "a" } }, body: { name: "x" } });
    expectTypeOf<OperationParams<CreateOp>>().toEqualTypeOf<{
      params?: OperationParams<CreateOp>["params"];
      body: { name: string };
    }>();
  });

  it("rejects unknown call options", () => {
    // @ts-expect-error unknown option
    void api.session.health(undefined, { timeout: 5 });
    void api.session.health(undefined, {
      signal: new AbortController().signal,
      headers: { a: "b" },
      fetchOptions: { keepalive: true },
    });
  });
});

describe("responses", () => {
  it("ResponseData is the 2xx body", () => {
    expectTypeOf<ResponseData<DetailOp>>().toEqualTypeOf<Session>();
    expectTypeOf<ResponseData<CreateOp>>().toEqualTypeOf<Session>();
    expectTypeOf<ResponseData<DeleteOp>>().toEqualTypeOf<undefined>();
    expectTypeOf<ResponseData<HealthOp>>().toEqualTypeOf<string>();
    expectTypeOf(api.session.detailSession).returns.toEqualTypeOf<Promise<Session>>();
    expectTypeOf(api.session.deleteSession).returns.toEqualTypeOf<Promise<undefined>>();
  });

  it("paginated operations yield pages and typed items", () => {
    expectTypeOf(api.session.listSessions.items).returns.toEqualTypeOf<AsyncIterableIterator<Session>>();
    expectTypeOf(api.session.listSessions.pages).returns.toEqualTypeOf<
      AsyncIterableIterator<components["schemas"]["SessionList"]>
    >();
    expectTypeOf(api.session.listSessions).returns.toEqualTypeOf<Promise<components["schemas"]["SessionList"]>>();
  });
});

describe("errors", () => {
  it("ApiErrorOf is discriminated by status", () => {
    const err = {} as ApiErrorOf<DetailOp>;
    if (err.status === 404) {
      expectTypeOf(err.body).toEqualTypeOf<components["schemas"]["NotFound"]>();
      expectTypeOf(err).toEqualTypeOf<ApiError<404, components["schemas"]["NotFound"]>>();
    }
    if (err.status === 503) expectTypeOf(err.body).toEqualTypeOf<string>(); // from "5XX"
    // undeclared: read as the declared error bodies (APIs share one error shape), or empty
    if (err.status === 418)
      expectTypeOf(err.body).toEqualTypeOf<components["schemas"]["NotFound"] | string | undefined>();
    // before narrowing, the union of what the operation declares
    expectTypeOf(err.body).toEqualTypeOf<components["schemas"]["NotFound"] | string | undefined>();
    expectTypeOf(err.operationId).toEqualTypeOf<string>();
    expectTypeOf(err.headers).toEqualTypeOf<Headers>();
    expectTypeOf(err.kind).toEqualTypeOf<"api">();
    // 2xx statuses are never errors
    // @ts-expect-error 200 is not an error status
    if (err.status === 200) void 0;
  });

  it("default covers every undeclared status with its body type", () => {
    const err = {} as ApiErrorOf<UpdateOp>;
    expectTypeOf(err.body).toEqualTypeOf<components["schemas"]["Problem"]>();
    const list = {} as ApiErrorOf<ListOp>;
    if (list.status === 401) expectTypeOf(list.body).toEqualTypeOf<components["schemas"]["Problem"]>();
    else expectTypeOf(list.body).toEqualTypeOf<components["schemas"]["Problem"] | undefined>();
  });

  it("isApiError narrows to the operation's errors", () => {
    const e: unknown = undefined;
    if (isFixtureError(e, "detailSession")) {
      expectTypeOf(e).toEqualTypeOf<ApiErrorOf<operations["detailSession"]>>();
      if (e.status === 404) expectTypeOf(e.body.code).toEqualTypeOf<"NOT_FOUND">();
    }
    if (isApiError<operations, "createSession">(e, "createSession") && e.status === 400) {
      expectTypeOf(e.body.errors).toEqualTypeOf<string[]>();
    }
    // @ts-expect-error unknown operation id
    isFixtureError(e, "nope");
  });
});

describe("options", () => {
  it("auth is keyed by the client's scheme names", () => {
    createFixtureClient({ auth: { oauth2: async () => "t", ztSession: () => undefined } });
    // @ts-expect-error unknown scheme
    createFixtureClient({ auth: { basic: "x" } });
    createFixtureClient({ retry: false, timeoutMs: 1000, server: { variables: { basePath: "v2" } } });
    createFixtureClient({ retry: { attempts: 5, statuses: [503] }, middleware: [{ onRequest: () => undefined }] });
  });
});

describe("withResponse", () => {
  type Typed = {
    responses: {
      200: {
        headers: { "X-Rate-Limit": number; [name: string]: unknown };
        content: { "application/json": { id: string } };
      };
      201: { headers: { [name: string]: unknown }; content: { "application/json": { id: string } } };
      404: { headers: { [name: string]: unknown }; content: { "application/json": { message: string } } };
    };
  };

  it("resolves to data, status, typed headers, request id and the Response", () => {
    const op = {} as Operation<Typed>;
    expectTypeOf(op.withResponse).returns.resolves.toHaveProperty("data").toEqualTypeOf<{ id: string }>();
    expectTypeOf(op.withResponse).returns.resolves.toHaveProperty("status").toEqualTypeOf<200 | 201>();
    expectTypeOf(op.withResponse).returns.resolves.toHaveProperty("requestId").toEqualTypeOf<string | undefined>();
    expectTypeOf(op.withResponse).returns.resolves.toHaveProperty("response").toEqualTypeOf<Response>();
    expectTypeOf(op.withResponse).parameters.toEqualTypeOf<Parameters<typeof op>>();
    const headers = {} as Awaited<ReturnType<typeof op.withResponse>>["headers"];
    expectTypeOf(headers.get("X-Rate-Limit")).toEqualTypeOf<string | null>();
    expectTypeOf(headers).toExtend<Headers>();
  });

  it("before narrowing, an error body is the union of declared error bodies", () => {
    const err = {} as ApiErrorOf<Typed>;
    expectTypeOf(err.body).toEqualTypeOf<{ message: string } | undefined>();
    if (err.status === 404) expectTypeOf(err.body).toEqualTypeOf<{ message: string }>();
  });

  it("paginated operations have withResponse too", () => {
    expectTypeOf(createFixtureClient().session.listSessions.withResponse)
      .returns.resolves.toHaveProperty("data")
      .toEqualTypeOf<components["schemas"]["SessionList"]>();
  });
});

describe("the raw entry", () => {
  it("is openapi-fetch's client over the spec's paths", () => {
    expectTypeOf(createRawClient<paths>(definition, {})).toEqualTypeOf<Client<paths>>();
  });

  it("takes no credentials: it sends none", () => {
    // @ts-expect-error -- `auth` is not a raw client option
    createRawClient<paths>(definition, { auth: { ztSession: "t" } });
  });
});
