/**
 * The table for verdicts.test.ts: for each (rule, level) of generator/changes/rules.ts, an old spec
 * (the base, or the base with `old` applied), the edit that makes the new one, a caller written
 * against the old package, and whether it compiles against the new one. `runtime` marks a verdict
 * the types cannot show (what goes over the wire, or what the server accepts), with the reason.
 */
import type { RuleId } from "../../generator/changes/rules.ts";
import type { Level } from "../../generator/changes/types.ts";

export type Json = Record<string, any>;

export interface VerdictCase {
  rule: RuleId;
  /** The level the rule reports for this edit (and the highest of the whole diff). */
  level: Level;
  /** Turns the base spec into the old spec, when the rule needs something the base lacks. */
  old?: (spec: Json) => void;
  /** Turns a copy of the old spec into the new one. */
  edit: (spec: Json) => void;
  /** The body of `async (api: DemoClient) => { ... }`, written against the old package. */
  caller: string;
  /** Whether the caller compiles against the new package. */
  compiles: boolean;
  /** Why the compiler cannot decide this verdict (the break, if any, is at run time); absent: it can. */
  runtime?: string;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ "application/json": { schema } });

export function baseSpec(): Json {
  return {
    openapi: "3.1.0",
    info: { title: "Demo", version: "1.0.0" },
    servers: [
      { url: "https://eu.example.com" },
      { url: "https://{region}.example.com", variables: { region: { default: "eu", enum: ["eu", "us"] } } },
    ],
    security: [{ key: [] }],
    paths: {
      "/items/{id}": {
        get: {
          operationId: "getItem",
          tags: ["items"],
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "verbose", in: "query", schema: { type: "boolean" } },
          ],
          responses: {
            "200": {
              description: "The item.",
              headers: { "X-Rate-Limit": { required: true, schema: { type: "integer" } } },
              content: json(ref("item")),
            },
            "404": {
              description: "No such item.",
              content: json({ type: "object", required: ["message"], properties: { message: { type: "string" } } }),
            },
          },
        },
      },
      "/items": {
        get: {
          operationId: "listItems",
          tags: ["items"],
          parameters: [
            { name: "limit", in: "query", schema: { type: "integer" } },
            { name: "offset", in: "query", schema: { type: "integer" } },
          ],
          "x-pagination": { style: "offset", limit: "limit", offset: "offset", items: "/items" },
          responses: { "200": { description: "A page of items.", content: json(ref("itemList")) } },
        },
        post: {
          operationId: "createItem",
          tags: ["items"],
          requestBody: { required: true, content: json(ref("itemCreate")) },
          responses: { "201": { description: "Created.", content: json(ref("item")) } },
        },
      },
    },
    components: {
      securitySchemes: {
        key: { type: "apiKey", in: "header", name: "X-Key" },
        token: { type: "http", scheme: "bearer" },
      },
      schemas: {
        // Response only (getItem, listItems, createItem's 201).
        item: {
          type: "object",
          required: ["id", "name", "status"],
          properties: {
            id: { type: "string" },
            name: { type: "string", maxLength: 64 },
            status: { type: "string", enum: ["active", "closed"] },
            size: { type: "number" },
            owner: { oneOf: [{ type: "string" }, { type: "integer" }] },
            meta: { type: "object", additionalProperties: { type: "string" } },
            stamp: { allOf: [ref("byline"), ref("audit")] },
            pet: ref("pet"),
          },
        },
        itemList: {
          type: "object",
          required: ["items", "names"],
          properties: {
            items: { type: "array", items: ref("item") },
            names: { type: "array", items: { type: "string" } },
          },
        },
        // Request only.
        itemCreate: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: "string", maxLength: 64 },
            note: { type: "string" },
            quantity: { type: "number" },
            kind: { type: "string", enum: ["web", "cli"] },
            ref: { oneOf: [{ type: "string" }, { type: "integer" }] },
            stamp: { allOf: [ref("byline"), { type: "object", properties: { tag: { type: "string" } } }] },
          },
        },
        byline: { type: "object", properties: { by: { type: "string" } } },
        audit: { type: "object", required: ["at"], properties: { at: { type: "string" } } },
        pet: {
          oneOf: [ref("cat"), ref("dog")],
          discriminator: {
            propertyName: "kind",
            mapping: { cat: "#/components/schemas/cat", dog: "#/components/schemas/dog" },
          },
        },
        cat: {
          type: "object",
          required: ["kind", "meow"],
          properties: { kind: { type: "string" }, meow: { type: "boolean" } },
        },
        dog: {
          type: "object",
          required: ["kind", "bark"],
          properties: { kind: { type: "string" }, bark: { type: "boolean" } },
        },
        legacy: { type: "object", properties: { code: { type: "string" } } },
      },
    },
  };
}

const get = (s: Json) => s.paths["/items/{id}"].get;
const list = (s: Json) => s.paths["/items"].get;
const post = (s: Json) => s.paths["/items"].post;
const schemas = (s: Json) => s.components.schemas;
const item = (s: Json) => s.components.schemas.item;
const create = (s: Json) => s.components.schemas.itemCreate;
const region = (s: Json) => s.servers[1].variables.region;

