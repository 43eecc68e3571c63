import { fromPointer } from "../../errors.ts";
import type { ApiIR, ModelIR, OperationIR, TagIR } from "../../ir/types.ts";
import { sha256 } from "../../shared/hash.ts";
import { memoKey } from "../../shared/memo.ts";
import type { Templates } from "../templates.ts";

/**
 * Memo keys of the docs pages, for a watcher (docs.ts): each key hashes everything its page may read,
 * so a page whose key did not change is the text it was, and one description edit re-renders the
 * page that shows it (plus the README, which shows every summary, and is always made).
 *
 * What a tag or model page reads, besides its own tag, operations or model:
 * - the API's own fields (title, servers, security schemes, package and factory names): `global`;
 * - where its operations stand in `ir.operations` (anchor keys are `op:<index>`);
 * - the models its schemas reach through `$ref`, transitively (types, field tables and samples follow
 *   them): every `$ref` found anywhere in the JSON, examples included, so the set can only be too big;
 * - a model page, also who refers to it (its "used by" lists: operations by index, name and tag slug).
 * Nothing else of the IR is handed to a page's code; docs-memo.test.ts checks the result against a
 * render without the memo.
 */
export class PageKeys {
  /** The templates and the IR without its tags, operations and models. */
  readonly global: string;
  private readonly models = new Map<string, { hash: string; refs: string[] }>();
  private readonly operations = new Map<OperationIR, { index: number; json: string; refs: string[] }>();

  constructor(ir: ApiIR, templates: Templates) {
    const { tags: _tags, operations: _operations, models: _models, ...own } = ir;
    this.global = memoKey([...templates.sources], own);
    for (const model of ir.models) {
      const json = JSON.stringify(model);
      this.models.set(model.name, { hash: sha256(json), refs: modelRefs(json) });
    }
    ir.operations.forEach((op, index) => {
      const json = JSON.stringify(op);
      this.operations.set(op, { index, json, refs: modelRefs(json) });
    });
  }

  /** A tag page (and its operations' code samples). */
  tagPage(tag: TagIR, operations: OperationIR[]): string {
    const ops = operations.map((op) => this.operations.get(op)!);
    return memoKey(
      this.global,
      JSON.stringify(tag),
      ...ops.map((o) => `${o.index} ${o.json}`),
      this.reached(ops.flatMap((o) => o.refs)),
    );
  }

  /** A model page; `usedBy`: what its "used by" lists are made from. */
  modelPage(model: ModelIR, usedBy: unknown): string {
    return memoKey(this.global, this.models.get(model.name)!.hash, usedBy, this.reached([model.name]));
  }

  /** The models reachable from `names` by `$ref`, each with its hash ("-" for a name no model has). */
  private reached(names: string[]): string {
    const seen = new Set<string>();
    const stack = [...names];
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      stack.push(...(this.models.get(name)?.refs ?? []));
    }
    return [...seen]
      .sort()
      .map((name) => `${name}\0${this.models.get(name)?.hash ?? "-"}`)
      .join("\n");
  }
}

/**
 * The model names of every `#/components/schemas/<name>` `$ref` in a JSON text. A `"$ref":"` with
 * both quotes bare can only be an object key and its string value: inside a string, quotes are escaped.
 */
function modelRefs(json: string): string[] {
  const names = new Set<string>();
  for (const m of json.matchAll(/"\$ref":"((?:[^"\\]|\\.)*)"/g)) {
    const segments = fromPointer(JSON.parse(`"${m[1]}"`) as string);
    if (segments.length >= 3 && segments[0] === "components" && segments[1] === "schemas") names.add(segments[2]!);
  }
  return [...names];
}
