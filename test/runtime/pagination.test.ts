// limit/offset pagination (pages() and items()) against a real server holding 7 items.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRuntime, offsetPages, type OperationMeta } from "../../generator/runtime/index.js";
import { definition, ops } from "./fixture.js";
import type { components, paths } from "./fixture-schema.js";
import { json, startServer, type TestServer } from "./server.js";

type ListOp = paths["/sessions"]["get"];
type Session = components["schemas"]["Session"];
const ALL: Session[] = Array.from({ length: 7 }, (_, i) => ({ id: `s${i}`, name: `session ${i}` }));

let server: TestServer;
beforeAll(async () => {
  // /sessions: totalCount in meta, default page size 3, caps limit at 4.
  // /nototal: same without a total.
  server = await startServer((req, res) => {
    const limit = Math.min(Number(req.query.get("limit") ?? 3), 4);
    const offset = Number(req.query.get("offset") ?? 0);
    const data = ALL.slice(offset, offset + limit);
    if (req.path === "/nototal") return json(res, 200, { data });
    json(res, 200, { data, meta: { pagination: { totalCount: ALL.length } } });
  });
});
afterAll(() => server.close());

function list(meta: OperationMeta = ops.listSessions) {
  return createRuntime<paths>(definition, { baseUrl: server.url }, { pagers: { offset: offsetPages } }).paginated<
    ListOp,
    Session
  >(meta);
}
async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
function queries(from: number): string[] {
  return server.requests.slice(from).map((r) => r.url);
}

describe("pagination", () => {
  it("items() walks every page with the caller's limit and stops at the total", async () => {
    const from = server.requests.length;
    expect(await collect(list().items({ params: { query: { limit: 3 } } }))).toEqual(ALL);
    expect(queries(from)).toEqual([
      "/sessions?limit=3&offset=0",
      "/sessions?limit=3&offset=3",
      "/sessions?limit=3&offset=6",
    ]);
  });

  it("pages() yields each page body; without a limit none is sent and the server's page size is used", async () => {
    const from = server.requests.length;
    const pages = await collect(list().pages());
    expect(pages.map((p) => p.data.map((s) => s.id))).toEqual([["s0", "s1", "s2"], ["s3", "s4", "s5"], ["s6"]]);
    expect(pages[0]?.meta.pagination.totalCount).toBe(7);
    expect(queries(from)).toEqual(["/sessions?offset=0", "/sessions?offset=3", "/sessions?offset=6"]);
  });

  it("starts at the caller's offset and keeps other parameters", async () => {
    const from = server.requests.length;
    const ids = (
      await collect(list().items({ params: { query: { offset: 2, limit: 3, "filter[location]": "SAO" } } }))
    ).map((s) => s.id);
    expect(ids).toEqual(["s2", "s3", "s4", "s5", "s6"]);
    expect(queries(from)).toEqual([
      "/sessions?offset=2&limit=3&filter%5Blocation%5D=SAO",
      "/sessions?offset=5&limit=3&filter%5Blocation%5D=SAO",
    ]);
  });

  it("advances by items received when the server caps the limit (total known)", async () => {
    expect((await collect(list().items({ params: { query: { limit: 10 } } }))).map((s) => s.id)).toEqual(
      ALL.map((s) => s.id),
    );
  });

  it("without a total, stops on a short page", async () => {
    const from = server.requests.length;
    const meta = { ...ops.listSessions, path: "/nototal" };
    expect((await collect(list(meta).items({ params: { query: { limit: 3 } } }))).length).toBe(7);
    expect(queries(from)).toHaveLength(3);
  });

  it("without a total, stops on an empty page when the last page is full", async () => {
    const from = server.requests.length;
    const meta = { ...ops.listSessions, path: "/nototal" };
    expect((await collect(list(meta).items({ params: { query: { offset: 1 } } }))).length).toBe(6);
    expect(queries(from)).toEqual(["/nototal?offset=1", "/nototal?offset=4", "/nototal?offset=7"]);
  });

  it("is lazy: breaking out stops requesting", async () => {
    const from = server.requests.length;
    for await (const item of list().items({ params: { query: { limit: 3 } } })) if (item.id === "s1") break;
    expect(queries(from)).toHaveLength(1);
  });

  it("the paginated operation is also a plain call", async () => {
    const page = await list()({ params: { query: { limit: 2 } } });
    expect(page.data).toHaveLength(2);
  });
});
