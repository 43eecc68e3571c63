/** The table for diff.test.ts: named edits of baseSpec(), with their classification and bumps. */
import type { Change } from "../../generator/changes/diff.ts";
import { reorderKeys } from "./base-spec.ts";

export type Json = Record<string, any>;
type Expected = `${Change["level"]} ${string}`;

export interface Case {
  name: string;
  edit: (spec: Json) => Json | void;
  /** "level kind" of every change, in the order diffSpecs returns them. */
  changes: Expected[];
  /** Versions after the bump from 1.2.3 and from 0.4.1. */
  bumps: [string, string];
}

const NONE: [string, string] = ["1.2.3", "0.4.1"];
const PATCH: [string, string] = ["1.2.4", "0.4.2"];
const MINOR: [string, string] = ["1.3.0", "0.4.2"];
const MAJOR: [string, string] = ["2.0.0", "0.5.0"];

const schemas = (s: Json) => s.components.schemas;
const list = (s: Json) => s.paths["/sessions"].get;
const create = (s: Json) => s.paths["/sessions"].post;
const detail = (s: Json) => s.paths["/sessions/{id}"].get;
const remove = (s: Json) => s.paths["/sessions/{id}"].delete;
const limit = (s: Json) => list(s).parameters[0];

export const cases: Case[] = [
  // Nothing changed.
  { name: "no change", edit: () => {}, changes: [], bumps: NONE },
  { name: "keys reordered everywhere", edit: (s) => reorderKeys(s) as Json, changes: [], bumps: NONE },
  {
    name: "a $ref replaced by an identical inline schema",
    edit: (s) => {
      create(s).responses["422"].content["application/json"].schema = structuredClone(schemas(s).problem);
    },
    changes: [],
    bumps: NONE,
  },
  {
    name: "3.0 spelling of nullable rewritten as 3.1 type null",
    edit: (s) => {
      s.openapi = "3.0.3";
      schemas(s).sessionCreate.properties.note = { type: "string", nullable: true };
    },
    changes: ["patch openapi-version-changed"],
    bumps: PATCH,
  },

  // Docs only.
  {
    name: "operation description",
    edit: (s) => {
      detail(s).description = "Fetches one session.";
    },
    changes: ["patch description-changed"],
    bumps: PATCH,
  },
  {
    name: "schema property example",
    edit: (s) => {
      schemas(s).sessionDetail.properties.id.example = "s_2";
    },
    changes: ["patch example-changed"],
    bumps: PATCH,
  },
  {
    name: "vendor extension without behaviour",
    edit: (s) => {
      create(s)["x-internal-owner"] = "team-a";
    },
    changes: ["patch extension-changed"],
    bumps: PATCH,
  },
  {
    name: "API version in info",
    edit: (s) => {
      s.info.version = "1.1.0";
    },
    changes: ["patch api-version-changed"],
    bumps: PATCH,
  },
  {
    name: "response narrowed by a tighter constraint",
    edit: (s) => {
      schemas(s).sessionDetail.properties.token.maxLength = 40;
    },
    changes: ["patch response-constraint-narrowed"],
    bumps: PATCH,
  },

  // Operations.
  {
    name: "operation removed",
    edit: (s) => {
      delete s.paths["/sessions/{id}"].delete;
    },
    changes: ["breaking operation-removed"],
    bumps: MAJOR,
  },
  {
    name: "operation added",
    edit: (s) => {
      s.paths["/sessions/{id}"].patch = {
        operationId: "touchSession",
        tags: ["Sessions"],
        responses: { "204": { description: "Touched." } },
      };
    },
    changes: ["minor operation-added"],
    bumps: MINOR,
  },
  {
    name: "operationId renamed",
    edit: (s) => {
      detail(s).operationId = "getSession";
    },
    changes: ["breaking operation-id-changed"],
    bumps: MAJOR,
  },
  {
    name: "operation moved to another tag (client property)",
    edit: (s) => {
      detail(s).tags = ["Admin"];
    },
    changes: ["breaking operation-tag-changed"],
    bumps: MAJOR,
  },
  {
    name: "endpoint moved, operationIds kept",
    edit: (s) => {
      s.paths["/session/{id}"] = s.paths["/sessions/{id}"];
      delete s.paths["/sessions/{id}"];
    },
    changes: ["breaking operation-moved", "breaking operation-moved"],
    bumps: MAJOR,
  },
  {
    name: "deprecation added",
    edit: (s) => {
      remove(s).deprecated = true;
    },
    changes: ["minor deprecated"],
    bumps: MINOR,
  },
  {
    name: "tag added",
    edit: (s) => {
      s.tags.push({ name: "Admin" });
    },
    changes: ["minor tag-added"],
    bumps: MINOR,
  },
  {
    name: "component schema added",
    edit: (s) => {
      schemas(s).device = { type: "object" };
    },
    changes: ["minor schema-added"],
    bumps: MINOR,
  },

  // Parameters.
  {
    name: "optional parameter added",
    edit: (s) => {
      list(s).parameters.push({ name: "user", in: "query", schema: { type: "string" } });
    },
    changes: ["minor parameter-added"],
    bumps: MINOR,
  },
  {
    name: "required parameter added",
    edit: (s) => {
      list(s).parameters.push({ name: "user", in: "query", required: true, schema: { type: "string" } });
    },
    changes: ["breaking parameter-added-required"],
    bumps: MAJOR,
  },
  {
    name: "parameter removed",
    edit: (s) => {
      list(s).parameters.splice(1, 1);
      delete list(s)["x-pagination"];
    },
    changes: ["breaking parameter-removed", "breaking pagination-removed"],
    bumps: MAJOR,
  },
  {
    name: "parameter made required",
    edit: (s) => {
      limit(s).required = true;
    },
    changes: ["breaking parameter-became-required"],
    bumps: MAJOR,
  },
  {
    name: "shared parameter made optional (reported at the component)",
    edit: (s) => {
      s.components.parameters.tenant.required = false;
    },
    changes: ["minor parameter-became-optional"],
    bumps: MINOR,
  },
  {
    name: "parameter moved from query to header",
    edit: (s) => {
      limit(s).in = "header";
    },
    changes: ["breaking parameter-location-changed"],
    bumps: MAJOR,
  },
  {
    name: "parameter style changed",
    edit: (s) => {
      limit(s).style = "deepObject";
    },
    changes: ["breaking parameter-style-changed"],
    bumps: MAJOR,
  },
  {
    name: "explicit default style is no change",
    edit: (s) => {
      limit(s).style = "form";
      limit(s).explode = true;
    },
    changes: [],
    bumps: NONE,
  },
  {
    name: "path parameter renamed",
    edit: (s) => {
      const item = s.paths["/sessions/{id}"];
      delete s.paths["/sessions/{id}"];
      item.parameters[0].name = "sessionId";
      s.paths["/sessions/{sessionId}"] = item;
    },
    changes: ["breaking parameter-renamed", "breaking parameter-renamed"],
    bumps: MAJOR,
  },
  {
    name: "request default changed",
    edit: (s) => {
      limit(s).schema.default = 50;
    },
    changes: ["breaking request-default-changed"],
    bumps: MAJOR,
  },

  // Request bodies (sessionCreate is request-only).
  {
    name: "required request field added",
    edit: (s) => {
      schemas(s).sessionCreate.properties.device = { type: "string" };
      schemas(s).sessionCreate.required.push("device");
    },
    changes: ["breaking request-property-added-required"],
    bumps: MAJOR,
  },
  {
    name: "optional request field added",
    edit: (s) => {
      schemas(s).sessionCreate.properties.device = { type: "string" };
    },
    changes: ["minor request-property-added"],
    bumps: MINOR,
  },
  {
    name: "request field removed",
    edit: (s) => {
      delete schemas(s).sessionCreate.properties.ttl;
    },
    changes: ["breaking request-property-removed"],
    bumps: MAJOR,
  },
  {
    name: "request field made read-only",
    edit: (s) => {
      schemas(s).sessionCreate.properties.ttl.readOnly = true;
    },
    changes: ["breaking request-property-removed"],
    bumps: MAJOR,
  },
  {
    name: "request body removed",
    edit: (s) => {
      delete create(s).requestBody;
    },
    changes: ["breaking request-body-removed"],
    bumps: MAJOR,
  },
  {
    name: "optional request body added",
    edit: (s) => {
      remove(s).requestBody = {
        content: { "application/json": { schema: { type: "object", properties: { reason: { type: "string" } } } } },
      };
    },
    changes: ["minor request-body-added"],
    bumps: MINOR,
  },
  {
    name: "request extra fields forbidden",
    edit: (s) => {
      schemas(s).sessionCreate.additionalProperties = false;
    },
    changes: ["breaking request-extra-fields-narrowed"],
    bumps: MAJOR,
  },
  {
    name: "request body made optional",
    edit: (s) => {
      create(s).requestBody.required = false;
    },
    changes: ["minor request-body-became-optional"],
    bumps: MINOR,
  },
  {
    name: "request content type added",
    edit: (s) => {
      create(s).requestBody.content["application/x-www-form-urlencoded"] = {
        schema: { $ref: "#/components/schemas/sessionCreate" },
      };
    },
    changes: ["minor request-content-type-added"],
    bumps: MINOR,
  },
  {
    name: "request type changed string -> integer",
    edit: (s) => {
      schemas(s).sessionCreate.properties.user = { type: "integer" };
    },
    changes: ["breaking type-changed"],
    bumps: MAJOR,
  },
  {
    name: "request type narrowed number -> integer",
    edit: (s) => {
      schemas(s).sessionCreate.properties.ttl.type = "integer";
    },
    changes: ["breaking request-type-narrowed"],
    bumps: MAJOR,
  },
  {
    name: "request type widened integer -> number (query)",
    edit: (s) => {
      limit(s).schema.type = "number";
    },
    changes: ["minor request-type-widened"],
    bumps: MINOR,
  },
  {
    name: "request nullable removed",
    edit: (s) => {
      schemas(s).sessionCreate.properties.note.type = "string";
    },
    changes: ["breaking request-nullable-removed"],
    bumps: MAJOR,
  },
  {
    name: "request nullable added",
    edit: (s) => {
      schemas(s).sessionCreate.properties.ttl.type = ["number", "null"];
    },
    changes: ["minor request-nullable-added"],
    bumps: MINOR,
  },
  {
    name: "request maxLength lowered",
    edit: (s) => {
      schemas(s).sessionCreate.properties.user.maxLength = 32;
    },
    changes: ["breaking request-constraint-narrowed"],
    bumps: MAJOR,
  },
  {
    name: "request maxLength raised",
    edit: (s) => {
      schemas(s).sessionCreate.properties.user.maxLength = 128;
    },
    changes: ["minor request-constraint-widened"],
    bumps: MINOR,
  },
  {
    name: "request minimum raised",
    edit: (s) => {
      schemas(s).sessionCreate.properties.ttl.minimum = 120;
    },
    changes: ["breaking request-constraint-narrowed"],
    bumps: MAJOR,
  },
  {
    name: "request minimum made exclusive (3.1 form)",
    edit: (s) => {
      delete schemas(s).sessionCreate.properties.ttl.minimum;
      schemas(s).sessionCreate.properties.ttl.exclusiveMinimum = 60;
    },
    changes: ["breaking request-constraint-narrowed"],
    bumps: MAJOR,
  },
  {
    name: "request pattern added",
    edit: (s) => {
      schemas(s).sessionCreate.properties.user.pattern = "^[a-z]+$";
    },
    changes: ["breaking request-constraint-narrowed"],
    bumps: MAJOR,
  },
  {
    name: "request enum value removed",
    edit: (s) => {
      schemas(s).kind.enum = ["web"];
    },
    changes: ["breaking enum-value-removed"],
    bumps: MAJOR,
  },
  {
    name: "request enum introduced",
    edit: (s) => {
      schemas(s).sessionCreate.properties.user.enum = ["alice", "bob"];
    },
    changes: ["breaking request-enum-added"],
    bumps: MAJOR,
  },
  {
    name: "request enum value added",
    edit: (s) => {
      schemas(s).kind.enum.push("api");
    },
    changes: ["minor request-enum-value-added"],
    bumps: MINOR,
  },

  // Responses (sessionDetail, status, node are response-only).
  {
    name: "response field added",
    edit: (s) => {
      schemas(s).sessionDetail.properties.lastSeen = { type: "string" };
    },
    changes: ["minor response-property-added"],
    bumps: MINOR,
  },
  {
    name: "response field removed (in a $ref'd component used by three operations)",
    edit: (s) => {
      delete schemas(s).sessionDetail.properties.token;
    },
    changes: ["breaking response-property-removed"],
    bumps: MAJOR,
  },
  {
    name: "response field made optional",
    edit: (s) => {
      schemas(s).sessionDetail.required = ["id", "status"];
    },
    changes: ["breaking response-property-became-optional"],
    bumps: MAJOR,
  },
  {
    name: "response field made nullable",
    edit: (s) => {
      schemas(s).sessionDetail.properties.expiresAt.type = ["string", "null"];
    },
    changes: ["breaking response-nullable-added"],
    bumps: MAJOR,
  },
  {
    name: "response type widened integer -> number",
    edit: (s) => {
      schemas(s).sessionList.properties.total.type = "number";
    },
    changes: ["breaking response-type-widened"],
    bumps: MAJOR,
  },
  {
    name: "response format changed",
    edit: (s) => {
      schemas(s).sessionDetail.properties.expiresAt.format = "date";
    },
    changes: ["breaking format-changed"],
    bumps: MAJOR,
  },
  {
    name: "response enum value removed",
    edit: (s) => {
      schemas(s).status.enum = ["active"];
    },
    changes: ["breaking enum-value-removed"],
    bumps: MAJOR,
  },
  {
    name: "response enum value added",
    edit: (s) => {
      schemas(s).status.enum.push("revoked");
    },
    changes: ["breaking response-enum-value-added"],
    bumps: MAJOR,
  },
  {
    name: "response oneOf alternative added",
    edit: (s) => {
      schemas(s).sessionDetail.properties.owner.oneOf.push({ type: "integer" });
    },
    changes: ["breaking response-alternative-added"],
    bumps: MAJOR,
  },
  {
    name: "response oneOf alternative removed",
    edit: (s) => {
      schemas(s).sessionDetail.properties.owner.oneOf.pop();
    },
    changes: ["minor response-alternative-removed"],
    bumps: MINOR,
  },
  {
    name: "response extra fields forbidden",
    edit: (s) => {
      schemas(s).problem.additionalProperties = false;
      return undefined;
    },
    changes: ["minor response-extra-fields-narrowed"],
    bumps: MINOR,
  },
  {
    name: "default added to a field of a request component (the generated type then requires it)",
    edit: (s) => {
      schemas(s).sessionCreate.properties.ttl.default = 3600;
    },
    changes: ["breaking request-property-became-required", "patch default-changed"],
    bumps: MAJOR,
  },
  {
    name: "field added to a recursive schema",
    edit: (s) => {
      schemas(s).node.properties.depth = { type: "integer" };
    },
    changes: ["minor response-property-added"],
    bumps: MINOR,
  },
  {
    name: "recursive schema renamed, structure kept",
    edit: (s) => {
      schemas(s).treeNode = {
        type: "object",
        properties: { name: { type: "string" }, parent: { $ref: "#/components/schemas/treeNode" } },
      };
      delete schemas(s).node;
      schemas(s).sessionDetail.properties.owner.oneOf[0] = { $ref: "#/components/schemas/treeNode" };
    },
    changes: ["breaking schema-renamed"],
    bumps: MAJOR,
  },
  {
    name: "component renamed, structure kept",
    edit: (s) => {
      schemas(s).error = schemas(s).problem;
      delete schemas(s).problem;
      const ref = { $ref: "#/components/schemas/error" };
      s.components.responses.unauthorized.content["application/json"].schema = ref;
      create(s).responses["422"].content["application/json"].schema = ref;
    },
    changes: ["breaking schema-renamed"],
    bumps: MAJOR,
  },
  {
    name: "component used on both sides: maxLength lowered",
    edit: (s) => {
      schemas(s).label.maxLength = 16;
    },
    changes: ["breaking request-constraint-narrowed"],
    bumps: MAJOR,
  },
  {
    name: "component used on both sides: maxLength raised",
    edit: (s) => {
      schemas(s).label.maxLength = 64;
    },
    changes: ["breaking response-constraint-widened"],
    bumps: MAJOR,
  },
  {
    name: "unclassified keyword changed",
    edit: (s) => {
      schemas(s).problem.not = { required: ["secret"] };
    },
    changes: ["breaking schema-changed"],
    bumps: MAJOR,
  },

  // Statuses and media types.
  {
    name: "success status changed 200 -> 201",
    edit: (s) => {
      detail(s).responses["201"] = detail(s).responses["200"];
      delete detail(s).responses["200"];
    },
    changes: ["breaking success-status-changed"],
    bumps: MAJOR,
  },
  {
    name: "success content type changed",
    edit: (s) => {
      const r = create(s).responses["201"];
      r.content = { "application/vnd.api+json": r.content["application/json"] };
    },
    changes: ["breaking response-content-type-removed", "minor response-content-type-added"],
    bumps: MAJOR,
  },
  {
    name: "success response body removed",
    edit: (s) => {
      delete create(s).responses["201"].content;
    },
    changes: ["breaking response-body-removed"],
    bumps: MAJOR,
  },
  {
    name: "error status added",
    edit: (s) => {
      create(s).responses["409"] = { description: "Conflict." };
    },
    changes: ["minor error-status-added"],
    bumps: MINOR,
  },
  {
    name: "error status without body removed",
    edit: (s) => {
      delete detail(s).responses["404"];
    },
    changes: ["minor error-status-removed"],
    bumps: MINOR,
  },
  {
    name: "error status with a typed body removed",
    edit: (s) => {
      delete create(s).responses["422"];
    },
    changes: ["breaking error-status-removed"],
    bumps: MAJOR,
  },
  {
    name: "response header removed",
    edit: (s) => {
      delete list(s).responses["200"].headers;
    },
    changes: ["breaking response-header-removed"],
    bumps: MAJOR,
  },

  // Security.
  {
    name: "operation security scheme replaced",
    edit: (s) => {
      remove(s).security = [{ bearer: [] }];
    },
    changes: ["breaking security-changed"],
    bumps: MAJOR,
  },
  {
    name: "operation scopes changed",
    edit: (s) => {
      remove(s).security = [{ oauth: ["sessions:admin"] }];
    },
    changes: ["breaking security-changed"],
    bumps: MAJOR,
  },
  {
    name: "operation security removed: anyone may call",
    edit: (s) => {
      remove(s).security = [];
    },
    changes: ["minor security-made-optional"],
    bumps: MINOR,
  },
  {
    name: "security alternative added (OR), old one kept",
    edit: (s) => {
      remove(s).security.push({ bearer: [] });
    },
    changes: ["minor security-alternative-added"],
    bumps: MINOR,
  },
  {
    name: "security requirement added (AND)",
    edit: (s) => {
      remove(s).security = [{ oauth: ["sessions:write"], bearer: [] }];
    },
    changes: ["breaking security-changed"],
    bumps: MAJOR,
  },
  {
    name: "global security changed (reported once)",
    edit: (s) => {
      s.security = [{ oauth: ["sessions:read"] }];
    },
    changes: ["breaking security-changed"],
    bumps: MAJOR,
  },
  {
    name: "global security changed while every operation sets its own",
    edit: (s) => {
      for (const op of [list(s), create(s), detail(s)]) op.security = [{ bearer: [] }];
      s.security = [{ oauth: ["sessions:read"] }];
      return s;
    },
    changes: ["patch default-security-changed"],
    bumps: PATCH,
  },
  {
    name: "security scheme added",
    edit: (s) => {
      s.components.securitySchemes.key = { type: "apiKey", in: "header", name: "X-Key" };
    },
    changes: ["minor security-scheme-added"],
    bumps: MINOR,
  },
  {
    name: "security scheme flows changed (docs only)",
    edit: (s) => {
      s.components.securitySchemes.oauth.flows.clientCredentials.tokenUrl = "https://example.com/oauth/token";
    },
    changes: ["patch security-scheme-described"],
    bumps: PATCH,
  },
  {
    name: "security scheme changed how credentials travel",
    edit: (s) => {
      s.components.securitySchemes.bearer = { type: "apiKey", in: "header", name: "X-Key" };
    },
    changes: ["breaking security-scheme-changed"],
    bumps: MAJOR,
  },

  // Servers and pagination.
  {
    name: "server added",
    edit: (s) => {
      s.servers.push({ url: "https://sandbox.example.com/v1" });
    },
    changes: ["minor server-added"],
    bumps: MINOR,
  },
  {
    name: "all servers removed",
    edit: (s) => {
      s.servers = [];
    },
    changes: ["breaking server-removed"],
    bumps: MAJOR,
  },
  {
    name: "server URL changed",
    edit: (s) => {
      s.servers[0].url = "https://{region}.example.com/v2";
    },
    changes: ["minor server-url-changed"],
    bumps: MINOR,
  },
  {
    name: "server variable value removed",
    edit: (s) => {
      s.servers[0].variables.region.enum = ["eu"];
    },
    changes: ["breaking server-variable-value-removed"],
    bumps: MAJOR,
  },
  {
    name: "x-pagination changed",
    edit: (s) => {
      list(s)["x-pagination"].items = "/data";
    },
    changes: ["breaking pagination-changed"],
    bumps: MAJOR,
  },
  {
    name: "x-pagination added",
    edit: (s) => {
      detail(s)["x-pagination"] = { style: "offset", limit: "limit", offset: "offset", items: "/items" };
    },
    changes: ["minor pagination-added"],
    bumps: MINOR,
  },
];
