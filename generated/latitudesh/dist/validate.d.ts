import { type LatitudeshClient, type LatitudeshClientOptions } from "./client.js";
import type { ValidateOptions, Validators } from "./runtime/index.js";
export type { ValidateOptions, ValidationMode, Validators } from "./runtime/index.js";
/** Options of this entry's createLatitudeshClient: as the main entry's, with `validate` taking just the modes. */
export type LatitudeshClientValidatingOptions = Omit<LatitudeshClientOptions, "validate"> & {
    /**
     * Check requests before they are sent and JSON response bodies as they arrive, against the spec:
     * "throw" raises a ValidationError, "warn" reports it through `logger.warn` (console by default) and goes on. Default "off".
     * `validators` replaces this package's compiled validators (for wrapping them); leave it out otherwise.
     */
    validate?: (ValidateOptions & {
        validators?: Validators | undefined;
    }) | undefined;
};
/**
 * Creates the same client as `@apigen/latitudesh`'s createLatitudeshClient, with this package's compiled
 * validators behind its `validate` option. Only an app that imports this entry bundles them.
 *
 * @example
 * const api = createLatitudeshClient({ validate: { request: "throw", response: "warn" } });
 */
export declare function createLatitudeshClient(options?: LatitudeshClientValidatingOptions): LatitudeshClient;
/** A request or response that does not match the operation's schema in the spec. */
export declare class ValidationError extends Error {
    readonly kind: "validation";
    readonly operationId: string;
    readonly direction: "request" | "response";
    /** JSON pointer into the checked value: `/query/filter[location]`, `/body/data/type` (request) or into the body (response). */
    readonly pointer: string;
    /** What the spec expects there, e.g. "must be string". */
    readonly expected: string;
    /** The response's status (responses only). */
    readonly status: number | undefined;
    constructor(operationId: string, direction: "request" | "response", pointer: string, expected: string, status?: number);
}
/** A request as the validators see it: header names lower-cased, values already parsed. */
export interface RequestParts {
    path: Record<string, unknown>;
    query: Record<string, unknown>;
    header: Record<string, unknown>;
    body?: unknown;
}
/**
 * The compiled validators of every operation. This entry's createLatitudeshClient passes them itself; the
 * main entry's takes them as `validate: { request: "throw", response: "warn", validators }`.
 */
export declare const validators: Validators;
/** The first way `request` differs from what the operation declares, or undefined when it matches. */
export declare function checkRequest(operationId: string, request: RequestParts): ValidationError | undefined;
/** The first way a response body differs from the schema declared for `status`, or undefined. */
export declare function checkResponse(operationId: string, status: number, body: unknown): ValidationError | undefined;
