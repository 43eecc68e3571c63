// The same calls through openapi-fetch's createClient and through the runtime, to one node:http
// server on 127.0.0.1: method, raw request target, the headers that carry parameters and the body
// bytes must agree. Inputs are the OpenAPI specification's own style examples (color = "blue",
// ["blue", "black", "brown"], { R: 100, G: 200, B: 150 }). Where openapi-fetch does not support a
// style, or lays it out other than the specification says, the row says so and the runtime is held
// to the specification's example instead (`want`).
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cookies,
  createRuntime,
  formData as toFormData,
  type OperationMeta,
  type PathStyle,
  type QueryStyle,
} from "../../generator/runtime/index.js";
import { json, startServer, type Seen, type TestServer } from "./server.js";

const STRING = "blue";
const ARRAY = ["blue", "black", "brown"];
const OBJECT = { R: 100, G: 200, B: 150 };

interface Input {
  params?: {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
    header?: Record<string, unknown>;
    cookie?: Record<string, unknown>;
  };
  body?: unknown;
}

interface Row {
  name: string;
  given: {
    method?: "get" | "post";
    /** The runtime's path template and per-parameter styles. */
    path: string;
    pathStyles?: Record<string, PathStyle>;
    query?: Record<string, QueryStyle>;
    bodyContentType?: string;
    input: Input;
    /**
     * How openapi-fetch is asked for the same request: its path template (`{.color*}` style
     * markers), its query serializer options, headers. Absent when it cannot express the request.
     */
    openapiFetch?: { path: string; querySerializer?: object; headers?: Record<string, string>; body?: unknown };
  };
  /** Set when openapi-fetch is not used: why, and the specification's example the runtime must produce. */
  want?: { because: string; target?: string; headers?: Record<string, string>; body?: string };
}

/** path: style x explode x value kind, as openapi-fetch writes them in its path template. */
const pathRows: Row[] = (
  [
    ["simple", false, "{color}"],
    ["simple", true, "{color*}"],
    ["label", false, "{.color}"],
    ["label", true, "{.color*}"],
    ["matrix", false, "{;color}"],
    ["matrix", true, "{;color*}"],
  ] as const
).flatMap(([style, explode, template]) =>
  (
    [
      ["primitive", STRING],
      ["array", ARRAY],
      ["object", OBJECT],
    ] as const
  ).map(([kind, value]) => ({
    name: `path ${style} explode=${explode} ${kind}`,
    given: {
      path: "/p/{color}/end",
      pathStyles: { color: { style, explode } },
      input: { params: { path: { color: value } } },
      openapiFetch: { path: `/p/${template}/end` },
    },
  })),
);

/** The specification's examples for path styles (OpenAPI 3.1.1, "Style Examples"), checked as well as agreement. */
const PATH_SPEC: Record<string, string> = {
  "path simple explode=false primitive": "blue",
  "path simple explode=false array": "blue,black,brown",
  "path simple explode=false object": "R,100,G,200,B,150",
  "path simple explode=true primitive": "blue",
  "path simple explode=true array": "blue,black,brown",
  "path simple explode=true object": "R=100,G=200,B=150",
  "path label explode=false primitive": ".blue",
  "path label explode=false array": ".blue,black,brown",
  "path label explode=false object": ".R,100,G,200,B,150",
  "path label explode=true primitive": ".blue",
  "path label explode=true array": ".blue.black.brown",
  "path label explode=true object": ".R=100.G=200.B=150",
  "path matrix explode=false primitive": ";color=blue",
  "path matrix explode=false array": ";color=blue,black,brown",
  "path matrix explode=false object": ";color=R,100,G,200,B,150",
  "path matrix explode=true primitive": ";color=blue",
  "path matrix explode=true array": ";color=blue;color=black;color=brown",
  "path matrix explode=true object": ";R=100;G=200;B=150",
};

const q = (
  name: string,
  query: Record<string, QueryStyle> | undefined,
  value: unknown,
  querySerializer: object,
): Row => ({
  name,
  given: {
    path: "/q",
    ...(query ? { query } : {}),
    input: { params: { query: { color: value } } },
    openapiFetch: { path: "/q", querySerializer },
  },
});

