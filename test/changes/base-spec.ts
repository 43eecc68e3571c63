/**
 * A small OpenAPI 3.1 document that exercises every rule: two paths, four operations, query,
 * header (shared) and path parameters, a request body, responses with $ref'd components,
 * request-only, response-only and shared schemas, enums, a recursive schema, a oneOf, response
 * headers, x-pagination, global and per-operation security, and a server with a variable.
 */
type Json = Record<string, any>;

/** A fresh object per use: tests edit one operation's response without touching the others. */
const detailJson = () => ({ "application/json": { schema: { $ref: "#/components/schemas/sessionDetail" } } });

export function baseSpec(): Json {
  return {
    openapi: "3.1.0",
    info: { title: "Sessions API", version: "1.0.0", description: "Log-in sessions." },
    servers: [{ url: "https://{region}.example.com/v1", variables: { region: { default: "eu", enum: ["eu", "us"] } } }],
    security: [{ bearer: [] }],
    tags: [{ name: "Sessions", description: "Log-in sessions." }],
    paths: {
      "/sessions": {
        get: {
          operationId: "listSessions",
          tags: ["Sessions"],
          summary: "List sessions",
          parameters: [
            {
              name: "limit",
              in: "query",
              required: false,
              schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
            },
            { name: "offset", in: "query", required: false, schema: { type: "integer", minimum: 0 } },
            { $ref: "#/components/parameters/tenant" },
          ],
          "x-pagination": { style: "offset", limit: "limit", offset: "offset", items: "/items", total: "/total" },
          responses: {
            "200": {
              description: "The sessions.",
              headers: { "X-Rate-Limit": { required: true, schema: { type: "integer" } } },
              content: { "application/json": { schema: { $ref: "#/components/schemas/sessionList" } } },
            },
            "401": { $ref: "#/components/responses/unauthorized" },
          },
        },
        post: {
          operationId: "createSession",
          tags: ["Sessions"],
          summary: "Create a session",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/sessionCreate" } } },
          },
          responses: {
            "201": { description: "Created.", content: detailJson() },
            "401": { $ref: "#/components/responses/unauthorized" },
            "422": {
              description: "Invalid.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/problem" } } },
            },
          },
        },
      },
      "/sessions/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: {
          operationId: "detailSession",
          tags: ["Sessions"],
          description: "One session.",
          responses: {
            "200": { description: "The session.", content: detailJson() },
            "404": { description: "No such session." },
          },
        },
        delete: {
          operationId: "deleteSession",
          tags: ["Sessions"],
          security: [{ oauth: ["sessions:write"] }],
          responses: { "204": { description: "Deleted." } },
        },
      },
    },
    components: {
      parameters: {
        tenant: { name: "X-Tenant", in: "header", required: true, schema: { type: "string" } },
      },
      responses: {
        unauthorized: {
          description: "Missing or bad credentials.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/problem" } } },
        },
      },
      schemas: {
        // Request only.
        sessionCreate: {
          type: "object",
          required: ["user"],
          properties: {
            user: { type: "string", maxLength: 64 },
            ttl: { type: "number", minimum: 60 },
            note: { type: ["string", "null"] },
            kind: { $ref: "#/components/schemas/kind" },
            labels: { type: "array", items: { $ref: "#/components/schemas/label" } },
          },
        },
        // Response only (201 of POST, 200 of GET /sessions/{id}, and inside sessionList).
        sessionDetail: {
          type: "object",
          required: ["id", "token", "status"],
          properties: {
            id: { type: "string", example: "s_1" },
            token: { type: "string" },
            status: { $ref: "#/components/schemas/status" },
            expiresAt: { type: "string", format: "date-time" },
            owner: { oneOf: [{ $ref: "#/components/schemas/node" }, { type: "string" }] },
            labels: { type: "array", items: { $ref: "#/components/schemas/label" } },
          },
        },
        sessionList: {
          type: "object",
          required: ["items", "total"],
          properties: {
            items: { type: "array", items: { $ref: "#/components/schemas/sessionDetail" } },
            total: { type: "integer" },
          },
        },
        status: { type: "string", enum: ["active", "expired"] },
        kind: { type: "string", enum: ["web", "cli"] },
        // Used on both sides.
        label: { type: "string", maxLength: 32 },
        // Recursive.
        node: {
          type: "object",
          properties: { name: { type: "string" }, parent: { $ref: "#/components/schemas/node" } },
        },
        problem: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } },
      },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        oauth: {
          type: "oauth2",
          flows: {
            clientCredentials: {
              tokenUrl: "https://example.com/token",
              scopes: { "sessions:read": "Read", "sessions:write": "Write" },
            },
          },
        },
      },
    },
  };
}

/** The same document with every object's keys in reverse order. */
export function reorderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorderKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reorderKeys(v)]),
  );
}