const READ = `const item = await api.items.getItem({ params: { path: { id: "1" } } });`;
const CREATE = `await api.items.createItem({ body: { name: "n" } });`;
const send = (fields: string) => `await api.items.createItem({ body: { name: "n", ${fields} } });`;
const read = (line: string) => `${READ}\n${line}`;
const NOT_FOUND = `try {
  ${READ}
  void item;
} catch (error) {
  if (isApiError(error, "getItem") && error.status === 404) console.log(error.body.message);
}`;
const PET_SWITCH = read(`const pet = item.pet;
if (pet) switch (pet.kind) {
  case "cat": break;
  case "dog": break;
  default: { const unreachable: never = pet; void unreachable; }
}`);

const WIRE = "the TypeScript types stay the same; what changes is what the server accepts";

export const verdictCases: VerdictCase[] = [
  // Operations
  {
    rule: "operation-removed",
    level: "breaking",
    edit: (s) => delete s.paths["/items/{id}"],
    caller: READ,
    compiles: false,
  },
  {
    rule: "operation-added",
    level: "minor",
    edit: (s) =>
      (s.paths["/health"] = {
        get: { operationId: "health", tags: ["items"], responses: { "204": { description: "Up." } } },
      }),
    caller: READ,
    compiles: true,
  },
  {
    rule: "operation-moved",
    level: "breaking",
    edit: (s) => {
      s.paths["/things/{id}"] = s.paths["/items/{id}"];
      delete s.paths["/items/{id}"];
    },
    caller: `${READ}\n// What the ./raw entry's calls are typed by: the old path is gone from it.\ntype ItemGet = paths["/items/{id}"]["get"];\nconst old: ItemGet | undefined = undefined;\nvoid old;`,
    compiles: false,
  },
  {
    rule: "operation-id-changed",
    level: "breaking",
    edit: (s) => (get(s).operationId = "fetchItem"),
    caller: READ,
    compiles: false,
  },
  {
    rule: "operation-tag-changed",
    level: "breaking",
    edit: (s) => (get(s).tags = ["things"]),
    caller: READ,
    compiles: false,
  },
  {
    rule: "operation-tags-changed",
    level: "patch",
    edit: (s) => get(s).tags.push("extra"),
    caller: READ,
    compiles: true,
  },
  {
    rule: "operation-servers-changed",
    level: "patch",
    edit: (s) => (get(s).servers = [{ url: "https://items.example.com" }]),
    caller: READ,
    compiles: true,
    runtime: "the client sends every request to the API's servers; operation-level servers are documentation",
  },
  {
    rule: "callbacks-changed",
    level: "patch",
    edit: (s) =>
      (post(s).callbacks = {
        done: { "{$request.body#/note}": { post: { responses: { "200": { description: "Seen." } } } } },
      }),
    caller: CREATE,
    compiles: true,
    runtime: "callbacks are requests the server makes; the client neither sends nor types them",
  },
  {
    rule: "deprecated",
    level: "minor",
    edit: (s) => (get(s).deprecated = true),
    caller: READ,
    compiles: true,
  },
  {
    rule: "undeprecated",
    level: "patch",
    old: (s) => (get(s).deprecated = true),
    edit: (s) => delete get(s).deprecated,
    caller: READ,
    compiles: true,
  },
  {
    rule: "pagination-added",
    level: "minor",
    old: (s) => delete list(s)["x-pagination"],
    edit: (s) => (list(s)["x-pagination"] = { style: "offset", limit: "limit", offset: "offset", items: "/items" }),
    caller: `const page = await api.items.listItems();\nconst first: string | undefined = page.items[0]?.id;`,
    compiles: true,
  },
  {
    rule: "pagination-removed",
    level: "breaking",
    edit: (s) => delete list(s)["x-pagination"],
    caller: `for await (const item of api.items.listItems.items()) console.log(item.id);`,
    compiles: false,
  },
  {
    rule: "pagination-changed",
    level: "breaking",
    edit: (s) => (list(s)["x-pagination"].items = "/names"),
    caller: `for await (const item of api.items.listItems.items()) console.log(item.id);`,
    compiles: false,
  },
  // Parameters
  {
    rule: "parameter-added",
    level: "minor",
    edit: (s) => get(s).parameters.push({ name: "fields", in: "query", schema: { type: "string" } }),
    caller: READ,
    compiles: true,
  },
  {
    rule: "parameter-added-required",
    level: "breaking",
    edit: (s) => get(s).parameters.push({ name: "tenant", in: "query", required: true, schema: { type: "string" } }),
    caller: READ,
    compiles: false,
  },
  {
    rule: "parameter-removed",
    level: "breaking",
    edit: (s) => get(s).parameters.pop(),
    caller: `await api.items.getItem({ params: { path: { id: "1" }, query: { verbose: true } } });`,
    compiles: false,
  },
  {
    rule: "parameter-became-required",
    level: "breaking",
    edit: (s) => (get(s).parameters[1].required = true),
    caller: READ,
    compiles: false,
  },
  {
    rule: "parameter-became-optional",
    level: "minor",
    old: (s) => (get(s).parameters[1].required = true),
    edit: (s) => (get(s).parameters[1].required = false),
    caller: `await api.items.getItem({ params: { path: { id: "1" }, query: { verbose: true } } });`,
    compiles: true,
  },
  {
    rule: "parameter-renamed",
    level: "breaking",
    edit: (s) => {
      const path = s.paths["/items/{id}"];
      path.get.parameters[0].name = "itemId";
      s.paths["/items/{itemId}"] = path;
      delete s.paths["/items/{id}"];
    },
    caller: READ,
    compiles: false,
  },
  {
    rule: "parameter-location-changed",
    level: "breaking",
    edit: (s) => (get(s).parameters[1].in = "header"),
    caller: `await api.items.getItem({ params: { path: { id: "1" }, query: { verbose: true } } });`,
    compiles: false,
  },
  {
    rule: "parameter-style-changed",
    level: "breaking",
    edit: (s) => (get(s).parameters[1].style = "deepObject"),
    caller: `await api.items.getItem({ params: { path: { id: "1" }, query: { verbose: true } } });`,
    compiles: true,
    runtime: "the parameter's type is the same; the client serialises it in the new style the server expects",
  },
  // Request bodies
  {
    rule: "request-body-added",
    level: "minor",
    old: (s) => delete post(s).requestBody,
    edit: (s) => (post(s).requestBody = { required: false, content: json(ref("itemCreate")) }),
    caller: `await api.items.createItem();`,
    compiles: true,
  },
  {
    rule: "request-body-added-required",
    level: "breaking",
    old: (s) => delete post(s).requestBody,
    edit: (s) => (post(s).requestBody = { required: true, content: json(ref("itemCreate")) }),
    caller: `await api.items.createItem();`,
    compiles: false,
  },
  {
    rule: "request-body-removed",
    level: "breaking",
    edit: (s) => delete post(s).requestBody,
    caller: CREATE,
    compiles: false,
  },
  {
    rule: "request-body-became-required",
    level: "breaking",
    old: (s) => (post(s).requestBody.required = false),
    edit: (s) => (post(s).requestBody.required = true),
    caller: `await api.items.createItem();`,
    compiles: false,
  },
  {
    rule: "request-body-became-optional",
    level: "minor",
    edit: (s) => (post(s).requestBody.required = false),
    caller: CREATE,
    compiles: true,
  },
  {
    rule: "request-content-type-added",
    level: "minor",
    edit: (s) => (post(s).requestBody.content["application/x-www-form-urlencoded"] = { schema: ref("itemCreate") }),
    caller: CREATE,
    compiles: true,
  },
  {
    rule: "request-content-type-removed",
    level: "breaking",
    old: (s) => (post(s).requestBody.content["application/x-www-form-urlencoded"] = { schema: ref("itemCreate") }),
    edit: (s) => delete post(s).requestBody.content["application/x-www-form-urlencoded"],
    caller: CREATE,
    compiles: true,
    runtime: "the body type is the same schema; clients that send the removed media type are rejected by the server",
  },
  // Responses
  {
    rule: "success-status-changed",
    level: "breaking",
    edit: (s) => (get(s).responses = { "203": get(s).responses["200"], "404": get(s).responses["404"] }),
    caller: read(`const name: string = item.name;`),
    compiles: true,
    runtime: "the result type is the union over 2xx bodies, the same here; code that checks the status sees another",
  },
  {
    rule: "error-status-added",
    level: "minor",
    edit: (s) => (get(s).responses["409"] = { description: "Conflict." }),
    caller: NOT_FOUND,
    compiles: true,
  },
  {
    rule: "error-status-removed",
    level: "breaking",
    edit: (s) => delete get(s).responses["404"],
    caller: NOT_FOUND,
    compiles: false,
  },
  {
    rule: "error-status-removed",
    level: "minor",
    old: (s) => (get(s).responses["409"] = { description: "Conflict." }),
    edit: (s) => delete get(s).responses["409"],
    caller: `try {\n  ${READ}\n  void item;\n} catch (error) {\n  if (isApiError(error, "getItem")) console.log(error.status);\n}`,
    compiles: true,
  },
  {
    rule: "response-body-added",
    level: "minor",
    old: (s) => delete get(s).responses["200"].content,
    edit: (s) => (get(s).responses["200"].content = json(ref("item"))),
    caller: read(`void item;`),
    compiles: true,
  },
  {
    rule: "response-body-removed",
    level: "breaking",
    edit: (s) => delete get(s).responses["200"].content,
    caller: read(`const name: string = item.name;`),
    compiles: false,
  },
  {
    rule: "response-content-type-added",
    level: "breaking",
    edit: (s) => (get(s).responses["200"].content["text/plain"] = { schema: { type: "string" } }),
    caller: read(`const name: string = item.name;`),
    compiles: false,
  },
  {
    rule: "response-content-type-added",
    level: "minor",
    edit: (s) => (get(s).responses["200"].content["application/vnd.item+json"] = { schema: ref("item") }),
    caller: read(`const name: string = item.name;`),
    compiles: true,
  },
  {
    rule: "response-content-type-removed",
    level: "breaking",
    old: (s) => (get(s).responses["200"].content["text/plain"] = { schema: { type: "string" } }),
    edit: (s) => delete get(s).responses["200"].content["text/plain"],
    caller: read(`const name: string = typeof item === "string" ? item : item.name;`),
    compiles: true,
    runtime: "the result type only narrows; code that asked for or parsed the removed form gets another",
  },
  {
    rule: "response-header-added",
    level: "minor",
    edit: (s) => (get(s).responses["200"].headers["X-Trace"] = { schema: { type: "string" } }),
    caller: `const { headers } = await api.items.getItem.withResponse({ params: { path: { id: "1" } } });\nconst limit: string | null = headers.get("X-Rate-Limit");`,
    compiles: true,
  },
  {
    rule: "response-header-removed",
    level: "breaking",
    edit: (s) => delete get(s).responses["200"].headers["X-Rate-Limit"],
    caller: `const { headers } = await api.items.getItem.withResponse({ params: { path: { id: "1" } } });\nconst limit: string | null = headers.get("X-Rate-Limit");`,
    compiles: true,
    runtime: "headers.get takes any name and returns string | null; a header the server stops sending reads as null",
  },
  {
    rule: "response-header-became-optional",
    level: "breaking",
    edit: (s) => (get(s).responses["200"].headers["X-Rate-Limit"].required = false),
    caller: `const { headers } = await api.items.getItem.withResponse({ params: { path: { id: "1" } } });\nconst limit: string | null = headers.get("X-Rate-Limit");`,
    compiles: true,
    runtime: "headers.get returns string | null whether the header is required or not; a missing one reads as null",
  },
  {
    rule: "response-header-became-required",
    level: "minor",
    old: (s) => (get(s).responses["200"].headers["X-Rate-Limit"].required = false),
    edit: (s) => (get(s).responses["200"].headers["X-Rate-Limit"].required = true),
    caller: `const { headers } = await api.items.getItem.withResponse({ params: { path: { id: "1" } } });\nconst limit: string | null = headers.get("X-Rate-Limit");`,
    compiles: true,
  },
  {
    rule: "links-changed",
    level: "patch",
    edit: (s) => (get(s).responses["200"].links = { self: { operationId: "getItem" } }),
    caller: READ,
    compiles: true,
    runtime: "links are documentation; the client does not follow them",
  },
  // Request fields
  {
    rule: "request-property-added",
    level: "minor",
    edit: (s) => (create(s).properties.owner = { type: "string" }),
    caller: CREATE,
    compiles: true,
  },
  {
    rule: "request-property-added-required",
    level: "breaking",
    edit: (s) => {
      create(s).properties.owner = { type: "string" };
      create(s).required.push("owner");
    },
    caller: CREATE,
    compiles: false,
  },
  {
    rule: "request-property-removed",
    level: "breaking",
    edit: (s) => delete create(s).properties.note,
    caller: send(`note: "x"`),
    compiles: false,
  },
  {
    rule: "request-property-became-required",
    level: "breaking",
    edit: (s) => create(s).required.push("note"),
    caller: CREATE,
    compiles: false,
  },
  {
    rule: "request-property-became-required",
    level: "breaking",
    edit: (s) => (create(s).properties.quantity.default = 1),
    caller: CREATE,
    compiles: false,
  },
  {
    rule: "request-property-became-optional",
    level: "minor",
    edit: (s) => (create(s).required = []),
    caller: CREATE,
    compiles: true,
  },
  // Response fields
  {
    rule: "response-property-added",
    level: "minor",
    edit: (s) => (item(s).properties.color = { type: "string" }),
    caller: read(`const name: string = item.name;`),
    compiles: true,
  },
  {
    rule: "response-property-removed",
    level: "breaking",
    edit: (s) => delete item(s).properties.size,
    caller: read(`const size: number | undefined = item.size;`),
    compiles: false,
  },
  {
    rule: "response-property-became-optional",
    level: "breaking",
    edit: (s) => (item(s).required = ["id", "status"]),
    caller: read(`const name: string = item.name;`),
    compiles: false,
  },
  {
    rule: "response-property-became-optional",
    level: "breaking",
    old: (s) => (item(s).properties.size.default = 0),
    edit: (s) => delete item(s).properties.size.default,
    caller: read(`const size: number = item.size;`),
    compiles: false,
  },
  {
    rule: "response-property-became-required",
    level: "minor",
    edit: (s) => item(s).required.push("size"),
    caller: read(`const size: number | undefined = item.size;`),
    compiles: true,
  },
  // Types
  {
    rule: "type-changed",
    level: "breaking",
    edit: (s) => (item(s).properties.size = { type: "string" }),
    caller: read(`const size: number = item.size ?? 0;`),
    compiles: false,
  },
  {
    rule: "request-type-narrowed",
    level: "breaking",
    edit: (s) => (create(s).properties.quantity = { type: "integer" }),
    caller: send(`quantity: 1.5`),
    compiles: true,
    runtime: "number and integer are both `number` in TypeScript; the server rejects the fraction",
  },
  {
    rule: "request-type-narrowed",
    level: "breaking",
    edit: (s) => (create(s).properties.ref = { type: "string" }),
    caller: send(`ref: 1`),
    compiles: false,
  },
  {
    rule: "request-type-widened",
    level: "minor",
    edit: (s) => (create(s).properties.note = { type: ["string", "integer"] }),
    caller: send(`note: "x"`),
    compiles: true,
  },
  {
    rule: "response-type-narrowed",
    level: "minor",
    edit: (s) => (item(s).properties.size = { type: "integer" }),
    caller: read(`const size: number = item.size ?? 0;`),
    compiles: true,
  },
  {
    rule: "response-type-widened",
    level: "breaking",
    edit: (s) => (item(s).properties.id = { type: ["string", "integer"] }),
    caller: read(`const id: string = item.id;`),
    compiles: false,
  },
  {
    rule: "response-type-widened",
    level: "breaking",
    old: (s) => (item(s).properties.size = { type: "integer" }),
    edit: (s) => (item(s).properties.size = { type: "number" }),
    caller: read(`const size: number = item.size ?? 0;`),
    compiles: true,
    runtime: "integer and number are both `number` in TypeScript; code built for whole numbers may now get fractions",
  },
  {
    rule: "request-nullable-added",
    level: "minor",
    edit: (s) => (create(s).properties.note = { type: ["string", "null"] }),
    caller: send(`note: "x"`),
    compiles: true,
  },
  {
    rule: "request-nullable-removed",
    level: "breaking",
    old: (s) => (create(s).properties.note = { type: ["string", "null"] }),
    edit: (s) => (create(s).properties.note = { type: "string" }),
    caller: send(`note: null`),
    compiles: false,
  },
  {
    rule: "response-nullable-added",
    level: "breaking",
    edit: (s) => (item(s).properties.name = { type: ["string", "null"], maxLength: 64 }),
    caller: read(`const length: number = item.name.length;`),
    compiles: false,
  },
  {
    rule: "response-nullable-removed",
    level: "minor",
    old: (s) => (item(s).properties.name = { type: ["string", "null"], maxLength: 64 }),
    edit: (s) => (item(s).properties.name = { type: "string", maxLength: 64 }),
    caller: read(`const name: string | null = item.name;`),
    compiles: true,
  },
  // Constraints
  {
    rule: "request-constraint-narrowed",
    level: "breaking",
    edit: (s) => (create(s).properties.name.maxLength = 3),
    caller: CREATE,
    compiles: true,
    runtime: WIRE,
  },
  {
    rule: "request-constraint-widened",
    level: "minor",
    edit: (s) => (create(s).properties.name.maxLength = 128),
    caller: CREATE,
    compiles: true,
  },
  {
    rule: "response-constraint-narrowed",
    level: "patch",
    edit: (s) => (item(s).properties.name.maxLength = 32),
    caller: read(`const name: string = item.name;`),
    compiles: true,
  },
  {
    rule: "response-constraint-widened",
    level: "breaking",
    edit: (s) => (item(s).properties.name.maxLength = 128),
    caller: read(`const name: string = item.name;`),
    compiles: true,
    runtime: "validation is not in the types; longer names may overflow what the caller stores them in",
  },
  {
    rule: "format-changed",
    level: "breaking",
    old: (s) => (create(s).properties.note.format = "email"),
    edit: (s) => (create(s).properties.note.format = "uri"),
    caller: send(`note: "a@example.com"`),
    compiles: true,
    runtime: WIRE,
  },
  {
    rule: "pattern-changed",
    level: "breaking",
    old: (s) => (create(s).properties.note.pattern = "^[a-z]+$"),
    edit: (s) => (create(s).properties.note.pattern = "^[0-9]+$"),
    caller: send(`note: "abc"`),
    compiles: true,
    runtime: WIRE,
  },
  {
    rule: "multiple-of-changed",
    level: "breaking",
    old: (s) => (create(s).properties.quantity.multipleOf = 2),
    edit: (s) => (create(s).properties.quantity.multipleOf = 3),
    caller: send(`quantity: 4`),
    compiles: true,
    runtime: WIRE,
  },
  // Enums
  {
    rule: "enum-value-removed",
    level: "breaking",
    edit: (s) => item(s).properties.status.enum.pop(),
    caller: read(`if (item.status === "closed") console.log("closed");`),
    compiles: false,
  },
  {
    rule: "request-enum-value-added",
    level: "minor",
    edit: (s) => create(s).properties.kind.enum.push("api"),
    caller: send(`kind: "web"`),
    compiles: true,
  },
  {
    rule: "response-enum-value-added",
    level: "breaking",
    edit: (s) => item(s).properties.status.enum.push("archived"),
    caller: read(
      `switch (item.status) {\n  case "active": break;\n  case "closed": break;\n  default: { const unreachable: never = item.status; void unreachable; }\n}`,
    ),
    compiles: false,
  },
  {
    rule: "request-enum-added",
    level: "breaking",
    edit: (s) => (create(s).properties.name.enum = ["a", "b"]),
    caller: CREATE,
    compiles: false,
  },
  {
    rule: "request-enum-removed",
    level: "minor",
    edit: (s) => delete create(s).properties.kind.enum,
    caller: send(`kind: "web"`),
    compiles: true,
  },
  {
    rule: "response-enum-added",
    level: "minor",
    edit: (s) => (item(s).properties.id.enum = ["a", "b"]),
    caller: read(`const id: string = item.id;`),
    compiles: true,
  },
  {
    rule: "response-enum-removed",
    level: "breaking",
    edit: (s) => delete item(s).properties.status.enum,
    caller: read(
      `switch (item.status) {\n  case "active": break;\n  case "closed": break;\n  default: { const unreachable: never = item.status; void unreachable; }\n}`,
    ),
    compiles: false,
  },
  // Defaults
  {
    rule: "request-default-changed",
    level: "breaking",
    old: (s) => (create(s).properties.quantity.default = 1),
    edit: (s) => (create(s).properties.quantity.default = 2),
    caller: send(`quantity: 1`),
    compiles: true,
    runtime:
      "the default's value is not in the types; calls that leave the field out get another value from the server",
  },
  {
    rule: "default-changed",
    level: "patch",
    edit: (s) => (get(s).parameters[1].schema.default = false),
    caller: READ,
    compiles: true,
  },
  {
    rule: "default-changed",
    level: "patch",
    old: (s) => (post(s).requestBody.content = json({ type: "object", properties: { name: { type: "string" } } })),
    edit: (s) => (post(s).requestBody.content["application/json"].schema.properties.name.default = "n"),
    caller: `await api.items.createItem({ body: {} });`,
    compiles: true,
  },
  // Extra fields
  {
    rule: "request-extra-fields-narrowed",
    level: "breaking",
    old: (s) => (create(s).additionalProperties = true),
    edit: (s) => (create(s).additionalProperties = false),
    caller: send(`extra: 1`),
    compiles: false,
  },
  {
    rule: "request-extra-fields-widened",
    level: "minor",
    old: (s) => (create(s).additionalProperties = false),
    edit: (s) => (create(s).additionalProperties = true),
    caller: CREATE,
    compiles: true,
  },
  {
    rule: "response-extra-fields-narrowed",
    level: "minor",
    edit: (s) => (item(s).additionalProperties = false),
    caller: read(`const name: string = item.name;`),
    compiles: true,
  },
  {
    rule: "response-extra-fields-narrowed",
    level: "breaking",
    edit: (s) => (item(s).properties.meta.additionalProperties = false),
    caller: read(`const value: string | undefined = item.meta?.["k"];`),
    compiles: false,
  },
  {
    rule: "response-extra-fields-widened",
    level: "minor",
    old: (s) => (item(s).properties.meta.additionalProperties = false),
    edit: (s) => (item(s).properties.meta.additionalProperties = { type: "string" }),
    caller: read(`const meta: object | undefined = item.meta;`),
    compiles: true,
  },
  {
    rule: "response-extra-fields-untyped",
    level: "breaking",
    edit: (s) => (item(s).properties.meta.additionalProperties = true),
    caller: read(`const value: string | undefined = item.meta?.["k"];`),
    compiles: false,
  },
  // oneOf / anyOf
  {
    rule: "request-alternative-added",
    level: "minor",
    edit: (s) => create(s).properties.ref.oneOf.push({ type: "boolean" }),
    caller: send(`ref: 1`),
    compiles: true,
  },
  {
    rule: "request-alternative-removed",
    level: "breaking",
    edit: (s) => create(s).properties.ref.oneOf.pop(),
    caller: send(`ref: 1`),
    compiles: false,
  },
  {
    rule: "response-alternative-added",
    level: "breaking",
    edit: (s) => item(s).properties.owner.oneOf.push({ type: "boolean" }),
    caller: read(`const owner: string | number | undefined = item.owner;`),
    compiles: false,
  },
  {
    rule: "response-alternative-removed",
    level: "minor",
    edit: (s) => item(s).properties.owner.oneOf.pop(),
    caller: read(`const owner: string | number | undefined = item.owner;`),
    compiles: true,
  },
  // allOf
  {
    rule: "allof-member-removed",
    level: "breaking",
    edit: (s) => item(s).properties.stamp.allOf.pop(),
    caller: read(`const at: string | undefined = item.stamp?.at;`),
    compiles: false,
  },
  {
    rule: "request-allof-member-added",
    level: "breaking",
    edit: (s) => create(s).properties.stamp.allOf.push(ref("audit")),
    caller: send(`stamp: { by: "me" }`),
    compiles: false,
  },
  {
    rule: "response-allof-member-added",
    level: "minor",
    edit: (s) => item(s).properties.stamp.allOf.push({ type: "object", properties: { note: { type: "string" } } }),
    caller: read(`const at: string | undefined = item.stamp?.at;`),
    compiles: true,
  },
  // Discriminators
  {
    rule: "discriminator-changed",
    level: "breaking",
    edit: (s) => {
      schemas(s).pet.discriminator.propertyName = "type";
      for (const name of ["cat", "dog"]) {
        schemas(s)[name].properties.type = { type: "string" };
        schemas(s)[name].required.push("type");
      }
    },
    caller: PET_SWITCH,
    compiles: false,
  },
  {
    rule: "discriminator-value-changed",
    level: "breaking",
    edit: (s) => {
      schemas(s).lion = {
        type: "object",
        required: ["kind", "roar"],
        properties: { kind: { type: "string" }, roar: { type: "boolean" } },
      };
      schemas(s).pet.oneOf[0] = ref("lion");
      schemas(s).pet.discriminator.mapping.cat = "#/components/schemas/lion";
    },
    caller: read(`if (item.pet?.kind === "cat") console.log(item.pet.meow);`),
    compiles: false,
  },
  {
    rule: "discriminator-value-removed",
    level: "breaking",
    edit: (s) => {
      schemas(s).pet.oneOf.pop();
      delete schemas(s).pet.discriminator.mapping.dog;
    },
    caller: read(`if (item.pet?.kind === "dog") console.log(item.pet.bark);`),
    compiles: false,
  },
  {
    rule: "request-discriminator-value-added",
    level: "minor",
    old: (s) => {
      delete item(s).properties.pet;
      create(s).properties.pet = ref("pet");
    },
    edit: (s) => {
      schemas(s).bird = { type: "object", required: ["kind"], properties: { kind: { type: "string" } } };
      schemas(s).pet.oneOf.push(ref("bird"));
      schemas(s).pet.discriminator.mapping.bird = "#/components/schemas/bird";
    },
    caller: send(`pet: { kind: "cat", meow: true }`),
    compiles: true,
  },
  {
    rule: "response-discriminator-value-added",
    level: "breaking",
    edit: (s) => {
      schemas(s).bird = { type: "object", required: ["kind"], properties: { kind: { type: "string" } } };
      schemas(s).pet.oneOf.push(ref("bird"));
      schemas(s).pet.discriminator.mapping.bird = "#/components/schemas/bird";
    },
    caller: PET_SWITCH,
    compiles: false,
  },
  {
    rule: "schema-changed",
    level: "breaking",
    edit: (s) => (create(s).properties.note.not = { const: "none" }),
    caller: send(`note: "none"`),
    compiles: true,
    runtime: "`not` and other keywords the types do not show: the server may now reject values that compile",
  },
  // Components
  {
    rule: "schema-added",
    level: "minor",
    edit: (s) => (schemas(s).extra = { type: "string" }),
    caller: `type Legacy = components["schemas"]["legacy"];\nconst legacy: Legacy = {};\nvoid legacy;`,
    compiles: true,
  },
  {
    rule: "schema-removed",
    level: "breaking",
    edit: (s) => delete schemas(s).legacy,
    caller: `type Legacy = components["schemas"]["legacy"];\nconst legacy: Legacy = {};\nvoid legacy;`,
    compiles: false,
  },
  {
    rule: "schema-renamed",
    level: "breaking",
    edit: (s) => {
      schemas(s).legacyItem = schemas(s).legacy;
      delete schemas(s).legacy;
    },
    caller: `type Legacy = components["schemas"]["legacy"];\nconst legacy: Legacy = {};\nvoid legacy;`,
    compiles: false,
  },
  {
    rule: "component-notes-changed",
    level: "patch",
    edit: (s) => (s.components.examples = { one: { value: { name: "n" } } }),
    caller: CREATE,
    compiles: true,
  },
  // Security
  {
    rule: "security-changed",
    level: "breaking",
    edit: (s) => (get(s).security = [{ token: [] }]),
    caller: `const api2 = createDemoClient({ auth: { key: "k" } });\nawait api2.items.getItem({ params: { path: { id: "1" } } });\nvoid api;`,
    compiles: true,
    runtime: "`auth` takes any declared scheme; which one a request needs is decided at run time",
  },
  {
    rule: "security-alternative-added",
    level: "minor",
    edit: (s) => s.security.push({ token: [] }),
    caller: `void createDemoClient({ auth: { key: "k" } });`,
    compiles: true,
  },
  {
    rule: "security-made-optional",
    level: "minor",
    edit: (s) => (get(s).security = []),
    caller: `const api2 = createDemoClient({ auth: { key: "k" } });\nawait api2.items.getItem({ params: { path: { id: "1" } } });\nvoid api;`,
    compiles: true,
  },
  {
    rule: "default-security-changed",
    level: "patch",
    old: (s) => {
      for (const op of [get(s), list(s), post(s)]) op.security = [{ key: [] }];
    },
    edit: (s) => (s.security = [{ token: [] }]),
    caller: `void createDemoClient({ auth: { key: "k" } });`,
    compiles: true,
  },
  {
    rule: "security-scheme-added",
    level: "minor",
    edit: (s) => (s.components.securitySchemes.basic = { type: "http", scheme: "basic" }),
    caller: `void createDemoClient({ auth: { key: "k", token: "t" } });`,
    compiles: true,
  },
  {
    rule: "security-scheme-removed",
    level: "breaking",
    edit: (s) => delete s.components.securitySchemes.token,
    caller: `void createDemoClient({ auth: { key: "k", token: "t" } });`,
    compiles: false,
  },
  {
    rule: "security-scheme-changed",
    level: "breaking",
    edit: (s) => (s.components.securitySchemes.key.in = "query"),
    caller: `void createDemoClient({ auth: { key: "k" } });`,
    compiles: true,
    runtime: "the credential is the same string; the client now sends it in the query, as the server expects",
  },
  {
    rule: "security-scheme-described",
    level: "patch",
    edit: (s) => (s.components.securitySchemes.token.description = "A bearer token."),
    caller: `void createDemoClient({ auth: { token: "t" } });`,
    compiles: true,
  },
  // Servers
  {
    rule: "server-added",
    level: "minor",
    edit: (s) => s.servers.push({ url: "https://ap.example.com" }),
    caller: `void createDemoClient({ server: { index: 1 } });`,
    compiles: true,
  },
  {
    rule: "server-removed",
    level: "breaking",
    edit: (s) => s.servers.pop(),
    caller: `void createDemoClient({ server: { index: 1 } });`,
    compiles: false,
  },
  {
    rule: "server-url-changed",
    level: "minor",
    edit: (s) => (s.servers[0].url = "https://eu2.example.com"),
    caller: `void createDemoClient({ server: { index: 0 } });`,
    compiles: true,
    runtime: "the URL is a value in the client, not a type; calls go to the URL the provider now documents",
  },
  {
    rule: "server-variable-added",
    level: "minor",
    edit: (s) => {
      s.servers[1].url = "https://{region}.example.com/{version}";
      s.servers[1].variables.version = { default: "v1" };
    },
    caller: `void createDemoClient({ server: { index: 1, variables: { region: "us" } } });`,
    compiles: true,
  },
  {
    rule: "server-variable-removed",
    level: "breaking",
    edit: (s) => (s.servers[1] = { url: "https://eu.example.com" }),
    caller: `void createDemoClient({ server: { index: 1, variables: { region: "us" } } });`,
    compiles: false,
  },
  {
    rule: "server-variable-value-added",
    level: "minor",
    edit: (s) => region(s).enum.push("ap"),
    caller: `void createDemoClient({ server: { index: 1, variables: { region: "us" } } });`,
    compiles: true,
  },
  {
    rule: "server-variable-value-removed",
    level: "breaking",
    edit: (s) => region(s).enum.pop(),
    caller: `void createDemoClient({ server: { index: 1, variables: { region: "us" } } });`,
    compiles: false,
  },
  {
    rule: "server-variable-default-changed",
    level: "minor",
    edit: (s) => (region(s).default = "us"),
    caller: `void createDemoClient({ server: { index: 1 } });`,
    compiles: true,
    runtime: "the default is a value in the client, not a type; calls that leave the variable out go elsewhere",
  },
  // Documentation and the rest
  {
    rule: "description-changed",
    level: "patch",
    edit: (s) => (get(s).description = "Reads one item."),
    caller: READ,
    compiles: true,
  },
  {
    rule: "example-changed",
    level: "patch",
    edit: (s) => (create(s).properties.name.examples = ["Box"]),
    caller: CREATE,
    compiles: true,
  },
  {
    rule: "extension-changed",
    level: "patch",
    edit: (s) => (post(s)["x-owner"] = "team-a"),
    caller: CREATE,
    compiles: true,
  },
  {
    rule: "xml-changed",
    level: "patch",
    edit: (s) => (item(s).xml = { name: "Item" }),
    caller: read(`const name: string = item.name;`),
    compiles: true,
  },
  {
    rule: "info-changed",
    level: "patch",
    edit: (s) => (s.info.description = "A demo API."),
    caller: READ,
    compiles: true,
  },
  {
    rule: "api-version-changed",
    level: "patch",
    edit: (s) => (s.info.version = "1.1.0"),
    caller: READ,
    compiles: true,
  },
  {
    rule: "openapi-version-changed",
    level: "patch",
    edit: (s) => (s.openapi = "3.1.1"),
    caller: READ,
    compiles: true,
  },
  {
    rule: "webhooks-changed",
    level: "patch",
    edit: (s) => (s.webhooks = { itemCreated: { post: { responses: { "200": { description: "Seen." } } } } }),
    caller: READ,
    compiles: true,
    runtime: "webhooks are requests the server makes; the client neither receives nor types them",
  },
  {
    rule: "tag-added",
    level: "minor",
    edit: (s) => (s.tags = [{ name: "items", description: "Items." }]),
    caller: READ,
    compiles: true,
  },
  {
    rule: "tag-removed",
    level: "patch",
    old: (s) => (s.tags = [{ name: "items", description: "Items." }]),
    edit: (s) => delete s.tags,
    caller: READ,
    compiles: true,
  },
  {
    rule: "unclassified-change",
    level: "breaking",
    edit: (s) => (post(s).requestBody.content["application/json"].encoding = { note: { contentType: "text/plain" } }),
    caller: CREATE,
    compiles: true,
    runtime: "a keyword apigen does not classify (here a body's `encoding`) is not in the types: breaking, to be safe",
  },
];
