/**
 * Opt-in schema validation of requests and 2xx responses. The compiled validators live in the
 * package's "./validate" entry and reach the runtime only through `options.validate.validators`,
 * so a client that does not validate never bundles them.
 */
export type ValidationMode = "throw" | "warn" | "off";

/** What `validators` from a package's "./validate" entry does; the runtime only calls it. */
export interface Validators {
  /** Checks `{ params, body }` as the caller passed it; returns the first mismatch (a ValidationError) or undefined. */
  request(
    operationId: string,
    input: { params?: object | undefined; body?: unknown },
    headers: Readonly<Record<string, string>>,
  ): Error | undefined;
  /** Checks a parsed 2xx body against the operation's declared schema for `status`. */
  response(operationId: string, status: number, body: unknown): Error | undefined;
}

export interface ValidateOptions {
  /** Check each request before it is sent. Default "off". */
  request?: ValidationMode | undefined;
  /** Check each successful response body. Default "off". */
  response?: ValidationMode | undefined;
  /** `validators` from the package's "./validate" entry (`import { validators } from "@apigen/<provider>/validate"`). */
  validators: Validators;
}

/** The options when some check is on; undefined (nothing to do per call) otherwise. */
export function validationOptions(options: ValidateOptions | undefined): ValidateOptions | undefined {
  if (options === undefined || ((options.request ?? "off") === "off" && (options.response ?? "off") === "off"))
    return undefined;
  if (typeof options.validators?.request !== "function")
    throw new Error(
      'validate: pass the package\'s validators, e.g. import { validators } from "@apigen/<provider>/validate"',
    );
  return options;
}

/** The ValidationError class lives with the validators (not in every client's bundle): recognised by its `kind`. */
export function isValidationError(error: unknown): boolean {
  return error instanceof Error && (error as { kind?: unknown }).kind === "validation";
}

function report(mode: ValidationMode | undefined, error: Error | undefined): void {
  if (error === undefined || mode === "off" || mode === undefined) return;
  if (mode === "throw") throw error;
  console.warn(error.message);
}

export function validateRequest(
  v: ValidateOptions,
  operationId: string,
  input: { params?: object | undefined; body?: unknown } | undefined,
  headers: Readonly<Record<string, string>>,
): void {
  if ((v.request ?? "off") !== "off") report(v.request, v.validators.request(operationId, input ?? {}, headers));
}

export function validateResponse(v: ValidateOptions, operationId: string, status: number, body: unknown): void {
  if ((v.response ?? "off") !== "off") report(v.response, v.validators.response(operationId, status, body));
}