const queryRows: Row[] = [
  q("query form explode=true primitive (the default)", undefined, STRING, {}),
  q("query form explode=true array (the default)", undefined, ARRAY, { array: { style: "form", explode: true } }),
  q("query form explode=true object (the default)", undefined, OBJECT, { object: { style: "form", explode: true } }),
  q("query form explode=false array", { color: { style: "form", explode: false } }, ARRAY, {
    array: { style: "form", explode: false },
  }),
  q("query form explode=false object", { color: { style: "form", explode: false } }, OBJECT, {
    object: { style: "form", explode: false },
  }),
  q("query spaceDelimited explode=false array", { color: { style: "spaceDelimited", explode: false } }, ARRAY, {
    array: { style: "spaceDelimited", explode: false },
  }),
  q("query pipeDelimited explode=false array", { color: { style: "pipeDelimited", explode: false } }, ARRAY, {
    array: { style: "pipeDelimited", explode: false },
  }),
  q("query spaceDelimited explode=true array", { color: { style: "spaceDelimited", explode: true } }, ARRAY, {
    array: { style: "spaceDelimited", explode: true },
  }),
  q("query pipeDelimited explode=true array", { color: { style: "pipeDelimited", explode: true } }, ARRAY, {
    array: { style: "pipeDelimited", explode: true },
  }),
  q("query deepObject explode=true object", { color: { style: "deepObject", explode: true } }, OBJECT, {
    object: { style: "deepObject", explode: true },
  }),
  {
    name: "query spaceDelimited explode=false object",
    given: {
      path: "/q",
      query: { color: { style: "spaceDelimited", explode: false } },
      input: { params: { query: { color: OBJECT } } },
    },
    want: {
      because: "openapi-fetch drops the name and joins with commas (`R,100,G,200,B,150`)",
      target: "/q?color=R%20100%20G%20200%20B%20150",
    },
  },
  {
    name: "query pipeDelimited explode=false object",
    given: {
      path: "/q",
      query: { color: { style: "pipeDelimited", explode: false } },
      input: { params: { query: { color: OBJECT } } },
    },
    want: { because: "openapi-fetch drops the name and joins with commas", target: "/q?color=R|100|G|200|B|150" },
  },
];

const QUERY_SPEC: Record<string, string> = {
  "query form explode=true primitive (the default)": "/q?color=blue",
  "query form explode=true array (the default)": "/q?color=blue&color=black&color=brown",
  "query form explode=true object (the default)": "/q?R=100&G=200&B=150",
  "query form explode=false array": "/q?color=blue,black,brown",
  "query form explode=false object": "/q?color=R,100,G,200,B,150",
  "query spaceDelimited explode=false array": "/q?color=blue%20black%20brown",
  "query pipeDelimited explode=false array": "/q?color=blue|black|brown",
  "query deepObject explode=true object": "/q?color[R]=100&color[G]=200&color[B]=150",
};

const headerRows: Row[] = [
  {
    name: "header simple primitive",
    given: { path: "/h", input: { params: { header: { "X-Color": STRING } } }, openapiFetch: { path: "/h" } },
  },
  {
    name: "header simple array",
    given: { path: "/h", input: { params: { header: { "X-Color": ARRAY } } } },
    want: {
      because: "openapi-fetch appends each item (`blue, black, brown`); style simple is `blue,black,brown`",
      headers: { "x-color": "blue,black,brown" },
    },
  },
  {
    name: "cookie form primitive",
    given: { path: "/h", input: { params: { cookie: { color: STRING } } } },
    want: { because: "openapi-fetch ignores cookie parameters", headers: { cookie: "color=blue" } },
  },
];

