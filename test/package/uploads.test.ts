import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  const result = await apigen(["generate", "--quiet", "--spec", join(FIXTURE, "openapi.yaml"), "--out", pkg, "--name", "files"]);
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
    expect(meta("uploadFile")).toMatch(/multipartEncoding: \{\s*file: \{ contentType: "image\/png, application\/octet-stream" \},\s*metadata: \{ contentType: "application\/json" \},?\s*\}/);
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
