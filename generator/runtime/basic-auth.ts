/**
 * HTTP Basic credentials (RFC 7617): `base64(username:password)` of the UTF-8 bytes. A feature: only
 * clients whose spec declares a basic scheme pass it to createRuntime, so the others never bundle it.
 */
export function basicAuth(credential: { username: string; password: string }): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(`${credential.username}:${credential.password}`))
    binary += String.fromCharCode(byte);
  return btoa(binary);
}
