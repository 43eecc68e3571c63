/**
 * Section 4: what a browser app pays to ship each generated client. esbuild
 * bundles a one-line entry that imports the package's factory and calls it
 * (so nothing it needs is tree-shaken away), minified ESM for the browser;
 * gzip level 9 via node:zlib. openapi-fetch alone is bundled the same way.
 */
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { ROOT } from "./proc.ts";

export interface BundleSize {
  minBytes: number;
  gzipBytes: number;
}

export interface BundleResult {
  esbuild: string;
  openapiFetch: BundleSize;
  providers: Record<string, BundleSize & { factory: string; overOpenapiFetch: number }>;
  bundleGzipBytes: Record<string, number>;
}

export async function benchBundle(packagesDir: string): Promise<BundleResult> {
  const esbuild = await import("esbuild");
  const bundle = async (contents: string): Promise<BundleSize> => {
    const result = await esbuild.build({
      stdin: { contents, resolveDir: ROOT, loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "error",
    });
    const code = result.outputFiles[0]!.contents;
    return { minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
  };

  const openapiFetch = await bundle(
    `import createClient from "openapi-fetch";\nexport const client = createClient({ baseUrl: "https://api.example.test" });\n`,
  );
  const providers: BundleResult["providers"] = {};
  for (const provider of (await readdir(packagesDir)).sort()) {
    const entry = join(packagesDir, provider, "dist", "index.js");
    if (!existsSync(entry)) continue;
    const factory = await factoryName(entry);
    const size = await bundle(
      `import { ${factory} } from ${JSON.stringify(entry)};\nexport const api = ${factory}({ baseUrl: "https://api.example.test" });\n`,
    );
    providers[provider] = { ...size, factory, overOpenapiFetch: size.gzipBytes / openapiFetch.gzipBytes };
  }
  if (Object.keys(providers).length === 0) throw new Error(`bundle: no generated package in ${packagesDir}`);
  return {
    esbuild: esbuild.version,
    openapiFetch,
    providers,
    bundleGzipBytes: Object.fromEntries(Object.entries(providers).map(([p, s]) => [p, s.gzipBytes])),
  };
}

/** The package's `create<Name>Client` export, found by importing it (however its dist is laid out). */
async function factoryName(entry: string): Promise<string> {
  const exports = Object.keys((await import(pathToFileURL(entry).href)) as object);
  const factories = exports.filter((name) => /^create\w*Client$/.test(name));
  if (factories.length !== 1)
    throw new Error(`bundle: ${entry} exports ${factories.length} create*Client factories (${exports.join(", ")})`);
  return factories[0]!;
}
