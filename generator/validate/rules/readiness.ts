import { asIdentifier, camelCase, isIdentifier, slugify } from "../../shared/names.ts";
import { HTTP_METHODS } from "../../shared/http.ts";
import { checkPathTemplates } from "../path-templates.ts";

/**
 * Generation-readiness rules: what breaks or silently degrades a generated
 * client, each message with the fix. They are redocly rules of a local plugin
 * (`apigen/<rule>`), so `redocly lint` and an editor show them, and their
 * severity is set in redocly.yaml like any other rule's; the generator reads
 * the same severities (an `error` stops generation, `warn` and `off` do not).
 */

type Obj = Record<string, unknown>;

/** The slice of redocly's visitor context these rules use. */
interface Location {
  child(path: (string | number)[]): Location;
}
interface Ctx {
  location: Location;
  report(problem: { message: string; location?: Location }): void;
}
type Rule = () => Record<
  string,
  | { leave?: (node: unknown, ctx: Ctx) => void; enter?: (node: unknown, ctx: Ctx) => void }
  | ((node: unknown, ctx: Ctx) => void)
>;

const obj = (value: unknown): Obj =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : {};

function operations(root: Obj): { path: string; method: string; op: Obj }[] {
  const list: { path: string; method: string; op: Obj }[] = [];
  for (const [path, item] of Object.entries(obj(root.paths))) {
    for (const method of HTTP_METHODS)
      if (obj(item)[method] !== undefined) list.push({ path, method, op: obj(obj(item)[method]) });
  }
  return list;
}

/** The client method an operationId becomes (generator/ir/build.ts names them the same way). */
function methodName(id: string): string {
  return isIdentifier(id) ? asIdentifier(id, "operation") : camelCase(id);
}

/** `get /pets/{petId}` -> `getPetsPetId`: what the generator derives when there is no operationId. */
function derivedId(method: string, path: string): string {
  return camelCase(`${method} ${path.replace(/[{}]/g, " ")}`);
}

const operationIdMissing: Rule = () => ({
  Root: {
    leave(root, ctx) {
      for (const { path, method, op } of operations(obj(root))) {
        if (typeof op.operationId === "string" && op.operationId !== "") continue;
        ctx.report({
          message: `${method.toUpperCase()} ${path} has no operationId, so its client method is named from the path (${derivedId(method, path)}) and renamed whenever the path changes; add \`operationId: ${derivedId(method, path)}\` or a better name`,
          location: ctx.location.child(["paths", path, method]),
        });
      }
    },
  },
});

