import { discard } from "./transport.js";
const DEFAULT_MAX_RESPONSE_BYTES = 2 ** 25;
function readLimited(response, max, deadline) {
  const length = response.headers.has("content-encoding") ? null : response.headers.get("content-length");
  if (length === null || !/^\d+$/.test(length))
    return readLimitedBlob(response, max, deadline).then((blob) => blob?.text());
  if (+length <= max) return response.text();
  discard(response);
  return Promise.resolve(void 0);
}
async function readLimitedBlob(response, max, deadline) {
  const reader = response.body?.getReader();
  const chunks = [];
  let size = 0;
  for (let chunk; reader && !(chunk = await reader.read()).done; chunks.push(chunk.value)) {
    if ((size += chunk.value.byteLength) > max || deadline?.stopped) {
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
