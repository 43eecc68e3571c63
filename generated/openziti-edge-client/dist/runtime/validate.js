function validationOptions(options) {
  if (options === void 0 || (options.request ?? "off") === "off" && (options.response ?? "off") === "off")
    return void 0;
  if (typeof options.validators?.request !== "function")
    throw new Error(
      `validate: pass the package's validators, e.g. import { validators } from "@apigen/<provider>/validate"`
    );
  return options;
}
function isValidationError(error) {
  return error instanceof Error && error.kind === "validation";
}
function report(mode, error) {
  if (error === void 0 || mode === "off" || mode === void 0) return;
  if (mode === "throw") throw error;
  console.warn(error.message);
}
function validateRequest(v, operationId, input, headers) {
  if ((v.request ?? "off") !== "off") report(v.request, v.validators.request(operationId, input ?? {}, headers));
}
function validateResponse(v, operationId, status, body) {
  if ((v.response ?? "off") !== "off") report(v.response, v.validators.response(operationId, status, body));
}
export {
  isValidationError,
  validateRequest,
  validateResponse,
  validationOptions
};