const operationIdCollision: Rule = () => ({
  Root: {
    leave(root, ctx) {
      const seen = new Map<string, { id: string; where: string }>();
      for (const { path, method, op } of operations(obj(root))) {
        if (typeof op.operationId !== "string" || op.operationId === "") continue;
        const tag = (Array.isArray(op.tags) && typeof op.tags[0] === "string" && op.tags[0]) || "";
        const name = methodName(op.operationId);
        const key = `${tag}\0${name}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, { id: op.operationId, where: `${method.toUpperCase()} ${path}` });
          continue;
        }
        // Identical ids are redocly's operation-operationId-unique; these differ only until they are named.
        if (first.id === op.operationId) continue;
        ctx.report({
          message: `operationId "${op.operationId}" becomes the client method ${name}, as "${first.id}" (${first.where}) does, and one of them would be renamed ${name}2 by order; give them names that differ in letters, not only in case or punctuation`,
          location: ctx.location.child(["paths", path, method, "operationId"]),
        });
      }
    },
  },
});

const pathParams: Rule = () => ({
  Root: {
    leave(root, ctx) {
      for (const problem of checkPathTemplates(obj(root))) {
        ctx.report({ message: withFix(problem.message), location: ctx.location.child(problem.path) });
      }
    },
  },
});

/** path-templates.ts says what is wrong; a linter's reader also wants what to do. */
function withFix(message: string): string {
  const unused = /^Path parameter `(.+)` is not used in the path `(.+)`$/.exec(message);
  if (unused) return `${message}: add \`{${unused[1]}}\` to the path or remove the parameter`;
  const undeclared = /^The operation does not define the path parameter `\{([^{}]+)\}`/.exec(message);
  if (undeclared)
    return `${message}: declare it under parameters with \`name: ${undeclared[1]}\`, \`in: path\` and \`required: true\``;
  return message;
}

const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json(?:;|$)/i;

const jsonResponseSchema: Rule = () => ({
  Root: {
    leave(root, ctx) {
      for (const { path, method, op } of operations(obj(root))) {
        for (const [status, response] of Object.entries(obj(op.responses))) {
          if (!/^2(?:\d\d|XX)$/.test(status)) continue;
          for (const [media, content] of Object.entries(obj(obj(response).content))) {
            if (!JSON_MEDIA.test(media) || obj(content).schema !== undefined) continue;
            ctx.report({
              message: `the ${status} ${media} response of ${method.toUpperCase()} ${path} has no schema, so the client returns \`unknown\` for it; add a schema (or a $ref to one) under this media type`,
              location: ctx.location.child(["paths", path, method, "responses", status, "content", media]),
            });
          }
        }
      }
    },
  },
});

const enumUnique: Rule = () => ({
  Schema: {
    enter(schema, ctx) {
      const values = obj(schema).enum;
      if (!Array.isArray(values)) return;
      const seen = new Set<string>();
      values.forEach((value, index) => {
        const key = JSON.stringify(value);
        if (!seen.has(key)) return void seen.add(key);
        ctx.report({
          message: `the enum lists ${key} twice, which generated union types and docs repeat; remove the duplicate`,
          location: ctx.location.child(["enum", index]),
        });
      });
    },
  },
});

const schemaNameCollision: Rule = () => ({
  Root: {
    leave(root, ctx) {
      const seen = new Map<string, string>();
      for (const name of Object.keys(obj(obj(obj(root).components).schemas))) {
        // Docs get one file per model, named by slug; `Pet` and `pet` would share one on macOS and Windows.
        const key = slugify(name).toLowerCase();
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, name);
          continue;
        }
        ctx.report({
          message: `schema "${name}" and schema "${first}" get the same name once normalised ("${key}"), so one of them gets a numbered doc page; rename one of them`,
          location: ctx.location.child(["components", "schemas", name]),
        });
      }
    },
  },
});

/**
 * OpenAPI requires `info` with a `title` and a `version`. Without them the generator still makes a
 * package, but names the API after the package (its folder) and calls its version 0.0.0, in the
 * package's README, description and docs: say so, rather than let a made-up name ship unnoticed.
 */
const infoMissing: Rule = () => ({
  Root: {
    leave(root, ctx) {
      const info = obj(root).info;
      const fix = "add `info:` with `title:` (the API's name) and `version:` (its version, such as 1.0.0)";
      if (info === null || typeof info !== "object" || Array.isArray(info)) {
        ctx.report({
          message: `the spec has no \`info\`, so the package names the API after its folder and says API version 0.0.0; ${fix}`,
          location: ctx.location,
        });
        return;
      }
      const missing = (["title", "version"] as const).filter((key) => {
        const value = (info as Obj)[key];
        return typeof value !== "string" || value.trim() === "";
      });
      if (missing.length === 0) return;
      const consequences = missing.map((key) =>
        key === "title" ? "the package names the API after its folder" : "the package says API version 0.0.0",
      );
      ctx.report({
        message: `\`info\` has no ${missing.map((key) => `\`${key}\``).join(" and ")}, so ${consequences.join(" and ")}; ${fix}`,
        location: ctx.location.child(["info"]),
      });
    },
  },
});

/** Rule names (as `apigen/<name>` in redocly.yaml) and their checks. */
export const READINESS_RULES = {
  "operation-id-missing": operationIdMissing,
  "operation-id-collision": operationIdCollision,
  "path-params-match": pathParams,
  "json-response-schema": jsonResponseSchema,
  "enum-unique": enumUnique,
  "schema-name-collision": schemaNameCollision,
  "info-missing": infoMissing,
};

/**
 * Each rule's severity where redocly.yaml does not set one: errors for what
 * makes a client wrong or unstable, warnings for what real-world specs commonly
 * have and still generate a working client from.
 */
export const DEFAULT_SEVERITY: Record<keyof typeof READINESS_RULES, "error" | "warn"> = {
  "operation-id-missing": "warn",
  "operation-id-collision": "error",
  "path-params-match": "error",
  "json-response-schema": "warn",
  "enum-unique": "warn",
  // The generator resolves these itself (numbered doc pages and type names, in spec order): a warning.
  "schema-name-collision": "warn",
  // The package is still made (named after its folder, version 0.0.0): a warning.
  "info-missing": "warn",
};

export const PLUGIN_ID = "apigen";

/** The redocly plugin: `plugins: [generator/validate/rules/plugin.mjs]` in redocly.yaml loads this. */
export function apigenPlugin() {
  return { id: PLUGIN_ID, rules: { oas3: READINESS_RULES } };
}
