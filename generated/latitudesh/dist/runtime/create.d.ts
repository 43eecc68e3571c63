import type { ApiDefinition } from "./definition.js";
import type { ClientOptions } from "./options.js";
import type { Runtime } from "./types.js";
export declare function createRuntime<Paths extends {}>(definition: ApiDefinition, options?: ClientOptions): Runtime<Paths>;
