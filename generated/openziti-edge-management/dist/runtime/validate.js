function validationOptions(options) {
  const v = options.validate;
  if (v === void 0 || (v.request ?? "off") === "off" && (v.response ?? "off") === "off") return void 0;
  if (!v.validators) throw new Error('validate: import the client from "@apigen/<provider>/validate"');
  return { ...v, logger: options.logger ?? console };
}
function isValidationError(error) {
  return error?.kind === "validation";
}
function report(v, mode, error) {
  if (error === void 0 || mode === "off" || mode === void 0) return;
  if (mode === "throw") throw error;
  v.logger.warn(error.message, error);
}
function validateRequest(v, operationId, input, headers) {
  if ((v.request ?? "off") !== "off") report(v, v.request, v.validators.request(operationId, input ?? {}, headers));
}
function validateResponse(v, operationId, status, body) {
  if ((v.response ?? "off") !== "off") report(v, v.response, v.validators.response(operationId, status, body));
}
export {
  isValidationError,
  validateRequest,
  validateResponse,
  validationOptions
};
