/** The entry point: `createRuntime(definition, options, features)` binds each OperationMeta to a callable operation. */
import type { ApiDefinition, PaginationMeta } from "./definition.js";
import type { CallOptions, ClientOptions } from "./options.js";
import type { BasicEncoder } from "./auth.js";
import type { cookies } from "./cookies.js";
import type { readFile } from "./files.js";
import { type Bound, type FormDataEncoder, type Input, type State } from "./state.js";
import type { VariableFiller } from "./servers.js";
import type { Runtime } from "./types.js";
/** One paging style's walk: yields each page body (pagination.ts's pagers, link-pages.ts's `linkPages`). */
export type Pager = (state: State, op: Bound, input: Input | undefined, call: CallOptions | undefined) => AsyncGenerator<unknown, void, undefined>;
/**
 * Runtime parts only some specs need. The generated client passes those its spec uses, so a bundler
 * leaves the others out of every other client: `formData` (multipart.ts) for multipart bodies,
 * `basicAuth`, `cookies` and `files` (their own modules) for basic schemes, cookies and binary answers,
 * `serverVariables` (servers.ts) for server URLs with `{variables}`, and a pager per paging style (`offsetPages`, `pageNumberPages`, `cursorPages` from pagination.ts,
 * `linkPages` from link-pages.ts).
 */
export interface Features {
    readonly formData?: FormDataEncoder | undefined;
    /** basic-auth.ts: `{ username, password }` credentials for http basic schemes. */
    readonly basicAuth?: BasicEncoder | undefined;
    /** cookies.ts: cookie parameters and apiKeys in cookies. */
    readonly cookies?: typeof cookies | undefined;
    /** files.ts: binary answers as a Blob or a stream. */
    readonly files?: typeof readFile | undefined;
    readonly serverVariables?: VariableFiller | undefined;
    readonly pagers?: Readonly<Partial<Record<NonNullable<PaginationMeta["style"]>, Pager>>> | undefined;
}
export declare function createRuntime<Paths extends {}>(definition: ApiDefinition, options?: ClientOptions, features?: Features): Runtime<Paths>;
