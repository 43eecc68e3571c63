import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { TEMPLATES_DIR } from "../paths.ts";
import { sha256 } from "../shared/hash.ts";
import { readStored, writeStored } from "../shared/stored.ts";

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
  /** Each template precompiled (handlebars' JavaScript), by name: what the docs worker is handed. */
  precompiled?: Map<string, string>;
}

type Handlebars = typeof import("handlebars");
const require = createRequire(import.meta.url);
/**
 * handlebars' runtime renders precompiled templates; its compiler is three times as much code to load,
 * and only a template edit (or a first run) needs it. Both by require: the package is CommonJS.
 */
const runtime = (): Handlebars => require("handlebars/runtime") as Handlebars;
const compiler = (): Handlebars => require("handlebars") as Handlebars;

/** One set of options for every template and partial: precompiled or not, the same code renders. */
const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

export async function loadTemplates(dir: string = TEMPLATES_DIR): Promise<Templates> {
  const sources = new Map<string, string>();
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).sort(byPath)) {
    if (!entry.isFile() || !entry.name.endsWith(".hbs")) continue;
    const path = join(entry.parentPath, entry.name);
    sources.set(relative(dir, path).split("\\").join("/"), await readFile(path, "utf8"));
  }
  return compileTemplates(sources, dir, await precompiledTemplates(sources));
}

/**
 * Every template precompiled, kept in `.cache/templates.json` for the next run: compiling them (and
 * each partial again on every page it appears in, as handlebars does with partials registered as
 * text) was about a tenth of a run that regenerates one small spec. Keyed by the sources, the
 * options and handlebars' version, so a template edit or an upgrade compiles afresh.
 */
async function precompiledTemplates(sources: Map<string, string>): Promise<Map<string, string>> {
  const key = sha256(JSON.stringify([runtime().VERSION, COMPILE_OPTIONS, [...sources]]));
  const stored = await readStored("templates", key);
  if (Array.isArray(stored)) {
    const found = new Map(stored as [string, string][]);
    if ([...sources.keys()].every((name) => typeof found.get(name) === "string")) return found;
  }
  const made = new Map([...sources].map(([name, source]) => [name, precompile(source)] as const));
  await writeStored("templates", key, [...made]);
  return made;
}

function precompile(source: string): string {
  return compiler().precompile(source, { ...COMPILE_OPTIONS }) as string;
}

/**
 * Templates from their sources (the docs worker gets the run's sources rather than reading templates/ again),
 * and from their precompiled form where given.
 */
export function compileTemplates(
  sources: Map<string, string>,
  dir = TEMPLATES_DIR,
  precompiled?: Map<string, string>,
): Templates {
  const handlebars = ([...sources.keys()].every((name) => precompiled?.has(name)) ? runtime() : compiler()).create();
  const compile = (name: string, source: string): HandlebarsTemplateDelegate => {
    const spec = precompiled?.get(name);
    if (spec === undefined) return handlebars.compile(source, { ...COMPILE_OPTIONS });
    // handlebars' own precompiled form, made by precompiledTemplates from templates/ (as trusted as generator/).
    return handlebars.template(new Function(`return ${spec};`)() as TemplateSpecification);
  };
  for (const [name, source] of sources) {
    // A partial registered as text is compiled again on every render that uses it; a function once.
    if (name.includes("/_"))
      handlebars.registerPartial(partialName(name), precompiled ? compile(name, source) : source);
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return {
    sources,
    precompiled,
    render(name, view) {
      let template = compiled.get(name);
      if (!template) {
        const source = sources.get(name);
        if (source === undefined) throw new Error(`no template named ${name} in ${dir}`);
        template = compile(name, source);
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
