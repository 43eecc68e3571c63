import { copyFile, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, run, tsc } from "../support/run.ts";

/**
 * The packages as a new user gets them: `npm pack` of every generated
 * package, the tarballs installed (one `npm install`, from npm's cache where
 * it can) into a fresh app under the OS temp folder, outside the workspace.
 * The app (test/fixtures/tarball-app/) typechecks under the four module resolutions
 * people use, and runs as ESM and as CommonJS (require of the ES module
 * packages, Node >= 20.19) against a local node:http server.
 */
const GENERATED = join(ROOT, "generated");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");
const APP_SOURCES = join(ROOT, "test", "fixtures", "tarball-app");

interface Packed {
  name: string;
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

let dir: string;
let packed: Packed[];
let install: Awaited<ReturnType<typeof run>>;
let server: Server;
let baseUrl: string;
const seen: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "apigen-tarballs-"));
  const providers = (await readdir(GENERATED, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => join(GENERATED, e.name));
  const pack = await run("npm", ["pack", "--json", "--pack-destination", dir, ...providers], { cwd: dir });
  expect(pack.stderr.replace(/npm (notice|warn).*\n/g, "")).toBe("");
  expect(pack.code).toBe(0);
  packed = JSON.parse(pack.stdout) as Packed[];

  const app = join(dir, "app");
  await run("mkdir", ["-p", app]);
  await writeFile(
    join(app, "package.json"),
    JSON.stringify({ name: "tarball-app", private: true, type: "module" }, null, 2),
  );
  for (const file of await readdir(APP_SOURCES)) await copyFile(join(APP_SOURCES, file), join(app, file));
  // The same program as CommonJS: in a .cts file its imports compile to require().
  await copyFile(join(APP_SOURCES, "app.ts"), join(app, "app.cts"));
  // One install for every package; openapi-fetch comes from npm's cache, or the registry when it is not there.
  install = await run(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      "--no-package-lock",
      ...packed.map((p) => join(dir, p.filename)),
    ],
    { cwd: app },
  );

  server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 300_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** What the four APIs answer the app's calls with: minimal bodies of the declared shapes. */
function answer(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? "/", "http://x");
  seen.push(
    `${request.method} ${url.pathname}${url.search} ${request.headers.authorization ?? request.headers["zt-session"] ?? ""}`,
  );
  const json = (status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json", "x-request-id": "req-1" });
    response.end(JSON.stringify(body));
  };
  if (url.pathname === "/latitude/vpn_sessions")
    return json(200, { data: [{ id: "vpn_1", type: "vpn_sessions", attributes: { port: "8443" } }], meta: {} });
  if (url.pathname === "/ziti/sessions") {
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const data = offset === 0 ? [{ id: "s1" }, { id: "s2" }] : [{ id: "s3" }];
    return json(200, { data, meta: { pagination: { limit: 2, offset, totalCount: 3 } } });
  }
  if (url.pathname === "/ziti-admin/api-sessions/missing")
    return json(404, { error: { code: "NOT_FOUND", message: "no such API session" }, meta: {} });
  if (url.pathname === "/ping/environments/env-1/users/user-1/sessions")
    return json(200, { _embedded: { sessions: [] } });
  json(500, { unexpected: url.pathname });
}

describe("npm pack", () => {
  it("packs every generated package with only what a consumer uses", async () => {
    const providers = (await readdir(GENERATED, { withFileTypes: true })).filter((e) => e.isDirectory());
    expect(packed.map((p) => p.name).sort()).toEqual(providers.map((p) => `@apigen/${p.name}`).sort());
    for (const pkg of packed) {
      const files = pkg.files.map((f) => f.path);
      for (const needed of [
        "package.json",
        "README.md",
        "CHANGELOG.md",
        "openapi.json",
        "dist/index.js",
        "dist/index.d.ts",
        "dist/schema.d.ts",
        "src/schema.d.ts",
        "docs/README.md",
      ]) {
        expect(files, `${pkg.name} lacks ${needed}`).toContain(needed);
      }
      // Sources nothing imports, and the generator's bookkeeping, stay out.
      expect(
        files.filter((f) => /^src\/(?!schema\.d\.ts$)|^tsconfig\.json$|^apigen-manifest\.json$/.test(f)),
        pkg.name,
      ).toEqual([]);
    }
  });
});

describe("installed from the tarballs into a fresh app", () => {
  it("installs", () => {
    expect(install.stderr.replace(/npm warn.*\n/gi, "")).toBe("");
    expect(install.code).toBe(0);
  });

  // One tsc per resolution mode; they run side by side.
  const MODES: Record<string, string[]> = {
    node10: ["-p", "tsconfig.json", "--module", "commonjs", "--moduleResolution", "node10"],
    node16: ["-p", "tsconfig.json", "--module", "node16", "--moduleResolution", "node16"],
    bundler: ["-p", "tsconfig.json", "--module", "esnext", "--moduleResolution", "bundler"],
    // Also builds what the next test runs: app.ts as ESM and app.cts as CommonJS.
    nodenext: ["-p", "tsconfig.nodenext.json"],
  };
  let results: Record<string, Awaited<ReturnType<typeof tsc>>>;
  beforeAll(async () => {
    const app = join(dir, "app");
    const entries = await Promise.all(
      Object.entries(MODES).map(async ([mode, flags]) => {
        // nodenext emits (tsc() would add --noEmit).
        const result =
          mode === "nodenext"
            ? await run(process.execPath, [TSC, ...flags, "--pretty", "false"], { cwd: app })
            : await tsc(flags, { cwd: app });
        return [mode, result] as const;
      }),
    );
    results = Object.fromEntries(entries);
  }, 300_000);

  it.each(Object.keys(MODES))("typechecks a realistic program under moduleResolution %s", (mode) => {
    const result = results[mode]!;
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it.each([
    ["ESM", "out/app.js"],
    ["CommonJS (require)", "out/app.cjs"],
  ])("runs as %s against a local server", async (_kind, file) => {
    seen.length = 0;
    const result = await run(process.execPath, [file, baseUrl], { cwd: join(dir, "app") });
    expect(result.stderr.replace(/^.*ExperimentalWarning.*\n|^\(Use `node --trace-warnings.*\n/gm, "")).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "latitude: vpn_1 on port 8443",
        "ziti sessions: s1, s2, s3",
        "ziti admin: 404 NOT_FOUND no such API session",
        'pingone: {"_embedded":{"sessions":[]}}',
        "",
      ].join("\n"),
    );
    expect(seen).toEqual([
      "GET /latitude/vpn_sessions?filter%5Blocation%5D=SAO Bearer lat-key",
      "GET /ziti/sessions?limit=2&offset=0 zt-1",
      "GET /ziti/sessions?limit=2&offset=2 zt-1",
      "GET /ziti-admin/api-sessions/missing zt-1",
      "GET /ping/environments/env-1/users/user-1/sessions Bearer ping-token",
    ]);
  });
});
