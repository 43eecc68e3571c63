// Copied by apigen from its client runtime (generator/runtime/validate.ts). Do not edit.
/**
 * Opt-in schema validation of requests and 2xx responses. The compiled validators live in the
 * package's "./validate" entry, whose client factory passes them in `options.validate.validators`,
 * so a client created from the main entry never bundles them.
 */
import type { ClientOptions, Logger } from "./options.js";

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

/** The `validate` option of the client factory from a package's "./validate" entry. */
export interface ValidateOptions {
  /** Check each request before it is sent ("throw": a ValidationError, "warn": `logger.warn`). Default "off". */
  request?: ValidationMode | undefined;
  /** Check each successful JSON response body ("throw": a ValidationError, "warn": `logger.warn`). Default "off". */
  response?: ValidationMode | undefined;
}

/** The main entry's `validate` option: the modes plus the compiled validators, which only "./validate" has. */
export interface ValidateWithValidators extends ValidateOptions {
  /**
   * `validators` from the package's "./validate" entry. Simpler: create the client with that entry's
   * factory (`import { create...Client } from "@apigen/<provider>/validate"`), which passes them for you.
   */
  validators: Validators;
}

/** What a validating client keeps: the modes that are on ("off" dropped), the validators, and where warnings go. */
export interface Validation {
  readonly request: "throw" | "warn" | undefined;
  readonly response: "throw" | "warn" | undefined;
  readonly validators: Validators;
  /** The client's logger (console when none is given). */
  readonly logger: Pick<Logger, "warn">;
}

function on(mode: ValidationMode | undefined): "throw" | "warn" | undefined {
  return mode === "off" ? undefined : mode;
}

/** Set when some check is on; undefined (nothing to do per call) otherwise. */
export function validationOptions(options: ClientOptions): Validation | undefined {
  const v = options.validate;
  const request = on(v?.request);
  const response = on(v?.response);
  if (!request && !response) return undefined;
  if (!v?.validators) throw new Error('validate: import the client from "@apigen/<provider>/validate"');
  // The mode is the switch for these warnings: they go to the logger whatever logLevel says.
  return { request, response, validators: v.validators, logger: options.logger ?? console };
}

/** The ValidationError class lives with the validators (not in every client's bundle): recognised by its `kind`. */
export function isValidationError(error: unknown): boolean {
  return (error as { kind?: unknown } | undefined)?.kind === "validation";
}

/** A mismatch the validators found, under a mode that is on: thrown, or warned about. */
export function report(v: Validation, mode: "throw" | "warn", error: Error | undefined): void {
  if (error === undefined) return;
  if (mode === "throw") throw error;
  v.logger.warn(error.message, error);
}