const bodyRows: Row[] = [
  {
    name: "JSON body",
    given: {
      method: "post",
      path: "/b",
      bodyContentType: "application/json",
      input: { body: { name: "x y", tags: ["a"], n: 1 } },
      openapiFetch: { path: "/b" },
    },
  },
  {
    name: "form-urlencoded body, plain values",
    given: {
      method: "post",
      path: "/b",
      bodyContentType: "application/x-www-form-urlencoded",
      input: { body: { name: "x", n: 1 } },
      openapiFetch: { path: "/b", headers: { "Content-Type": "application/x-www-form-urlencoded" } },
    },
  },
  {
    name: "form-urlencoded body, an array and a space",
    given: {
      method: "post",
      path: "/b",
      bodyContentType: "application/x-www-form-urlencoded",
      input: { body: { color: ARRAY, name: "x y" } },
    },
    want: {
      because:
        "openapi-fetch uses URLSearchParams: the array becomes one `color=blue%2Cblack%2Cbrown` pair, where a form body's default (style form, explode true) repeats the name",
      body: "color=blue&color=black&color=brown&name=x%20y",
    },
  },
  {
    name: "multipart body from an object (openapi-fetch given the same FormData)",
    given: {
      method: "post",
      path: "/b",
      bodyContentType: "multipart/form-data",
      input: { body: { name: "x", color: ["blue", "black"] } },
      openapiFetch: {
        path: "/b",
        body: formData([
          ["name", "x"],
          ["color", "blue"],
          ["color", "black"],
        ]),
      },
    },
  },
];

function formData(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return form;
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_req, res) => json(res, 200, {}));
});
afterAll(() => server.close());

/** What a request looked like on the wire, with the multipart boundary (random per request) named alike. */
function wire(seen: Seen): {
  method: string;
  target: string;
  headers: Record<string, string | undefined>;
  body: string;
} {
  const boundary = /boundary=(.+)$/.exec(seen.headers["content-type"] ?? "")?.[1];
  const strip = (s: string | undefined) =>
    boundary === undefined || s === undefined ? s : s.split(boundary).join("BOUNDARY");
  return {
    method: seen.method,
    target: seen.url,
    headers: {
      "content-type": strip(seen.headers["content-type"]),
      "x-color": seen.headers["x-color"] as string | undefined,
      cookie: seen.headers.cookie,
    },
    body: strip(seen.body) as string,
  };
}

async function throughRuntime(row: Row): Promise<ReturnType<typeof wire>> {
  const g = row.given;
  const meta: OperationMeta = {
    id: "op",
    method: g.method ?? "get",
    path: g.path,
    security: [],
    ...(g.pathStyles ? { pathStyles: g.pathStyles } : {}),
    ...(g.query ? { query: g.query } : {}),
    ...(g.bodyContentType ? { bodyContentType: g.bodyContentType } : {}),
  };
  const runtime = createRuntime(
    { servers: [], securitySchemes: {} },
    { baseUrl: server.url, retry: false },
    { formData: toFormData, cookies },
  );
  const op = runtime.operation(meta) as unknown as (input: Input) => Promise<unknown>;
  await op(g.input);
  return wire(server.requests.at(-1)!);
}

type Call = (path: string, init: Record<string, unknown>) => Promise<{ response: Response }>;

async function throughOpenapiFetch(row: Row): Promise<ReturnType<typeof wire>> {
  const g = row.given;
  const of = g.openapiFetch!;
  const client = createClient({ baseUrl: server.url }) as unknown as Record<"GET" | "POST", Call>;
  const init: Record<string, unknown> = { params: g.input.params ?? {} };
  if (of.querySerializer) init.querySerializer = of.querySerializer;
  if (of.headers) init.headers = of.headers;
  if (of.body !== undefined || g.input.body !== undefined) init.body = of.body ?? g.input.body;
  const { response } = await client[g.method === "post" ? "POST" : "GET"](of.path, init);
  expect(response.status).toBe(200);
  return wire(server.requests.at(-1)!);
}

describe.each([
  ["path", pathRows],
  ["query", queryRows],
  ["header and cookie", headerRows],
  ["body", bodyRows],
])("%s parameters", (_group, rows) => {
  it.each(rows.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    const ours = await throughRuntime(row);
    if (row.given.openapiFetch !== undefined) {
      expect(ours).toEqual(await throughOpenapiFetch(row));
    } else {
      const want = row.want!;
      if (want.target !== undefined) expect(ours.target, want.because).toBe(want.target);
      for (const [name, value] of Object.entries(want.headers ?? {}))
        expect(ours.headers[name], want.because).toBe(value);
      if (want.body !== undefined) expect(ours.body, want.because).toBe(want.body);
    }
    const spec = PATH_SPEC[row.name] ?? QUERY_SPEC[row.name];
    if (spec !== undefined) {
      const target = row.name.startsWith("path") ? `/p/${spec}/end` : spec;
      expect(ours.target).toBe(target);
    }
  });
});
