import { text } from "./serialize.js";
function formData(body, encoding) {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    const type = encoding?.[name]?.contentType;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== void 0 && item !== null) appendPart(form, name, item, type);
    }
  }
  return form;
}
function appendPart(form, name, item, type) {
  if (item instanceof Blob) form.append(name, item);
  else if (item instanceof Uint8Array || item instanceof ArrayBuffer)
    form.append(name, new Blob([item], { type: type ?? "application/octet-stream" }), name);
  else {
    const content = typeof item === "object" && !(item instanceof Date) ? JSON.stringify(item) : text(item);
    if (type === void 0 || type.startsWith("text/plain")) form.append(name, content);
    else form.append(name, new Blob([content], { type }));
  }
}
export {
  formData
};
