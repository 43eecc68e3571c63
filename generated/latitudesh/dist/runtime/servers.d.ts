/** The base URL: `baseUrl`, or a spec server with its `{variables}` filled and enum-checked. */
import type { ApiDefinition, ServerDef } from "./definition.js";
import type { ClientOptions } from "./options.js";
/** serverVariables below, as createRuntime is given it (only by clients whose spec servers have variables). */
export type VariableFiller = (server: ServerDef, given: Readonly<Record<string, string | undefined>>) => string;
/** Reads `baseUrl` and `server` only (the raw client passes just those). */
export declare function resolveBaseUrl(definition: ApiDefinition, options: Pick<ClientOptions, "baseUrl" | "server">, fill: VariableFiller | undefined): string;
/** The `serverVariables` feature: a server's URL with its `{variables}` filled (given, else default) and enum-checked. */
export declare function serverVariables(server: ServerDef, given: Readonly<Record<string, string | undefined>>): string;
