import { loadTypescript } from "../../shared/libraries.ts";
import { memoKey, type Memo } from "../../shared/memo.ts";

type Obj = Record<string, unknown>;
type OpenapiTs = typeof import("openapi-typescript");
type Context = Parameters<OpenapiTs["transformSchema"]>[1];
type Node = ReturnType<OpenapiTs["transformSchema"]>[number];

/** Printed statements a unit adds after the roots: members of `operations`, or a helper type (once, by name). */
type Footer = { operations: string } | { helper: string; text: string };

interface Unit {
  /** Printed members of `interface paths` (a path item's), or whole root statements (the rest). */
  text: string;
  footer: Footer[];
}

/**
 * openapi-typescript's transform of a document, made unit by unit so that a watcher's memo can keep
 * each unit's printed text: one unit per path item, one for the rest (webhooks, components, $defs).
 * An edit to one operation then transforms and prints that path item only (on GitHub's spec, most of
 * the types' 4 s). The result is the text `astToString(transformSchema(document, ctx))` prints:
 * statements and interface members print the same alone as together, and the statements openapi-
 * typescript adds at the end (`operations`, helper types) are merged in the order a whole run adds
 * them, each helper once. A test holds the two equal.
 *
 * What a unit's output can depend on is in its key: the path item itself, and everything else the
 * transform may read while making it (through `ctx.resolve`: the document outside `paths`; the
 * discriminators, scanned from the whole document, which scanning also writes into their mapped
 * schemas; the markers `restore` later replaces). A document that refers into `paths` is made whole.
 * `document` is the one `ctx` was made from, after the scan.
 */
export function transformByUnits(ot: OpenapiTs, document: Obj, ctx: Context, memo: Memo, markers: unknown): string {
  const { paths, ...rest } = document;
  const context = memoKey(markers, rest, ctx.discriminators);
  const units: Unit[] = [];
  const pathItems = paths !== null && typeof paths === "object" ? Object.entries(paths as Obj) : [];
  for (const [url, item] of pathItems) {
    if (!item || typeof item !== "object") continue;
    units.push(
      memo.use(
        "types-path",
        () => memoKey(context, url, item),
        () => pathUnit(ot, ctx, url, item),
      ),
    );
  }
  const restUnit = memo.use(
    "types-rest",
    () => context,
    () => restOf(ot, ctx, rest),
  );
  return assemble(ot, units, restUnit);
}

/** Whether {@link transformByUnits} may split `documentText` (the document as JSON): nothing in it points into `paths`. */
export function splittable(documentText: string): boolean {
  return !documentText.includes("#/paths");
}

function pathUnit(ot: OpenapiTs, ctx: Context, url: string, item: unknown): Unit {
  const unitCtx = { ...ctx, injectFooter: [] };
  const literal = ot.transformPathsObject({ [url]: item } as never, unitCtx) as unknown as {
    members: readonly Node[];
  };
  return { text: membersText(ot, "paths", literal.members), footer: footerOf(ot, unitCtx.injectFooter as Node[]) };
}

/** Everything but `paths`: openapi-typescript's own transform of the document without it, its root statements. */
function restOf(ot: OpenapiTs, ctx: Context, rest: Obj): Unit {
  const unitCtx = { ...ctx, injectFooter: [] };
  const nodes = ot.transformSchema(rest as never, unitCtx);
  const footer = unitCtx.injectFooter as Node[];
  const roots = nodes.filter((node) => ["webhooks", "components", "$defs"].includes(nameOf(node) ?? ""));
  if (roots.length !== 3)
    throw new Error("generator bug: openapi-typescript's roots are not webhooks, components, $defs");
  return { text: roots.map((node) => ot.astToString(node)).join(""), footer: footerOf(ot, footer) };
}

function footerOf(ot: OpenapiTs, nodes: Node[]): Footer[] {
  return nodes.map((node) =>
    nameOf(node) === "operations"
      ? { operations: membersText(ot, "operations", (node as unknown as { members: readonly Node[] }).members) }
      : { helper: nameOf(node) ?? "", text: ot.astToString(node) },
  );
}

/** The printed members of `export interface <name> { ... }`, without its first and last lines. */
function membersText(ot: OpenapiTs, name: string, members: readonly Node[]): string {
  const text = ot.astToString(interfaceOf(ot, name, members));
  const head = `export interface ${name} {\n`;
  if (!text.startsWith(head) || !text.endsWith("\n}\n"))
    throw new Error(`generator bug: openapi-typescript printed interface ${name} unlike itself`);
  return text.slice(head.length, -"}\n".length);
}

function assemble(ot: OpenapiTs, units: Unit[], rest: Unit): string {
  const paths = units.map((u) => u.text).join("");
  let out = paths === "" ? ot.astToString(emptyRoot(ot, "paths")) : `export interface paths {\n${paths}}\n`;
  out += rest.text;
  // The statements after the roots, in the order a whole run first adds each: `operations` where its
  // first member came, every helper once.
  const order: string[] = [];
  const helpers = new Map<string, string>();
  let operations = "";
  for (const { footer } of [...units, rest])
    for (const entry of footer) {
      if ("operations" in entry) {
        if (!order.includes("operations")) order.push("operations");
        operations += entry.operations;
      } else if (!helpers.has(entry.helper)) {
        order.push(entry.helper);
        helpers.set(entry.helper, entry.text);
      }
    }
  for (const name of order)
    out += name === "operations" ? `export interface operations {\n${operations}}\n` : helpers.get(name)!;
  if (!order.includes("operations")) out += ot.astToString(emptyRoot(ot, "operations"));
  return out;
}

function interfaceOf(ot: OpenapiTs, name: string, members: readonly Node[]): Node {
  const ts = loadTypescript();
  return ts.factory.createInterfaceDeclaration(
    ot.tsModifiers({ export: true }),
    name,
    undefined,
    undefined,
    members as never,
  ) as unknown as Node;
}

/** `export type <name> = Record<string, never>;`, as openapi-typescript writes a root the document lacks. */
function emptyRoot(ot: OpenapiTs, name: string): Node {
  const ts = loadTypescript();
  return ts.factory.createTypeAliasDeclaration(
    ot.tsModifiers({ export: true }),
    name,
    undefined,
    ot.tsRecord(ot.STRING, ot.NEVER),
  ) as unknown as Node;
}

function nameOf(node: Node): string | undefined {
  const name = (node as unknown as { name?: { text?: string; escapedText?: string } }).name;
  return name?.text ?? name?.escapedText;
}
