import { ValidationError, type Validators } from "./runtime.js";
export { ValidationError };
export type { ValidateOptions, ValidationMode, Validators } from "./runtime.js";
/** A request as the validators see it: header names lower-cased, values already parsed. */
export interface RequestParts {
    path: Record<string, unknown>;
    query: Record<string, unknown>;
    header: Record<string, unknown>;
    body?: unknown;
}
/**
 * The compiled validators of every operation, for the client option
 * `validate: { request: "throw", response: "warn", validators }`.
 */
export declare const validators: Validators;
/** The first way `request` differs from what the operation declares, or undefined when it matches. */
export declare function checkRequest(operationId: string, request: RequestParts): ValidationError | undefined;
/** The first way a response body differs from the schema declared for `status`, or undefined. */
export declare function checkResponse(operationId: string, status: number, body: unknown): ValidationError | undefined;
