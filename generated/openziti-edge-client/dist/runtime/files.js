import { NetworkError, ResponseTooLargeError } from "./errors.js";
import { readLimitedBlob } from "./limits.js";
async function readFile(operationId, response, maxBytes, stream, deadline) {
  if (stream === true) return response.body;
  const blob = await readLimitedBlob(response, maxBytes, deadline).catch((error) => {
    throw new NetworkError(operationId, error);
  });
  if (blob === void 0) throw new ResponseTooLargeError(operationId, maxBytes);
  return blob;
}
export {
  readFile
};
