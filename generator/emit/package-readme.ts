/**
 * The view of a package's README.md (templates/client/README.md.hbs): what
 * npm shows on the package's page. Its example calls a real operation with
 * values the spec gives (examples, defaults, enums), never `"<name>"`
 * placeholders: optional parameters the spec gives no value for are left out,
 * and required ones the spec gives no value for are read from the command
 * line, so the example runs as it stands.
 */
import type { ApiIR, JsonSchema, OperationIR } from "../ir/types.ts";
import { camelCase, unique } from "../shared/names.ts";
import { literal } from "./code.ts";
import { Examples, importView } from "./docs/examples.ts";
import { Schemas } from "./docs/schema.ts";
import { text } from "./markdown.ts";
import type { Templates } from "./templates.ts";
import { runtimeFacts } from "./runtime-facts.ts";
import { testingExample, validationExample } from "./testing/docs.ts";

export function packageReadmeView(ir: ApiIR, docsUrl: string | undefined, templates: Templates) {
  const schemas = new Schemas(ir);
  const examples = new Examples(ir, schemas, templates);
  return {
    packageName: ir.packageName,
    summary: `Typed fetch client for ${text(ir.title)}.`,
    openapiVersion: ir.openapiVersion,
    title: text(ir.title),
    apiVersion: text(ir.apiVersion),
    factoryName: ir.factoryName,
    runtime: runtimeFacts(),
    example: example(ir, examples, schemas),
    testingExample: testingExample(ir, examples),
    validationExample: validationExample(ir, examples),
    // Absolute when the repository is known: a relative link is broken on the registry's page.
    docsUrl: docsUrl ?? "docs/README.md",
  };
}

/** A value the spec itself gives for a schema (example, default, const, enum), or undefined. */
function specValue(schema: JsonSchema): unknown {
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  return undefined;
}

function example(ir: ApiIR, examples: Examples, schemas: Schemas): string {
  const given = (op: OperationIR) => (p: OperationIR["parameters"][number]) => {
    const schema = schemas.resolve(p.schema);
    // Page sizes and offsets get sensible numbers from the examples builder.
    const paging = op.pagination !== undefined && (p.name === "limit" || p.name === "offset");
    return paging || specValue(schema) !== undefined || ["integer", "number", "boolean"].includes(String(schema.type));
  };
  const missing = (op: OperationIR) => op.parameters.filter((p) => p.required && !p.deprecated && !given(op)(p)).length;
  const candidates = ir.operations.filter((op) => op.requestBody?.required !== true);
  const op = [...(candidates.length > 0 ? candidates : ir.operations)].sort(
    (a, b) => Number(b.method === "get") - Number(a.method === "get") || missing(a) - missing(b),
  )[0];
  const tag = op && ir.tags.find((t) => t.name === op.tag);
  if (op === undefined || tag === undefined)
    return examples.render("setup.ts", (layout) => ({
      import: importView(layout, [ir.factoryName], ir.packageName),
      client: { factory: ir.factoryName, options: [] },
    }));

  // Required values the spec does not give come from the command line: `node app.js <id> ...`.
  const fromArgv: { marker: string; variable: string }[] = [];
  const taken = new Set(["api", "result", "error", "isApiError", "process", ir.factoryName]);
  const parameters = op.parameters
    .filter((p) => p.required || given(op)(p))
    .map((p) => {
      if (given(op)(p)) return p;
      const marker = `__apigen_argument_${fromArgv.length}__`;
      fromArgv.push({ marker, variable: unique(camelCase(p.name), taken) });
      return { ...p, schema: { type: "string", default: marker } };
    });
  let code = examples.operation(
    { ...op, parameters },
    tag,
    fromArgv.map((a) => a.variable),
  );
  for (const { marker, variable } of fromArgv) code = code.split(literal(marker)).join(variable);
  return code;
}
