import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { access, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describe as describeError } from "../../generator/errors.ts";
import { PACKAGE_TSCONFIG } from "../../generator/emit/package.ts";
import { generatePackage, lazyTemplates, type RunContext, type Target } from "../../generator/pipeline.ts";
import type { RefPolicy } from "../../generator/validate/ref-policy.ts";
import { ROOT, apigen, tsc } from "../support/run.ts";
import { sharedRuntime } from "../support/shared-runtime.ts";

/**
 * The hostile-spec corpus (test/fixtures/hostile): one or more specs per class
 * of attack or trap, each with the outcome a user must see. A refused spec
 * fails with one located line (file:line:col, the pointer where there is one,
 * the reason and the fix), leaves nothing on disk and never names a file
 * outside the allowed folders as its location. An accepted spec generates,
 * keeps what it says (names, values), and every accepted package typechecks
 * (one tsc over all of them at the end). Generation runs in-process; the
 * `--allow-ref-root` flag also through the CLI.
 */
const FIXTURES = join(ROOT, "test", "fixtures", "hostile");

/** What a case's package must hold, given its files. */
type Keeps = (files: ReadonlyMap<string, string>) => void;

interface Case {
  name: string;
  /** Spec path under the fixtures, or written at run time into the work folder. */
  file: string | (() => Promise<string>);
  policy?: () => RefPolicy;
  /** Refused: the first line must match `at` (position) and `says`. */
  error?: { at: RegExp; says: RegExp };
  /** Accepted: compiles (checked once for all) and keeps what this checks. */
  keeps?: Keeps;
}

let work: string;
let ctx: RunContext;
/** Accepts connections and never answers. */
let silent: Server;
/** Answers every request with a small YAML schema. */
let answering: Server;
const port = (server: Server) => (server.address() as AddressInfo).port;

async function remoteRefSpec(name: string, url: () => string): Promise<string> {
  const file = join(work, "specs", name, "openapi.yaml");
  await mkdir(dirname(file), { recursive: true });
  const spec = `openapi: 3.1.0
info: { title: Remote, version: "1" }
paths:
  /things:
    get:
      operationId: getThings
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "${url()}" }
`;
  await writeFile(file, spec);
  return file;
}

/** A symlink inside the spec's folder that leads to a file outside it. */
async function symlinkOutSpec(): Promise<string> {
  const dir = join(work, "specs", "symlink", "project");
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(work, "specs", "symlink", "secret.yaml"),
    "type: object\nproperties:\n  token: { type: string, example: s3cr3t-from-outside }\n",
  );
  await symlink(join(work, "specs", "symlink", "secret.yaml"), join(dir, "innocent.yaml"));
  const file = join(dir, "openapi.yaml");
  await writeFile(
    file,
    (await readFile(join(FIXTURES, "ref-inside.yaml"), "utf8")).replace("./inside/thing.yaml", "./innocent.yaml"),
  );
  return file;
}

const file = (files: ReadonlyMap<string, string>, name: string): string => {
  const content = files.get(name);
  expect(content, `${name} is generated`).toBeDefined();
  return content!;
};

