const DEFAULT_MAX_RESPONSE_BYTES = 2 ** 25;
function statedLength(response) {
  const headers = response.headers;
  if (headers.has("content-encoding")) return void 0;
  const length = headers.get("content-length");
  return length !== null && /^\d+$/.test(length) ? Number(length) : void 0;
}
async function readLimited(response, max) {
  const length = statedLength(response);
  if (length === void 0) return (await readLimitedBlob(response, max))?.text();
  if (length > max) return tooLarge(response);
  return response.text();
}
async function readLimitedBlob(response, max) {
  const length = statedLength(response);
  if (length !== void 0) return length > max ? tooLarge(response) : response.blob();
  const reader = response.body?.getReader();
  const chunks = [];
  let size = 0;
  for (let chunk; reader && !(chunk = await reader.read()).done; chunks.push(chunk.value)) {
    if ((size += chunk.value.byteLength) > max) {
      reader.cancel().catch(() => void 0);
      return void 0;
    }
  }
  return new Blob(chunks, { type: response.headers.get("content-type") ?? "" });
}
function tooLarge(response) {
  response.body?.cancel().catch(() => void 0);
  return void 0;
}
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  readLimited,
  readLimitedBlob
};
