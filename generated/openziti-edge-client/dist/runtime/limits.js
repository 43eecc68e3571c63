const DEFAULT_MAX_RESPONSE_BYTES = 2 ** 25;
async function readLimited(response, max) {
  return (await readLimitedBlob(response, max))?.text();
}
async function readLimitedBlob(response, max) {
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
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  readLimited,
  readLimitedBlob
};
