/**
 * The loopback server of the client section, run as its own process (forked by
 * client.ts) so it never shares an event loop with the clients it answers.
 * Every request gets the same small JSON:API body; the port goes back over IPC.
 */
import { createServer } from "node:http";
import { BODY, TOKEN } from "./client-body.ts";

const bytes = Buffer.from(BODY);
const HEADERS = { "content-type": "application/vnd.api+json", "content-length": String(bytes.length) };

if (process.send !== undefined) {
  let unauthorized = 0;
  const server = createServer({ keepAliveTimeout: 120_000 }, (req, res) => {
    req.resume();
    // Every client is configured with the same credential; a request without it is a bench bug.
    if (req.headers.authorization !== TOKEN) unauthorized++;
    res.writeHead(200, HEADERS);
    res.end(bytes);
  });
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 130_000;
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    process.send!({ port: typeof address === "object" && address !== null ? address.port : 0 });
  });
  process.on("message", (message: unknown) => {
    if (message === "stats") process.send!({ unauthorized });
  });
  process.on("disconnect", () => process.exit(0));
}
