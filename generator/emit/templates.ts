import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import Handlebars from "handlebars";
import { TEMPLATES_DIR } from "../paths.ts";

/**
 * The handlebars templates under templates/, compiled once per run.
 * Templates hold text and loops only: every value they print was computed and
 * escaped in TypeScript (emit/*.ts), so they are compiled with `noEscape`
 * (HTML escaping would corrupt code and markdown alike) and `strict`
 * (a misspelt field is an error, not an empty string). Code whose layout depends
 * on the line it lands on is printed as a marker that emit/layout.ts replaces after
 * rendering, so the line's text stays here, in the template, and nowhere else.
 */
export interface Templates {
  render(name: string, view: object): string;
  /** Template file contents by name, for the manifest's input hash. */
  sources: Map<string, string>;
}

export async function loadTemplates(dir: string = TEMPLATES_DIR): Promise<Templates> {
  const sources = new Map<string, string>();
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).sort(byPath)) {
    if (!entry.isFile() || !entry.name.endsWith(".hbs")) continue;
    const path = join(entry.parentPath, entry.name);
    sources.set(relative(dir, path).split("\\").join("/"), await readFile(path, "utf8"));
  }
  return compileTemplates(sources, dir);
}

/** Templates from their sources (the docs worker gets the run's sources rather than reading templates/ again). */
export function compileTemplates(sources: Map<string, string>, dir = TEMPLATES_DIR): Templates {
  const handlebars = Handlebars.create();
  for (const [name, source] of sources) {
    if (name.includes("/_")) handlebars.registerPartial(partialName(name), source);
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return {
    sources,
    render(name, view) {
      let template = compiled.get(name);
      if (!template) {
        const source = sources.get(name);
        if (source === undefined) throw new Error(`no template named ${name} in ${dir}`);
        template = handlebars.compile(source, { noEscape: true, strict: true });
        compiled.set(name, template);
      }
      return template(view);
    },
  };
}

/** `docs/_operation.md.hbs` -> `operation`. */
function partialName(name: string): string {
  return name.slice(name.lastIndexOf("/_") + 2).replace(/\..*$/, "");
}

function byPath(a: { parentPath: string; name: string }, b: { parentPath: string; name: string }): number {
  const x = join(a.parentPath, a.name);
  const y = join(b.parentPath, b.name);
  return x < y ? -1 : x > y ? 1 : 0;
}
