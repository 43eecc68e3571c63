import { mockApi } from "./runtime/mock.js";
import { checkRequest, checkResponse, ValidationError } from "./validate.js";
const spec = {
  operations: [
    {
      id: "listUserSessions",
      method: "GET",
      path: "/environments/{environmentID}/users/{userID}/sessions",
      parameters: [
        { name: "X-Ping-External-Transaction-ID", in: "header", type: "string" },
        { name: "X-Ping-External-Session-ID", in: "header", type: "string" },
        { name: "environmentID", in: "path", type: "string" },
        { name: "userID", in: "path", type: "string" }
      ],
      security: [["bearer"]],
      bodyTypes: [],
      responses: {
        "200": "application/json",
        "400": "application/json",
        "401": "application/json",
        "403": "application/json",
        "404": "application/json",
        "409": "application/json",
        "429": "application/json",
        "500": "application/json"
      },
      answer: { status: 200, body: {} }
    },
    {
      id: "readUserSession",
      method: "GET",
      path: "/environments/{environmentID}/users/{userID}/sessions/{sessionID}",
      parameters: [
        { name: "X-Ping-External-Transaction-ID", in: "header", type: "string" },
        { name: "X-Ping-External-Session-ID", in: "header", type: "string" },
        { name: "environmentID", in: "path", type: "string" },
        { name: "userID", in: "path", type: "string" },
        { name: "sessionID", in: "path", type: "string" }
      ],
      security: [["bearer"]],
      bodyTypes: [],
      responses: {
        "200": "application/json",
        "400": "application/json",
        "401": "application/json",
        "403": "application/json",
        "404": "application/json",
        "409": "application/json",
        "429": "application/json",
        "500": "application/json"
      },
      answer: { status: 200, body: {} }
    },
    {
      id: "deleteUserSession",
      method: "DELETE",
      path: "/environments/{environmentID}/users/{userID}/sessions/{sessionID}",
      parameters: [
        { name: "X-Ping-External-Transaction-ID", in: "header", type: "string" },
        { name: "X-Ping-External-Session-ID", in: "header", type: "string" },
        { name: "environmentID", in: "path", type: "string" },
        { name: "userID", in: "path", type: "string" },
        { name: "sessionID", in: "path", type: "string" }
      ],
      security: [["bearer"]],
      bodyTypes: [],
      responses: {
        "204": null,
        "400": "application/json",
        "401": "application/json",
        "403": "application/json",
        "404": "application/json",
        "409": "application/json",
        "429": "application/json",
        "500": "application/json"
      },
      answer: { status: 204 }
    }
  ],
  schemes: { bearer: { type: "http", scheme: "bearer" } }
};
function createMock() {
  const tags = {
    "sessions": {
      listUserSessions: "listUserSessions",
      readUserSession: "readUserSession",
      deleteUserSession: "deleteUserSession"
    }
  };
  return mockApi(spec, { checkRequest, checkResponse, ValidationError }, tags);
}
export {
  ValidationError,
  createMock
};
