import { mockApi } from "./runtime/mock.js";
import { checkRequest, checkResponse, ValidationError } from "./validate.js";
const spec = {
  operations: [
    {
      id: "listAPISessions",
      method: "GET",
      path: "/api-sessions",
      parameters: [
        { name: "limit", in: "query", type: "integer" },
        { name: "offset", in: "query", type: "integer" },
        { name: "filter", in: "query", type: "string" }
      ],
      security: [["ztSession"], ["oauth2"]],
      bodyTypes: [],
      responses: {
        "200": "application/json; charset=utf-8",
        "400": "application/json",
        "401": "application/json",
        "429": "application/json",
        "503": "application/json"
      },
      answer: {
        status: 200,
        body: {
          data: [
            {
              _links: { key: { href: "https://example.com/resource" } },
              createdAt: "2024-05-14T09:30:00Z",
              id: "3fa85f64",
              updatedAt: "2024-05-14T09:30:00Z",
              authQueries: [{ provider: "ziti" }],
              authenticatorId: "3fa85f64",
              configTypes: ["example"],
              identity: { entity: "example", id: "3fa85f64", name: "example" },
              identityId: "3fa85f64",
              ipAddress: "192.0.2.10",
              isCertExtendable: true,
              isMfaComplete: true,
              isMfaRequired: true,
              token: "<token>"
            }
          ],
          meta: { apiEnrollmentVersion: "1.0.0", apiVersion: "1.0.0" }
        }
      }
    },
    {
      id: "detailAPISessions",
      method: "GET",
      path: "/api-sessions/{id}",
      parameters: [{ name: "id", in: "path", type: "string" }],
      security: [["ztSession"], ["oauth2"]],
      bodyTypes: [],
      responses: {
        "200": "application/json",
        "401": "application/json",
        "404": "application/json",
        "429": "application/json",
        "503": "application/json"
      },
      answer: {
        status: 200,
        body: {
          data: {
            _links: { key: { href: "https://example.com/resource" } },
            createdAt: "2024-05-14T09:30:00Z",
            id: "3fa85f64",
            updatedAt: "2024-05-14T09:30:00Z",
            authQueries: [{ provider: "ziti" }],
            authenticatorId: "3fa85f64",
            configTypes: ["example"],
            identity: { entity: "example", id: "3fa85f64", name: "example" },
            identityId: "3fa85f64",
            ipAddress: "192.0.2.10",
            isCertExtendable: true,
            isMfaComplete: true,
            isMfaRequired: true,
            token: "<token>"
          },
          meta: { apiEnrollmentVersion: "1.0.0", apiVersion: "1.0.0" }
        }
      }
    },
    {
      id: "deleteAPISessions",
      method: "DELETE",
      path: "/api-sessions/{id}",
      parameters: [{ name: "id", in: "path", type: "string" }],
      security: [["ztSession"]],
      bodyTypes: [],
      responses: {
        "200": "application/json",
        "401": "application/json",
        "403": "application/json",
        "404": "application/json",
        "429": "application/json",
        "503": "application/json"
      },
      answer: { status: 200, body: { data: {}, meta: {} } }
    },
    {
      id: "listSessions",
      method: "GET",
      path: "/sessions",
      parameters: [
        { name: "limit", in: "query", type: "integer" },
        { name: "offset", in: "query", type: "integer" },
        { name: "filter", in: "query", type: "string" }
      ],
      security: [["ztSession"], ["oauth2"]],
      bodyTypes: [],
      responses: {
        "200": "application/json",
        "400": "application/json",
        "401": "application/json",
        "429": "application/json",
        "503": "application/json"
      },
      answer: {
        status: 200,
        body: {
          data: [
            {
              _links: { key: { href: "https://example.com/resource" } },
              createdAt: "2024-05-14T09:30:00Z",
              id: "3fa85f64",
              updatedAt: "2024-05-14T09:30:00Z",
              apiSession: { entity: "example", id: "3fa85f64", name: "example" },
              apiSessionId: "3fa85f64",
              edgeRouters: [
                {
                  cost: 1,
                  disabled: true,
                  hostname: "api.example.com",
                  isOnline: true,
                  name: "example",
                  noTraversal: true,
                  supportedProtocols: { key: "example" },
                  syncStatus: "example",
                  urls: { key: "example" }
                }
              ],
              identityId: "3fa85f64",
              service: { entity: "example", id: "3fa85f64", name: "example" },
              serviceId: "3fa85f64",
              token: "<token>",
              type: "Dial"
            }
          ],
          meta: { apiEnrollmentVersion: "1.0.0", apiVersion: "1.0.0" }
        }
      }
    },
    {
      id: "detailSession",
      method: "GET",
      path: "/sessions/{id}",
      parameters: [{ name: "id", in: "path", type: "string" }],
      security: [["ztSession"], ["oauth2"]],
      bodyTypes: [],
      responses: {
        "200": "application/json",
        "401": "application/json",
        "404": "application/json",
        "429": "application/json",
        "503": "application/json"
      },
      answer: {
        status: 200,
        body: {
          data: {
            _links: { key: { href: "https://example.com/resource" } },
            createdAt: "2024-05-14T09:30:00Z",
            id: "3fa85f64",
            updatedAt: "2024-05-14T09:30:00Z",
            apiSession: { entity: "example", id: "3fa85f64", name: "example" },
            apiSessionId: "3fa85f64",
            edgeRouters: [
              {
                cost: 1,
                disabled: true,
                hostname: "api.example.com",
                isOnline: true,
                name: "example",
                noTraversal: true,
                supportedProtocols: { key: "example" },
                syncStatus: "example",
                urls: { key: "example" }
              }
            ],
            identityId: "3fa85f64",
            service: { entity: "example", id: "3fa85f64", name: "example" },
            serviceId: "3fa85f64",
            token: "<token>",
            type: "Dial"
          },
          meta: { apiEnrollmentVersion: "1.0.0", apiVersion: "1.0.0" }
        }
      }
    },
    {
      id: "deleteSession",
      method: "DELETE",
      path: "/sessions/{id}",
      parameters: [{ name: "id", in: "path", type: "string" }],
      security: [["ztSession"], ["oauth2"]],
      bodyTypes: [],
      responses: {
        "200": "application/json",
        "400": "application/json",
        "401": "application/json",
        "404": "application/json",
        "409": "application/json",
        "429": "application/json",
        "503": "application/json"
      },
      answer: { status: 200, body: { data: {}, meta: {} } }
    },
    {
      id: "detailSessionRoutePath",
      method: "GET",
      path: "/sessions/{id}/route-path",
      parameters: [{ name: "id", in: "path", type: "string" }],
      security: [["ztSession"], ["oauth2"]],
      bodyTypes: [],
      responses: {
        "200": "application/json",
        "401": "application/json",
        "404": "application/json",
        "429": "application/json",
        "503": "application/json"
      },
      answer: {
        status: 200,
        body: {
          data: { routePath: ["example.txt"] },
          meta: {
            apiEnrollmentVersion: "1.0.0",
            apiVersion: "1.0.0",
            filterableFields: ["example"],
            pagination: { limit: 10, offset: 0, totalCount: 10 }
          }
        }
      }
    }
  ],
  schemes: { oauth2: { type: "oauth2" }, ztSession: { type: "apiKey", in: "header", name: "zt-session" } }
};
function createMock() {
  const tags = {
    "apiSession": {
      listAPISessions: "listAPISessions",
      detailAPISessions: "detailAPISessions",
      deleteAPISessions: "deleteAPISessions"
    },
    "session": {
      listSessions: "listSessions",
      detailSession: "detailSession",
      deleteSession: "deleteSession",
      detailSessionRoutePath: "detailSessionRoutePath"
    }
  };
  return mockApi(spec, { checkRequest, checkResponse, ValidationError }, tags);
}
export {
  ValidationError,
  createMock
};
