import { mockApi } from "./runtime/mock.js";
import { checkRequest, checkResponse, ValidationError } from "./validate.js";
const spec = {
  operations: [
    {
      id: "get-vpn-sessions",
      method: "GET",
      path: "/vpn_sessions",
      parameters: [{ name: "filter[location]", in: "query", type: "string", style: "form", explode: true }],
      security: [["Bearer"]],
      bodyTypes: [],
      responses: { "200": "application/vnd.api+json" },
      answer: {
        status: 200,
        body: {
          data: [
            {
              attributes: {
                created_at: "2024-05-14T09:30:00Z",
                expires_at: "2024-05-14T09:30:00Z",
                host: "api.example.com",
                password: "<password>",
                port: "8443",
                region: {
                  city: "example",
                  country: "US",
                  site: { facility: "example", id: "3fa85f64", name: "example", slug: "example" }
                },
                status: "enable",
                updated_at: "2024-05-14T09:30:00Z",
                user_name: "jdoe"
              },
              id: "vpn_6VE1Wd37dXnZJ",
              type: "vpn_sessions"
            }
          ],
          meta: {}
        }
      }
    },
    {
      id: "post-vpn-session",
      method: "POST",
      path: "/vpn_sessions",
      parameters: [],
      security: [["Bearer"]],
      bodyTypes: ["application/json", "application/vnd.api+json"],
      responses: { "201": "application/vnd.api+json" },
      answer: {
        status: 201,
        body: {
          data: {
            attributes: {
              created_at: "2024-05-14T09:30:00Z",
              expires_at: "2024-05-14T09:30:00Z",
              host: "api.example.com",
              password: "<password>",
              port: "8443",
              region: {
                city: "example",
                country: "US",
                site: { facility: "example", id: "3fa85f64", name: "example", slug: "example" }
              },
              status: "enable",
              updated_at: "2024-05-14T09:30:00Z",
              user_name: "jdoe"
            },
            id: "vpn_6VE1Wd37dXnZJ",
            type: "vpn_sessions"
          }
        }
      }
    },
    {
      id: "delete-vpn-session",
      method: "DELETE",
      path: "/vpn_sessions/{vpn_session_id}",
      parameters: [{ name: "vpn_session_id", in: "path", type: "string" }],
      security: [["Bearer"]],
      bodyTypes: [],
      responses: { "204": null },
      answer: { status: 204 }
    },
    {
      id: "put-vpn-session",
      method: "PATCH",
      path: "/vpn_sessions/{vpn_session_id}/refresh_password",
      parameters: [{ name: "vpn_session_id", in: "path", type: "string" }],
      security: [["Bearer"]],
      bodyTypes: [],
      responses: { "200": "application/vnd.api+json" },
      answer: {
        status: 200,
        body: {
          data: {
            attributes: {
              created_at: "2024-05-14T09:30:00Z",
              expires_at: "2024-05-14T09:30:00Z",
              host: "api.example.com",
              password: "<password>",
              port: "8443",
              region: {
                city: "example",
                country: "US",
                site: { facility: "example", id: "3fa85f64", name: "example", slug: "example" }
              },
              status: "enable",
              updated_at: "2024-05-14T09:30:00Z",
              user_name: "jdoe"
            },
            id: "vpn_6VE1Wd37dXnZJ",
            type: "vpn_sessions"
          }
        }
      }
    }
  ],
  schemes: { Bearer: { type: "apiKey", in: "header", name: "Authorization" } }
};
function createMock() {
  const tags = {
    "vpnSessions": {
      getVpnSessions: "get-vpn-sessions",
      postVpnSession: "post-vpn-session",
      deleteVpnSession: "delete-vpn-session",
      putVpnSession: "put-vpn-session"
    }
  };
  return mockApi(spec, { checkRequest, checkResponse, ValidationError }, tags);
}
export {
  ValidationError,
  createMock
};
