function on(mode) {
  return mode === "off" ? void 0 : mode;
}
function validationOptions(options) {
  const v = options.validate;
  const request = on(v?.request);
  const response = on(v?.response);
  if (!request && !response) return void 0;
  if (!v?.validators) throw new Error('validate: import the client from "@apigen/<provider>/validate"');
  return { request, response, validators: v.validators, logger: options.logger ?? console };
}
function isValidationError(error) {
  return error?.kind === "validation";
}
function report(v, mode, error) {
  if (error === void 0) return;
  if (mode === "throw") throw error;
  v.logger.warn(error.message, error);
}
export {
  isValidationError,
  report,
  validationOptions
};
