import * as esbuild from "esbuild";
import { gzipSync } from "node:zlib";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
const root = process.argv[2];
for (const p of process.env.ONE ? ["latitudesh"] : readdirSync(root + "/generated")) {
  const f = readFileSync(`${root}/generated/${p}/src/client.ts`, "utf8").match(/export function (create\w+Client)/)[1];
  const r = await esbuild.build({ stdin: { contents: `import { ${f} } from ${JSON.stringify(root + "/generated/" + p + "/src/index.ts")};\nexport const api = ${f}({ baseUrl: "https://api.example.test" });\n`, resolveDir: root, loader: "ts" }, bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "error" });
  const code = r.outputFiles[0].contents;
  if (p === "latitudesh") writeFileSync("/tmp/w13/bundle.js", code);
  console.log(p, "min", code.byteLength, "gzip", gzipSync(code, { level: 9 }).byteLength);
}
