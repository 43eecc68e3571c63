/**
 * The named types a package exports beside its client: one per schema
 * (`vpn_session_with_password` -> `VpnSessionWithPassword`) and four per
 * operation (`GetVpnSessionsParams`, `...Body`, `...Result`, `...Error`).
 * Every name is unique within the package's index, which also exports the
 * client's own types and the runtime's, so none shadows or clashes with another.
 */
import { pascalCase, unique } from "../shared/names.ts";
import type { ApiIR } from "./types.ts";

/** Names the package index exports whatever the spec holds (client.ts, runtime and schema re-exports). */
const FIXED_EXPORTS = [
  "Operations",
  "SecuritySchemeName",
  "ServerOption",
  "isApiError",
  "ApiError",
  "NetworkError",
  "TimeoutError",
  "ApiErrorOf",
  "CallOptions",
  "ClientOptions",
  "Credential",
  "Operation",
  "PaginatedOperation",
  "ResponseData",
  "RetryOptions",
  "ServerChoice",
  "DEFAULT_TIMEOUT_MS",
  "Logger",
  "LogLevel",
  "ValidateOptions",
  "ValidationMode",
  "WithResponse",
  "paths",
  "components",
  "operations",
  "webhooks",
  "$defs",
  // Imported by client.ts, in the same scope as the named types.
  "Client",
  "ApiDefinition",
  "ApiErrorGuard",
  "OperationParams",
  "Method",
  "MethodWithOptionalParams",
];

export interface OperationTypeNames {
  /** The first argument: `{ params, body }`. */
  params: string;
  /** The request body, when the operation takes one. */
  body?: string;
  /** The 2xx body. */
  result: string;
  /** The union of the bodies of the declared error responses. */
  error: string;
}

export interface ExportedNames {
  /** By schema name (the key under components.schemas). */
  models: Map<string, string>;
  /** By operationId. */
  operations: Map<string, OperationTypeNames>;
}

export function exportedNames(
  ir: Pick<ApiIR, "factoryName" | "clientTypeName" | "tags" | "models" | "operations">,
): ExportedNames {
  const taken = new Set([
    ...FIXED_EXPORTS,
    ir.factoryName,
    ir.clientTypeName,
    `${ir.clientTypeName}Options`,
    ...ir.tags.map((t) => t.typeName),
  ]);
  // A schema named like an export of every package (`apiError`) reads better as `ApiErrorModel` than `ApiError2`.
  const models = new Map(
    ir.models.map((m) => {
      const base = pascalCase(m.name);
      return [m.name, unique(taken.has(base) && !taken.has(`${base}Model`) ? `${base}Model` : base, taken)];
    }),
  );
  const operations = new Map<string, OperationTypeNames>();
  for (const op of ir.operations) {
    const base = pascalCase(op.methodName);
    const suffixes =
      op.requestBody === undefined ? ["Params", "Result", "Error"] : ["Params", "Body", "Result", "Error"];
    let stem = base;
    for (let n = 2; suffixes.some((s) => taken.has(stem + s)); n++) stem = `${base}${n}`;
    for (const s of suffixes) taken.add(stem + s);
    operations.set(op.id, {
      params: `${stem}Params`,
      body: op.requestBody === undefined ? undefined : `${stem}Body`,
      result: `${stem}Result`,
      error: `${stem}Error`,
    });
  }
  return { models, operations };
}
