/**
 * String formats and multipart bodies, through a package generated from
 * test/fixtures/formats/openapi.yaml into an app's node_modules: the mock
 * refuses a request body whose field breaks its format, the validating client
 * (from the package's "./validate" entry) refuses a response whose
 * `created_at` is not a date-time, over real HTTP, and both check that a
 * multipart body has its required parts.
 */
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, apigen } from "../support/run.ts";
import { json, startServer, type TestServer } from "../runtime/server.ts";

type Call = (input?: object) => Promise<unknown>;
interface EventsApi {
  events: { createEvent: Call; getEvent: Call; attachFile: Call };
}
interface Package {
  validate: { createEventsClient(options: object): EventsApi; ValidationError: new (...args: never[]) => Error };
  testing: {
    createMock(): {
      fetch: (input: Request) => Promise<Response>;
      calls: { operationId: string; body: unknown }[];
      events: { createEvent: { reply(status: number, body: unknown): void } };
    };
  };
  index: { createEventsClient(options: object): EventsApi };
}

let app: string;
let pkg: Package;

beforeAll(async () => {
  app = await mkdtemp(join(tmpdir(), "apigen-formats-"));
  const dir = join(app, "node_modules", "@apigen", "events");
  const spec = join(ROOT, "test", "fixtures", "formats", "openapi.yaml");
  const result = await apigen(["generate", "--quiet", "--spec", spec, "--out", dir, "--name", "events"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  await symlink(join(ROOT, "node_modules", "openapi-fetch"), join(app, "node_modules", "openapi-fetch"), "dir");
  await writeFile(join(app, "package.json"), JSON.stringify({ name: "formats-app", private: true, type: "module" }));
  const load = (entry: string) => import(pathToFileURL(join(dir, "dist", `${entry}.js`)).href);
  pkg = { index: await load("index"), validate: await load("validate"), testing: await load("testing") } as Package;
});

afterAll(async () => {
  if (app) await rm(app, { recursive: true, force: true });
});

/** A valid body for createEvent, with one field replaced. */
const event = (field: string, value: string) => ({ body: { starts_at: "2026-12-02T10:00:00Z", [field]: value } });

const FORMATS: { field: string; format: string; good: string; bad: string }[] = [
  { field: "starts_at", format: "date-time", good: "2026-12-02T10:00:00.5+01:00", bad: "2026-12-02 10:00" },
  { field: "day", format: "date", good: "2026-02-28", bad: "2026-13-01" },
  { field: "local_time", format: "time", good: "23:59:60Z", bad: "24:00:00Z" },
  { field: "organizer_id", format: "uuid", good: "0b7c2d4e-1f3a-4c5b-9d6e-7f8a9b0c1d2e", bad: "0b7c2d4e-1f3a" },
  { field: "contact", format: "email", good: "ops@example.com", bad: "ops.example.com" },
  { field: "host", format: "hostname", good: "api.example.com", bad: "api_example.com" },
  { field: "ipv4", format: "ipv4", good: "192.168.0.255", bad: "192.168.0.256" },
  { field: "ipv6", format: "ipv6", good: "2001:db8::ff00:42:8329", bad: "2001:db8:::1" },
  { field: "link", format: "uri", good: "https://example.com/a?b=c", bad: "/relative/path" },
  { field: "payload", format: "byte", good: "aGVsbG8=", bad: "not base64!" },
];

describe("string formats in the mock (request bodies)", () => {
  it.each(FORMATS)("$format: refuses $bad, naming the field", async ({ field, format, bad }) => {
    const mock = pkg.testing.createMock();
    const api = pkg.index.createEventsClient({ fetch: mock.fetch });
    await expect(api.events.createEvent(event(field, bad))).rejects.toThrow(
      `createEvent: request does not match the spec: /body/${field} must match format "${format}", got ${JSON.stringify(bad)}`,
    );
  });

  it.each(FORMATS)("$format: accepts $good", async ({ field, good }) => {
    const mock = pkg.testing.createMock();
    mock.events.createEvent.reply(201, { id: "e1", created_at: "2026-12-02T10:00:00Z" });
    const api = pkg.index.createEventsClient({ fetch: mock.fetch });
    expect(await api.events.createEvent(event(field, good))).toEqual({ id: "e1", created_at: "2026-12-02T10:00:00Z" });
    expect(mock.calls.map((c) => c.body)).toEqual([event(field, good).body]);
  });
});

describe("string formats in the validating client (real HTTP)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((_req, res) => json(res, 200, { id: "e1", created_at: "not a date" }));
  });
  afterAll(() => server.close());

  it('response: "throw" refuses a created_at that is not a date-time, with its pointer', async () => {
    const api = pkg.validate.createEventsClient({ baseUrl: server.url, validate: { response: "throw" } });
    const error = await api.events.getEvent({ params: { path: { id: "0b7c2d4e-1f3a-4c5b-9d6e-7f8a9b0c1d2e" } } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(pkg.validate.ValidationError);
    expect(error).toMatchObject({
      operationId: "getEvent",
      pointer: "/created_at",
      message:
        'getEvent: response (HTTP 200) does not match the spec: /created_at must match format "date-time", got "not a date"',
    });
  });

  it('request: "throw" refuses a path parameter that is not a uuid before sending it', async () => {
    const api = pkg.validate.createEventsClient({ baseUrl: server.url, validate: { request: "throw" } });
    const before = server.requests.length;
    await expect(api.events.getEvent({ params: { path: { id: "e1" } } })).rejects.toThrow(
      'getEvent: request does not match the spec: /path/id must match format "uuid", got "e1"',
    );
    expect(server.requests.length).toBe(before);
  });
});

describe("multipart bodies: the required parts", () => {
  const file = () => new Blob(["png bytes"], { type: "image/png" });
  const path = { params: { path: { id: "e1" } } };

  it("the mock refuses an upload without a required part, and records the parts of one with all", async () => {
    const mock = pkg.testing.createMock();
    const api = pkg.index.createEventsClient({ fetch: mock.fetch });
    await expect(api.events.attachFile({ ...path, body: { file: file() } })).rejects.toThrow(
      "attachFile: request does not match the spec: /body/caption is required",
    );
    await api.events.attachFile({ ...path, body: { file: file(), caption: "the poster" } });
    const sent = mock.calls.at(-1)!.body as Record<string, unknown>;
    expect(sent.caption).toBe("the poster");
    expect(sent.file).toBeInstanceOf(Blob);
    expect(await (sent.file as Blob).text()).toBe("png bytes");
  });

  describe("the validating client (real HTTP)", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer((_req, res) => json(res, 201, { id: "a1" }));
    });
    afterAll(() => server.close());
    const client = () => pkg.validate.createEventsClient({ baseUrl: server.url, validate: { request: "throw" } });

    it.each([
      ["an object", () => ({ file: file() })],
      [
        "a FormData",
        () => {
          const form = new FormData();
          form.append("file", file(), "poster.png");
          return form;
        },
      ],
    ])("refuses %s without a required part before sending it", async (_what, body) => {
      const before = server.requests.length;
      await expect(client().events.attachFile({ ...path, body: body() })).rejects.toThrow(
        "attachFile: request does not match the spec: /body/caption is required",
      );
      expect(server.requests.length).toBe(before);
    });

    it("sends an upload with every required part", async () => {
      const before = server.requests.length;
      expect(await client().events.attachFile({ ...path, body: { file: file(), caption: "the poster" } })).toEqual({
        id: "a1",
      });
      expect(server.requests.length).toBe(before + 1);
      expect(server.requests.at(-1)!.body).toContain('name="caption"');
    });
  });
});
