import { mockApi } from "./runtime/mock.js";
import { checkRequest, checkResponse, ValidationError } from "./validate.js";
const spec = {
  operations: [
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
      id: "createSession",
      method: "POST",
      path: "/sessions",
      parameters: [],
      security: [["ztSession"], ["oauth2"]],
      bodyTypes: ["application/json"],
      responses: {
        "201": "application/json",
        "400": "application/json",
        "401": "application/json",
        "404": "application/json",
        "429": "application/json",
        "503": "application/json"
      },
      answer: {
        status: 201,
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
          }
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
      responses: { "200": "application/json", "401": "application/json", "404": "application/json" },
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
        "409": "application/json",
        "429": "application/json",
        "503": "application/json"
      },
      answer: { status: 200, body: { data: {}, meta: {} } }
    }
  ],
  schemes: { oauth2: { type: "oauth2" }, ztSession: { type: "apiKey", in: "header", name: "zt-session" } }
};
function createMock() {
  const tags = {
    "session": {
      listSessions: "listSessions",
      createSession: "createSession",
      detailSession: "detailSession",
      deleteSession: "deleteSession"
    }
  };
  return mockApi(spec, { checkRequest, checkResponse, ValidationError }, tags);
}
export {
  ValidationError,
  createMock
};
