import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { ROOT } from "./run.ts";

/**
 * Packages typechecked together by one tsc each carry the same runtime: `src/runtime/*.ts` is
 * generator/runtime below a one-line banner, `dist/runtime/*.d.ts` the same declarations in every
 * package. Checked as they are, tsc checks that code once per package (most of a small package's
 * check time). Instead each runtime file becomes a one-line stand-in re-exporting one shared copy,
 * so the copy is checked once, under the same compiler options, and the package's own files see
 * the same declarations through it. A file is replaced only after it is compared with the shared
 * copy: a package whose runtime differs is reported, not hidden.
 */
export interface SharedRuntime {
  /**
   * What a package file at `rel` (relative to the package root) becomes on disk: a stand-in for a
   * runtime file, `content` otherwise; `problem` when a runtime file is not the shared copy.
   */
  standIn(pkgRoot: string, rel: string, content: string): Promise<{ text: string; problem?: string }>;
  /** Replaces a package's runtime files on disk with stand-ins; returns the problems found. */
  replaceIn(pkgRoot: string): Promise<string[]>;
}

const BANNER = /^\/\/ [^\n\r\u2028\u2029]*$/;

/**
 * The shared copy in `dir`: the generator's runtime sources as `src/*.ts`; the first package's
 * `dist/runtime/*.d.ts` as `dist/*.d.ts` (every later package's are compared with them). `dir`
 * gets its own package.json and openapi-fetch, so it resolves as the packages do.
 */
export async function sharedRuntime(dir: string): Promise<SharedRuntime> {
  const sources = new Map<string, string>();
  const declarations = new Map<string, string>();
  await mkdir(join(dir, "src"), { recursive: true });
  await mkdir(join(dir, "dist"), { recursive: true });
  await mkdir(join(dir, "node_modules"), { recursive: true });
  await symlink(join(ROOT, "node_modules", "openapi-fetch"), join(dir, "node_modules", "openapi-fetch"), "dir");
  await writeFile(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  for (const name of (await readdir(join(ROOT, "generator", "runtime"))).filter((n) => n.endsWith(".ts"))) {
    sources.set(name, await readFile(join(ROOT, "generator", "runtime", name), "utf8"));
    await writeFile(join(dir, "src", name), sources.get(name)!);
  }

  const standIn = async (
    pkgRoot: string,
    rel: string,
    content: string,
  ): Promise<{ text: string; problem?: string }> => {
    const source = /^src\/runtime\/([^/]+\.ts)$/.exec(rel)?.[1];
    const declaration = /^dist\/runtime\/([^/]+)\.d\.ts$/.exec(rel)?.[1];
    let shared: string;
    let problem: string | undefined;
    if (source !== undefined) {
      const [banner, ...rest] = content.split("\n");
      if (rest.join("\n") !== sources.get(source) || !BANNER.test(banner!))
        problem = `${rel} is not the runtime below a one-line banner: ${JSON.stringify(banner)}`;
      shared = join(dir, "src", source.replace(/\.ts$/, ".js"));
    } else if (declaration !== undefined) {
      const known = declarations.get(declaration);
      if (known === undefined) {
        declarations.set(declaration, content);
        await writeFile(join(dir, "dist", `${declaration}.d.ts`), content);
      } else if (known !== content) problem = `${rel} differs from another package's`;
      shared = join(dir, "dist", `${declaration}.js`);
    } else return { text: content };
    const from = relative(dirname(join(pkgRoot, rel)), shared);
    return { text: `export * from "${from.startsWith(".") ? from : `./${from}`}";\n`, ...(problem && { problem }) };
  };

  return {
    standIn,
    async replaceIn(pkgRoot) {
      const problems: string[] = [];
      for (const folder of ["src/runtime", "dist/runtime"]) {
        const names = await readdir(join(pkgRoot, folder)).catch(() => [] as string[]);
        for (const name of names.filter((n) => n.endsWith(".ts"))) {
          const rel = `${folder}/${name}`;
          const { text, problem } = await standIn(pkgRoot, rel, await readFile(join(pkgRoot, rel), "utf8"));
          if (problem !== undefined) problems.push(problem);
          await writeFile(join(pkgRoot, rel), text);
        }
      }
      return problems;
    },
  };
}