const CASES: Case[] = [
  // Reading outside the project
  {
    name: "relative $ref climbing out of the spec's folder",
    file: "ref-climbs-out.yaml",
    error: {
      at: /:13:17: /,
      says: /"\.\.\/\.\.\/\.\.\/package\.json" refused: the \$ref leads outside .* --allow-ref-root/,
    },
  },
  {
    name: "absolute $ref to a system file",
    file: "ref-absolute.yaml",
    error: { at: /:13:17: /, says: /"\/etc\/hostname" refused: the \$ref leads outside/ },
  },
  {
    name: "symlink inside the folder leading outside",
    file: symlinkOutSpec,
    error: { at: /:13:17: /, says: /"\.\/innocent\.yaml" refused: the \$ref leads outside/ },
  },
  {
    name: "remote $ref without --allow-remote-refs",
    file: "ref-remote.yaml",
    error: { at: /:13:17: /, says: /refused: a remote \$ref .* is not followed unless you pass --allow-remote-refs/ },
  },
  {
    name: "remote $ref to a host that accepts and never answers",
    file: () => remoteRefSpec("silent", () => `http://127.0.0.1:${port(silent)}/thing.yaml`),
    policy: () => ({ roots: [work], allowRemote: true, remoteTimeoutMs: 300 }),
    // A flow mapping: the `$ref` key on the schema's own line.
    error: { at: /:12:25: /, says: /did not answer within 300 ms/ },
  },
  {
    name: "$ref into a sibling folder, not allowed by default",
    file: "nested/ref-widened.yaml",
    error: { at: /:13:17: /, says: /"\.\.\/shared\/thing\.yaml" refused/ },
  },
  {
    name: "$ref into a sibling folder, allowed by a wider root",
    file: "nested/ref-widened.yaml",
    policy: () => ({ roots: [join(FIXTURES, "nested"), FIXTURES], allowRemote: false }),
    keeps: (files) => expect(file(files, "openapi.json")).toContain('"id"'),
  },
  {
    name: "$ref inside the spec's folder",
    file: "ref-inside.yaml",
    keeps: (files) => expect(file(files, "src/schema.d.ts")).toMatch(/id\?: string/),
  },
  {
    name: "remote $ref with --allow-remote-refs to a host that answers",
    file: () => remoteRefSpec("answering", () => `http://127.0.0.1:${port(answering)}/thing.yaml`),
    policy: () => ({ roots: [work], allowRemote: true, remoteTimeoutMs: 10_000 }),
    keeps: (files) => expect(file(files, "src/schema.d.ts")).toMatch(/fromRemote\?: string/),
  },
  // $refs holding %
  {
    name: "$ref with a stray %",
    file: "ref-stray-percent.yaml",
    error: {
      at: /:13:17: .*\(at #\/paths\/.*\/schema\/\$ref\)$/,
      says: /has a `%` that does not begin a percent-encoded byte; write a literal % in a name as %25/,
    },
  },
  {
    name: "$ref with %25 to a name holding %",
    file: "ref-percent.yaml",
    keeps: (files) => {
      expect(file(files, "src/schema.d.ts")).toContain('"Win%": {');
      expect(file(files, "src/schema.d.ts")).toContain('"rate%"?: number;');
    },
  },
  // Specs that make broken packages
  {
    name: "security requirement naming an undefined scheme",
    file: "undefined-security-scheme.yaml",
    error: {
      at: /:10:11: .*\(at #\/paths\/~1things\/get\/security\/0\/bearerAuth\)$/,
      says: /names "bearerAuth", which components\.securitySchemes does not define \(it defines "apiKey"\)/,
    },
  },
  {
    name: "server URL variable with no definition",
    file: "undefined-server-variable.yaml",
    error: {
      at: /:4:5: .*\(at #\/servers\/0\/url\)$/,
      says: /uses \{version\}, which the server's variables do not define; add variables/,
    },
  },
  {
    name: "path key without a leading /",
    file: "path-without-slash.yaml",
    error: {
      at: /:9:3: /,
      says: /the path `evil\.example\.com\/steal` does not start with `\/`.*write `\/evil\.example\.com\/steal`/,
    },
  },
  {
    name: "templates equal up to parameter names, same method",
    file: "templates-equal.yaml",
    error: {
      at: /:11:3: /,
      says: /`\/things\/\{id\}` matches the same URLs as `\/things\/\{thingId\}` .* both define GET/,
    },
  },
  {
    name: "templates equal up to parameter names, different methods",
    file: "templates-differ-methods.yaml",
    keeps: (files) => expect(file(files, "src/client.ts")).toMatch(/deleteThing/),
  },
  // Output that does not compile or loses data
  {
    name: "allOf cycle",
    file: "allof-cycle.yaml",
    error: {
      at: /:16:7: .*\(at #\/components\/schemas\/A\/allOf\)$/,
      says: /allOf cycle: #\/components\/schemas\/A -> #\/components\/schemas\/B -> #\/components\/schemas\/A/,
    },
  },
  {
    name: "allOf cycle through a component that is a $ref",
    file: "allof-cycle-via-alias.yaml",
    error: {
      at: /:6:5: .*\(at #\/components\/schemas\/Alias\)$/,
      says: /allOf cycle: #\/components\/schemas\/Alias -> #\/components\/schemas\/Node -> #\/components\/schemas\/Alias/,
    },
  },
  {
    name: "integers beyond 2^53 in enum (YAML)",
    file: "big-integers.yaml",
    error: {
      at: /:17:14: .*\(at #\/components\/schemas\/Id\/enum\/0\)$/,
      says: /beyond 2\^53 .* write it as a string/,
    },
  },
  {
    name: "integer beyond 2^53 in an example (JSON)",
    file: "big-integers.json",
    error: { at: /:7:\d+: .*\(at #\/components\/schemas\/Id\/example\)$/, says: /beyond 2\^53/ },
  },
  {
    name: "a const that reads as Infinity",
    file: "infinity.yaml",
    error: { at: /:8:\d+: .*\(at #\/components\/schemas\/Huge\/const\)$/, says: /reads as Infinity/ },
  },
  {
    name: "int64 maximum and the largest safe integers",
    file: "int64-maximum.yaml",
    keeps: (files) => expect(file(files, "src/schema.d.ts")).toContain("9007199254740991 | -9007199254740991"),
  },
  {
    name: "property names that look like apigen's markers",
    file: "marker-names.yaml",
    keeps: (files) => {
      const types = file(files, "src/schema.d.ts");
      for (const line of [
        '"x-apigen-pct": string;',
        '"x-apigen-hash"?: string;',
        '"x-apigen-literal-$ref"?: string;',
        '"a%b": number;',
      ])
        expect(types).toContain(line);
      const example = (
        JSON.parse(file(files, "openapi.json")) as { components: { schemas: { Thing: { example: unknown } } } }
      ).components.schemas.Thing.example;
      expect(example).toEqual({ "x-apigen-literal-$ref": "kept" });
    },
  },
  {
    name: "explicit operationId equal to a derived one",
    file: "operation-id-collision.yaml",
    keeps: (files) => {
      const client = file(files, "src/client.ts");
      expect(client).toMatch(/ getA: paths\["\/b"\]\["get"\]/);
      expect(client).toMatch(/ getA2: paths\["\/a"\]\["get"\]/);
    },
  },
  {
    name: "operations that declare no responses",
    file: "no-responses.yaml",
    keeps: (files) => {
      expect(file(files, "src/client.ts")).toMatch(/ getA: paths\["\/a"\]\["get"\]/);
      // The README's testing example has no answer to reply with: it shows the mock without one.
      expect(file(files, "README.md")).toContain("const mock = createMock();");
    },
  },
  {
    name: "tag and model names too long for a file name",
    file: "long-names.yaml",
    keeps: (files) => {
      const docs = [...files.keys()].filter((f) => /^docs\/(tags|models)\//.test(f));
      expect(docs.length).toBe(2);
      for (const name of docs) expect(name).toMatch(/\/[a-z-]{100,}-[0-9a-f]{10}\.md$/);
      for (const name of docs) expect(Buffer.byteLength(name.split("/").pop()!)).toBeLessThanOrEqual(255);
    },
  },
];

const specFiles = new Map<Case, string>();
const outcomes = new Map<Case, { error?: unknown; files?: Map<string, string>; outDir: string }>();
/** Packages whose runtime/ is not the shared copy the typecheck reads instead (test/support/shared-runtime.ts). */
const runtimeProblems: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "apigen-hostile-specs-"));
  ctx = { templates: lazyTemplates(), fingerprint: "hostile-specs" };
  silent = createServer(() => undefined);
  answering = createServer((_req, res) => res.end("type: object\nproperties:\n  fromRemote: { type: string }\n"));
  for (const server of [silent, answering]) {
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
  }
  await mkdir(join(work, "pkgs", "node_modules"), { recursive: true });
  await symlink(
    join(ROOT, "node_modules", "openapi-fetch"),
    join(work, "pkgs", "node_modules", "openapi-fetch"),
    "dir",
  );
  await writeFile(join(work, "pkgs", "package.json"), JSON.stringify({ private: true, type: "module" }));
  const runtime = await sharedRuntime(join(work, "shared"));
  for (const [index, c] of CASES.entries()) {
    const spec = typeof c.file === "string" ? join(FIXTURES, c.file) : await c.file();
    specFiles.set(c, spec);
    const outDir = join(work, "pkgs", `case-${index}`);
    const target: Target = { provider: `hostile-${index}`, specFile: spec, outDir, refPolicy: c.policy?.() };
    try {
      await generatePackage(target, ctx);
      const files = new Map<string, string>();
      for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile())
          files.set(
            join(entry.parentPath, entry.name).slice(outDir.length + 1),
            await readFile(join(entry.parentPath, entry.name), "utf8"),
          );
      }
      outcomes.set(c, { files, outDir });
      // After the case's own checks have the files: tsc then reads the runtime once, not once per case.
      for (const problem of await runtime.replaceIn(outDir)) runtimeProblems.push(`case-${index}: ${problem}`);
    } catch (error) {
      outcomes.set(c, { error, outDir });
    }
  }
  await writeFile(
    join(work, "pkgs", "tsconfig.json"),
    JSON.stringify({ compilerOptions: PACKAGE_TSCONFIG.compilerOptions, include: ["case-*/src"] }),
  );
}, 300_000);

afterAll(async () => {
  silent?.closeAllConnections();
  for (const server of [silent, answering]) server?.close();
  await rm(work, { recursive: true, force: true });
});

describe("the hostile corpus", () => {
  it("has a refused and an accepted case for each class, and every fixture is used", async () => {
    expect(CASES.filter((c) => c.error).length).toBeGreaterThanOrEqual(15);
    expect(CASES.filter((c) => c.keeps).length).toBeGreaterThanOrEqual(8);
    const specs = (await readdir(FIXTURES, { recursive: true })).filter(
      (f) => /\.(ya?ml|json)$/.test(f) && !/^(inside|shared)\//.test(f),
    );
    expect(specs.sort()).toEqual(
      [...new Set(CASES.flatMap((c) => (typeof c.file === "string" ? [c.file] : [])))].sort(),
    );
  });
});

describe.each(CASES.filter((c) => c.error))("refused: $name", (c) => {
  it("fails with one located line, the fix, and writes nothing", async () => {
    const { error, outDir } = outcomes.get(c)!;
    expect(error, "the spec was accepted").toBeDefined();
    const first = describeError(error).split("\n")[0]!;
    const spec = specFiles.get(c)!;
    const shown = spec.startsWith(process.cwd() + "/") ? spec.slice(process.cwd().length + 1) : spec;
    expect(first.startsWith(`${shown}:`), first).toBe(true);
    expect(first).toMatch(c.error!.at);
    expect(first).toMatch(c.error!.says);
    expect(first).not.toMatch(/internal error/);
    await expect(access(outDir)).rejects.toThrow();
  });
});

describe.each(CASES.filter((c) => c.keeps))("accepted: $name", (c) => {
  it("generates and keeps what the spec says", () => {
    const { error, files } = outcomes.get(c)!;
    expect(error === undefined ? undefined : describeError(error)).toBeUndefined();
    c.keeps!(files!);
  });
});

describe("every accepted package", () => {
  it("typechecks (one tsc over all of them)", async () => {
    expect(runtimeProblems).toEqual([]);
    const result = await tsc(["-p", join(work, "pkgs", "tsconfig.json")]);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 120_000);
});

describe("--allow-ref-root through the CLI", () => {
  it("refuses a sibling folder by default (exit 1, located) and reads it once the root is widened (exit 0)", async () => {
    const spec = join(FIXTURES, "nested", "ref-widened.yaml");
    const out = join(work, "cli-out");
    const refused = await apigen(["generate", "--spec", spec, "--out", out, "--quiet"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split("\n")[0]).toMatch(/ref-widened\.yaml:13:17: \$ref "\.\.\/shared\/thing\.yaml" refused/);
    await expect(access(out)).rejects.toThrow();
    const allowed = await apigen(["generate", "--spec", spec, "--out", out, "--quiet", "--allow-ref-root", FIXTURES]);
    expect(allowed.stderr).toBe("");
    expect(allowed.code).toBe(0);
    expect(await readFile(join(out, "openapi.json"), "utf8")).toContain('"id"');
  }, 120_000);
});
