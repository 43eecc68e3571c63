function basicAuth(credential) {
  let binary = "";
  for (const byte of new TextEncoder().encode(`${credential.username}:${credential.password}`))
    binary += String.fromCharCode(byte);
  return btoa(binary);
}
export {
  basicAuth
};
