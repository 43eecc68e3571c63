import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, apigen, tsc } from "../support/run.ts";

/**
 * The uploads fixture (test/fixtures/uploads/openapi.yaml: a multipart upload
 * with a file, a JSON part and an array, a raw-bytes upload, two downloads),
 * generated into an app's node_modules outside the workspace. Its type tests
 * (test/fixtures/uploads/uses.ts) are compiled there with the strictest
 * consumer settings, and the metadata the runtime reads is checked.
 */
const FIXTURE = join(ROOT, "test", "fixtures", "uploads");
let app: string;
let client: string;

beforeAll(async () => {
  app = await mkdtemp(join(tmpdir(), "apigen-uploads-"));
  const pkg = join(app, "node_modules", "@apigen", "files");
  const result = await apigen([
    "generate",
    "--quiet",
    "--spec",
    join(FIXTURE, "openapi.yaml"),
    "--out",
    pkg,
    "--name",
    "files",
  ]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  await symlink(join(ROOT, "node_modules", "openapi-fetch"), join(app, "node_modules", "openapi-fetch"), "dir");
  await cp(join(FIXTURE, "uses.ts"), join(app, "uses.ts"));
  await writeFile(join(app, "package.json"), JSON.stringify({ name: "uploads-app", private: true, type: "module" }));
  await writeFile(join(app, "tsconfig.json"), JSON.stringify({ compilerOptions: STRICTEST, files: ["uses.ts"] }));
  client = await readFile(join(pkg, "src", "client.ts"), "utf8");
});

/** One operation's entry in the client's metadata table. */
function meta(id: string): string {
  const table = client.slice(client.indexOf("const metadata = ["), client.indexOf("] as const;"));
  const start = table.indexOf(`id: ${JSON.stringify(id)},`);
  expect(start).toBeGreaterThan(-1);
  const next = table.indexOf("id: ", start + 1);
  return table.slice(start, next === -1 ? undefined : next);
}

afterAll(async () => {
  if (app) await rm(app, { recursive: true, force: true });
});

const STRICTEST = {
  target: "ES2022",
  lib: ["ES2022", "DOM", "DOM.Iterable"],
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  skipLibCheck: false,
  noEmit: true,
  types: [],
};

describe("uploads and downloads", () => {
  it("accept Blob, File, Uint8Array, ReadableStream and FormData, reject a number, and download as Blob (type tests)", async () => {
    const result = await tsc(["-p", "tsconfig.json"], { cwd: app });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("tell the runtime how to encode and read each body", () => {
    expect(meta("uploadFile")).toContain('bodyContentType: "multipart/form-data"');
    expect(meta("uploadFile")).toMatch(
      /multipartEncoding: \{\s*file: \{ contentType: "image\/png, application\/octet-stream" \},\s*metadata: \{ contentType: "application\/json" \},?\s*\}/,
    );
    expect(meta("replaceFileContent")).toContain('bodyContentType: "application/octet-stream"');
    expect(meta("downloadFile")).toContain("binaryResponse: true");
    expect(meta("getImage")).toContain("binaryResponse: true");
    expect(meta("uploadFile")).not.toContain("binaryResponse");
  });

  it("mark the idempotency header: a declared Idempotency-Key parameter, or x-idempotency-key", () => {
    expect(meta("uploadFile")).toContain('idempotencyHeader: "Idempotency-Key"');
    expect(meta("replaceFileContent")).toContain('idempotencyHeader: "X-Request-Key"');
    expect(meta("downloadFile")).not.toContain("idempotencyHeader");
  });
});

describe("uploads and downloads over HTTP, through the generated package", () => {
  interface Seen {
    method: string;
    url: string;
    headers: import("node:http").IncomingHttpHeaders;
    body: Buffer;
  }
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);

  async function serve(answer: (seen: Seen, n: number) => { status: number; type?: string; body?: Buffer | string }) {
    const { createServer } = await import("node:http");
    const seen: Seen[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const request = {
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks),
        };
        seen.push(request);
        const { status, type, body } = answer(request, seen.length);
        res.writeHead(status, type === undefined ? {} : { "content-type": type });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as import("node:net").AddressInfo;
    return {
      seen,
      baseUrl: `http://127.0.0.1:${port}/v1`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  async function client(baseUrl: string) {
    const entry = join(app, "node_modules", "@apigen", "files", "dist", "index.js");
    // Typed loosely on purpose: the type tests above cover the types, this covers the wire.
    type Call = (args?: object, options?: object) => Promise<unknown>;
    const mod = (await import(pathToFileURL(entry).href)) as {
      createFilesClient: (options: object) => {
        files: Record<"uploadFile" | "replaceFileContent" | "downloadFile", Call>;
      };
    };
    return mod.createFilesClient({ baseUrl, retry: { baseDelayMs: 1 } });
  }

  it("sends a multipart upload (file part, JSON part with its encoding, repeated array parts) and retries it with one idempotency key", async () => {
    const server = await serve((_req, n) =>
      n === 1
        ? { status: 503, type: "application/json", body: "{}" }
        : { status: 201, type: "application/json", body: JSON.stringify({ id: "f_1", name: "a.png", size: 8 }) },
    );
    try {
      const api = await client(server.baseUrl);
      const file = new File([PNG], "a.png", { type: "image/png" });
      const stored = await api.files.uploadFile({
        body: { file, metadata: { name: "a.png", public: true }, tags: ["x", "y"] },
      });
      expect(stored).toEqual({ id: "f_1", name: "a.png", size: 8 });
      expect(server.seen).toHaveLength(2);
      const [first, second] = server.seen as [Seen, Seen];
      expect(first.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(second.headers["idempotency-key"]).toBe(first.headers["idempotency-key"]);
      expect(second.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
      const body = second.body.toString("latin1");
      expect(body).toContain(
        `name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n${PNG.toString("latin1")}`,
      );
      expect(body).toMatch(
        /name="metadata"; filename="blob"\r\nContent-Type: application\/json\r\n\r\n\{"name":"a.png","public":true\}/,
      );
      expect(body.match(/name="tags"\r\n\r\n[xy]/g)).toEqual(['name="tags"\r\n\r\nx', 'name="tags"\r\n\r\ny']);
    } finally {
      await server.close();
    }
  });

  it("sends raw bytes as octet-stream and downloads a file as a Blob or a stream", async () => {
    const server = await serve((req) =>
      req.method === "PUT" ? { status: 204 } : { status: 200, type: "application/octet-stream", body: PNG },
    );
    try {
      const api = await client(server.baseUrl);
      await api.files.replaceFileContent({ params: { path: { id: "f_1" } }, body: new Uint8Array(PNG) });
      expect(server.seen[0]?.headers["content-type"]).toBe("application/octet-stream");
      expect(server.seen[0]?.headers["x-request-key"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(server.seen[0]?.body).toEqual(PNG);
      const blob = (await api.files.downloadFile({ params: { path: { id: "f_1" } } })) as Blob;
      expect(blob).toBeInstanceOf(Blob);
      expect(Buffer.from(await blob.arrayBuffer())).toEqual(PNG);
      const stream = (await api.files.downloadFile(
        { params: { path: { id: "f_1" } } },
        { stream: true },
      )) as ReadableStream<Uint8Array>;
      expect(Buffer.from(await new Response(stream).arrayBuffer())).toEqual(PNG);
    } finally {
      await server.close();
    }
  });
});

describe("the docs of an operation with an idempotency key", () => {
  it("leave the optional key header out of every example: the client makes a fresh one per call", async () => {
    const docs = join(app, "node_modules", "@apigen", "files", "docs");
    const pages = await readdir(join(docs, "tags"));
    const text = (await Promise.all(pages.map((page) => readFile(join(docs, "tags", page), "utf8")))).join("\n");
    expect(text).toContain("uploadFile");
    // Still documented as a parameter (a table row), never sent in a TypeScript or curl example.
    expect(text).toMatch(/\| `Idempotency-Key` \| header \|/);
    expect(text).not.toMatch(/"Idempotency-Key":|-H ['"]?Idempotency-Key/i);
  });
});
