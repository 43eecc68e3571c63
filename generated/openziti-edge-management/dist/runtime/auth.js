function bindAuth(definition, auth, meta, basic) {
  const alternatives = [];
  for (const set of meta.security) {
    if (set.length === 0) continue;
    const parts = [];
    for (const key of set) {
      const scheme = definition.securitySchemes[key];
      if (scheme === void 0) throw new Error(`${meta.id}: unknown security scheme "${key}"`);
      const credential = auth?.[key];
      if (credential === void 0) break;
      parts.push(credentialPart(meta.id, key, scheme, credential, basic));
    }
    if (parts.length === set.length) alternatives.push(parts);
  }
  const first = alternatives[0];
  return {
    staticAuth: first?.every((p) => p.value !== void 0) ? first.map((p) => ({ place: p.place, name: p.name, value: p.value })) : void 0,
    auth: alternatives
  };
}
function credentialPart(opId, key, scheme, credential, basic) {
  let place = "header", name = "authorization", prefix = "Bearer ";
  if (scheme.type === "apiKey") {
    place = scheme.in;
    name = place === "header" ? scheme.name.toLowerCase() : scheme.name;
    prefix = "";
  } else if (scheme.type === "http") {
    const s = scheme.scheme.toLowerCase();
    prefix = s === "bearer" ? "Bearer " : s === "basic" ? "Basic " : `${scheme.scheme} `;
  }
  if (typeof credential === "function") return { place, name, prefix, value: void 0, provider: credential };
  if (typeof credential === "string") return { place, name, prefix, value: prefix + credential, provider: void 0 };
  if (prefix !== "Basic " || basic === void 0)
    throw new TypeError(`${opId}: credential for "${key}" must be a string or a provider`);
  return { place, name, prefix, value: prefix + basic(credential), provider: void 0 };
}
async function resolveAuth(alternatives) {
  next: for (const parts of alternatives) {
    const applied = [];
    for (const part of parts) {
      let value = part.value;
      if (part.provider !== void 0) {
        const raw = await part.provider();
        if (!raw) continue next;
        value = part.prefix + raw;
      }
      applied.push({ place: part.place, name: part.name, value });
    }
    return applied;
  }
  return void 0;
}
function applyCredentials(credentials, target) {
  for (const c of credentials) {
    if (c.place === "header") target.headers[c.name] = c.value;
    else if (c.place === "query")
      target.query += `${target.query ? "&" : ""}${encodeURIComponent(c.name)}=${encodeURIComponent(c.value)}`;
    else target.cookie += `; ${c.name}=${c.value}`;
  }
}
function credentialCarriers(definition) {
  const headers = ["authorization", "proxy-authorization", "cookie"];
  const query = [];
  for (const key in definition.securitySchemes) {
    const s = definition.securitySchemes[key];
    if (s?.type === "apiKey" && s.in === "header") headers.push(s.name.toLowerCase());
    if (s?.type === "apiKey" && s.in === "query") query.push(s.name);
  }
  return { headers, query };
}
export {
  applyCredentials,
  bindAuth,
  credentialCarriers,
  resolveAuth
};
