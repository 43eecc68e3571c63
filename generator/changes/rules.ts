/**
 * Every change rule, in one registry (the oasdiff way): its id (the `kind` of a Change), the
 * levels it may report, what the edit is, and what a TypeScript caller of the generated client
 * sees. The classifiers can only report an id listed here (`finding` takes a RuleId, and checks
 * the level at run time); changelogs and `npm run diff` print the caller sentence; README.md in
 * this folder lists every rule (test/changes/rules.test.ts keeps the two equal).
 */
import type { Level } from "./types.ts";

export interface Rule {
  levels: readonly Level[];
  /** The edit, as a table row names it. */
  edit: string;
  /** What code calling the generated client sees; "" when it sees nothing. */
  caller: string;
}

const B = ["breaking"] as const;
const M = ["minor"] as const;
const P = ["patch"] as const;
const DOCS = "nothing: documentation only";

function rule(levels: readonly Level[], edit: string, caller: string): Rule {
  return { levels, edit, caller };
}

export const RULES = {
  // Operations
  "operation-added": rule(M, "Operation added", "a new method; existing calls are untouched"),
  "operation-removed": rule(B, "Operation removed", "calling the method is a compile error"),
  "operation-moved": rule(
    B,
    "Endpoint moved, same operationId",
    "the method keeps compiling; code using the `./raw` client or the `paths` type with the old path is a compile error",
  ),
  "operation-id-changed": rule(
    B,
    "operationId changed (explicit or derived)",
    "the method name or the `Operations` / `isApiError` key changes: a compile error where it is named",
  ),
  "operation-tag-changed": rule(
    B,
    "First tag changed so the client property changes",
    "`api.a.m` becomes `api.b.m`: a compile error at the old place",
  ),
  "operation-tags-changed": rule(P, "Other tag edits on an operation", "nothing: the method stays where it was"),
  "operation-servers-changed": rule(P, "Operation-level servers changed", "nothing: the client uses the API's servers"),
  "callbacks-changed": rule(P, "Callbacks changed", "nothing: the client does not call them"),
  deprecated: rule(M, "Deprecation added", "an editor strike-through / deprecation hint; code still compiles"),
  undeprecated: rule(P, "Deprecation removed", "the deprecation hint disappears"),
  "pagination-added": rule(M, "`x-pagination` added", "new `pages()` / `items()` helpers; the plain call is unchanged"),
  "pagination-removed": rule(B, "`x-pagination` removed", "calling `pages()` / `items()` is a compile error"),
  "pagination-changed": rule(
    B,
    "`x-pagination` changed",
    "`items()` yields other items: code typed for the old items may not compile",
  ),
  // Parameters
  "parameter-added": rule(M, "Optional parameter added", "a new optional key in `params`; existing calls compile"),
  "parameter-added-required": rule(B, "Required parameter added", "calls without it are a compile error"),
  "parameter-removed": rule(B, "Parameter removed", "calls that pass it are a compile error (excess property)"),
  "parameter-became-required": rule(B, "Parameter made required", "calls without it are a compile error"),
  "parameter-became-optional": rule(M, "Parameter made optional", "existing calls compile"),
  "parameter-renamed": rule(B, "Path parameter renamed", "calls passing the old name are a compile error"),
  "parameter-location-changed": rule(
    B,
    "Parameter moved to another location",
    "calls passing it in the old place are a compile error",
  ),
  "parameter-style-changed": rule(
    B,
    "Parameter style, explode, allowReserved or content type changed",
    "code compiles but the request goes out in a form the server no longer expects",
  ),
  // Request bodies
  "request-body-added": rule(M, "Optional request body added", "existing calls compile"),
  "request-body-added-required": rule(B, "Required request body added", "calls without a body are a compile error"),
  "request-body-removed": rule(B, "Request body removed", "calls that send one are a compile error"),
  "request-body-became-required": rule(B, "Request body made required", "calls without one are a compile error"),
  "request-body-became-optional": rule(M, "Request body made optional", "existing calls compile"),
  "request-content-type-added": rule(M, "Request media type added", "existing calls compile"),
  "request-content-type-removed": rule(
    B,
    "Request media type removed",
    "code compiles (the body type is the same); calls sending that form are rejected by the server",
  ),
  // Responses
  "success-status-changed": rule(
    B,
    "Set of 2xx statuses changed",
    "code compiles when the new status carries the same body (the result type is the union over 2xx bodies), but code that checks the status must change",
  ),
  "error-status-added": rule(M, "Error status added", "`isApiError` narrowing gets more precise; code compiles"),
  "error-status-removed": rule(
    ["breaking", "minor"],
    "Error status removed, with a body / bodiless",
    "code reading that error's typed body is a compile error / nothing to lose",
  ),
  "response-body-added": rule(M, "2xx body added where there was none", "code that ignored `undefined` compiles"),
  "response-body-removed": rule(
    B,
    "2xx body removed",
    "code reading the result is a compile error (it is `undefined`)",
  ),
  "response-content-type-added": rule(
    ["breaking", "minor"],
    "Response media type added: different schema on 2xx / otherwise",
    "the result type widens to a union: property reads may not compile / nothing",
  ),
  "response-content-type-removed": rule(
    B,
    "Response media type removed",
    "code compiles (the result type narrows); code that asked for or parsed that form gets another",
  ),
  "response-header-added": rule(M, "Response header added", "nothing"),
  "response-header-removed": rule(
    B,
    "Response header removed",
    "code compiles (`headers.get` takes any name); reading the header gets null",
  ),
  "response-header-became-optional": rule(
    B,
    "Response header made optional",
    "code compiles (`headers.get` returns `string | null` either way); code reading it must handle a missing value",
  ),
  "response-header-became-required": rule(M, "Response header made required", "nothing: a stronger guarantee"),
  "links-changed": rule(P, "Response links changed", "nothing: the client does not use them"),
  // Fields and schemas
  "request-property-added": rule(M, "Optional request field added", "existing object literals compile"),
  "request-property-added-required": rule(
    B,
    "Required request field added",
    "object literals without it are a compile error",
  ),
  "request-property-removed": rule(
    B,
    "Request field removed (or made readOnly)",
    "object literals that set it are a compile error (excess property)",
  ),
  "request-property-became-required": rule(
    B,
    "Request field made required, or given a default (the generated types require a defaulted field)",
    "object literals without it are a compile error",
  ),
  "request-property-became-optional": rule(M, "Request field made optional", "existing calls compile"),
  "response-property-added": rule(M, "Response field added", "a new field to read; existing code compiles"),
  "response-property-removed": rule(
    B,
    "Response field removed (or made writeOnly)",
    "code that reads it is a compile error",
  ),
  "response-property-became-optional": rule(
    B,
    "Response field made optional, or its default removed",
    "code that uses it without a check is a compile error under strictNullChecks",
  ),
  "response-property-became-required": rule(M, "Response field made required", "nothing: a stronger guarantee"),
  "type-changed": rule(
    B,
    "Type changed outright (string -> integer)",
    "code sending or reading the old type is a compile error",
  ),
  "request-type-narrowed": rule(
    B,
    "Request type narrowed (number -> integer, any -> string)",
    "code compiles when the TypeScript type stays the same (number -> integer are both `number`), but the server rejects values it no longer takes; other narrowings are a compile error",
  ),
  "request-type-widened": rule(M, "Request type widened", "existing calls compile"),
  "response-type-narrowed": rule(M, "Response type narrowed", "existing code compiles"),
  "response-type-widened": rule(
    B,
    "Response type widened (string -> string or integer, integer -> number)",
    "code that reads the value as the old type is a compile error when its TypeScript type widens; integer -> number is `number` either way, so code compiles and may get fractions",
  ),
  "request-nullable-added": rule(M, "Request value made nullable", "existing calls compile"),
  "request-nullable-removed": rule(B, "Request value no longer nullable", "calls sending null are a compile error"),
  "response-nullable-added": rule(
    B,
    "Response value made nullable",
    "code that uses it without a null check is a compile error",
  ),
  "response-nullable-removed": rule(M, "Response value no longer nullable", "nothing: a stronger guarantee"),
  "request-constraint-narrowed": rule(
    B,
    "Request constraint tightened (maxLength lowered, pattern added, ...)",
    "code compiles; values valid before may be rejected",
  ),
  "request-constraint-widened": rule(M, "Request constraint loosened", "nothing"),
  "response-constraint-narrowed": rule(P, "Response constraint tightened", "nothing: validation is not in the types"),
  "response-constraint-widened": rule(
    B,
    "Response constraint loosened",
    "code compiles; returned values may go past what it was built for",
  ),
  "format-changed": rule(B, "format changed", "code compiles; values valid before may not be now"),
  "pattern-changed": rule(B, "pattern changed", "code compiles; values valid before may not be now"),
  "multiple-of-changed": rule(B, "multipleOf changed", "code compiles; values valid before may not be now"),
  "enum-value-removed": rule(B, "Enum value removed", "code sending or comparing with that value is a compile error"),
  "request-enum-value-added": rule(M, "Enum value added to a request", "existing calls compile"),
  "response-enum-value-added": rule(
    B,
    "Enum value added to a response",
    "exhaustive `switch`es and `Record<Union, ...>` are a compile error",
  ),
  "request-enum-added": rule(B, "Enum introduced on a request value", "calls sending other values are a compile error"),
  "request-enum-removed": rule(M, "Enum dropped from a request value", "existing calls compile"),
  "response-enum-added": rule(M, "Enum introduced on a response value", "existing code compiles"),
  "response-enum-removed": rule(
    B,
    "Enum dropped from a response value",
    "code relying on the literal union may not compile",
  ),
  "request-default-changed": rule(
    B,
    "Request default changed",
    "code compiles; calls that leave the field out behave differently",
  ),
  "default-changed": rule(
    P,
    "Default added or removed where the field's presence stays (a parameter, a required field); response default changed",
    DOCS,
  ),
  "request-extra-fields-narrowed": rule(
    B,
    "Extra fields (additionalProperties) narrowed in a request",
    "object literals with extra fields may not compile",
  ),
  "request-extra-fields-widened": rule(M, "Extra fields widened in a request", "existing calls compile"),
  "response-extra-fields-narrowed": rule(
    ["breaking", "minor"],
    "Extra fields narrowed in a response: to none from declared ones (`true` or typed) / otherwise",
    "code reading extra fields by key is a compile error (the index signature is gone) / existing code compiles",
  ),
  "response-extra-fields-widened": rule(M, "Extra fields widened in a response", "existing code compiles"),
  "response-extra-fields-untyped": rule(
    B,
    "Typed extra values become untyped in a response",
    "code reading them as the old type is a compile error",
  ),
  "request-alternative-added": rule(M, "oneOf/anyOf alternative added to a request", "existing calls compile"),
  "request-alternative-removed": rule(
    B,
    "oneOf/anyOf alternative removed from a request",
    "calls sending that alternative are a compile error",
  ),
  "response-alternative-added": rule(
    B,
    "oneOf/anyOf alternative added to a response",
    "the result union grows: narrowing code may not compile",
  ),
  "response-alternative-removed": rule(M, "oneOf/anyOf alternative removed from a response", "existing code compiles"),
  "allof-member-removed": rule(B, "allOf member removed", "code using its fields is a compile error"),
  "request-allof-member-added": rule(
    B,
    "allOf member added to a request",
    "object literals may lack its required fields: a compile error",
  ),
  "response-allof-member-added": rule(
    M,
    "allOf member added to a response",
    "more fields to read; existing code compiles",
  ),
  "discriminator-changed": rule(
    B,
    "Discriminator property changed",
    "narrowing on the old property is a compile error",
  ),
  "discriminator-value-changed": rule(B, "Discriminator tag remapped", "narrowing on the old tag may not compile"),
  "discriminator-value-removed": rule(B, "Discriminator tag removed", "narrowing on that tag is a compile error"),
  "request-discriminator-value-added": rule(M, "Discriminator tag added in a request", "existing calls compile"),
  "response-discriminator-value-added": rule(
    B,
    "Discriminator tag added in a response",
    "exhaustive narrowing is a compile error",
  ),
  "schema-changed": rule(B, "Unknown schema keyword changed", "unknown: treated as breaking to be safe"),
  // Components
  "schema-added": rule(M, "Schema component added", "a new exported type"),
  "schema-removed": rule(B, "Schema component removed", 'code naming `components["schemas"]["x"]` is a compile error'),
  "schema-renamed": rule(
    B,
    "Schema component renamed, structure unchanged",
    "calls compile; code naming the old component is a compile error",
  ),
  "component-notes-changed": rule(P, "Shared examples, links or other notes changed", DOCS),
  // Security
  "security-changed": rule(
    B,
    "Operation or global security alternatives changed",
    "code compiles; callers configured for the old credentials are rejected",
  ),
  "security-alternative-added": rule(M, "Security alternative added, all old ones kept", "nothing: one more way in"),
  "security-made-optional": rule(
    M,
    "Operation no longer requires authentication",
    "nothing: credentials still sent are accepted",
  ),
  "default-security-changed": rule(P, "Global security changed, no operation inherits it", "nothing"),
  "security-scheme-added": rule(M, "Security scheme added", "a new optional key of the `auth` option"),
  "security-scheme-removed": rule(
    B,
    "Security scheme removed or renamed",
    "an `auth` option naming it is a compile error",
  ),
  "security-scheme-changed": rule(
    B,
    "How credentials travel changed (type, in, name, HTTP scheme)",
    "code compiles; the credentials are sent another way",
  ),
  "security-scheme-described": rule(
    P,
    "Security scheme flows, URLs or description changed",
    "nothing: the client never obtains tokens itself",
  ),
  // Servers
  "server-added": rule(M, "Server added", "a new `server.index`"),
  "server-removed": rule(
    B,
    "Server removed from the end",
    "`server: { index }` naming it is a compile error (and would throw)",
  ),
  "server-url-changed": rule(M, "Server URL changed at the same index", "code compiles and talks to the new URL"),
  "server-variable-added": rule(M, "Server variable added", "a new optional variable"),
  "server-variable-removed": rule(B, "Server variable removed", "a `variables` object setting it is a compile error"),
  "server-variable-value-added": rule(M, "Server variable value added", "nothing"),
  "server-variable-value-removed": rule(B, "Server variable value removed", "setting that value is a compile error"),
  "server-variable-default-changed": rule(
    M,
    "Server variable default changed",
    "code compiles; the default URL changes",
  ),
  // Documentation and the rest
  "description-changed": rule(P, "Description or summary changed", DOCS),
  "example-changed": rule(P, "Examples changed", DOCS),
  "extension-changed": rule(P, "Other `x-` extension changed", DOCS),
  "xml-changed": rule(P, "XML notes changed", DOCS),
  "info-changed": rule(P, "Title, description, contact or license changed", DOCS),
  "api-version-changed": rule(P, "`info.version` changed", DOCS),
  "openapi-version-changed": rule(P, "`openapi` version changed", "nothing: only what the spec describes counts"),
  "webhooks-changed": rule(P, "Webhooks changed", "nothing: the client does not receive webhooks"),
  "tag-added": rule(M, "Tag declared", "a new group in the docs"),
  "tag-removed": rule(P, "Tag no longer declared", "nothing: the client's groups come from operations"),
  "unclassified-change": rule(B, "Anything unclassified", "unknown: treated as breaking to be safe"),
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** The registry as a markdown table, the one README.md carries. */
export function rulesTable(): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  const rows = Object.entries(RULES).map(
    ([id, r]) => `| \`${id}\` | ${r.levels.join(" / ")} | ${cell(r.edit)} | ${cell(r.caller)} |`,
  );
  return ["| Rule | Level | Edit | What a TypeScript caller sees |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
