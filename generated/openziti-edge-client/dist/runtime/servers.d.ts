/** The base URL: `baseUrl`, or a spec server with its `{variables}` filled and enum-checked. */
import type { ApiDefinition } from "./definition.js";
import type { ClientOptions } from "./options.js";
export declare function resolveBaseUrl(definition: ApiDefinition, options: ClientOptions): string;
