import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "../../paths.ts";
import { parse as parseYaml } from "../../shared/yaml.ts";
import { DEFAULT_SEVERITY, PLUGIN_ID, apigenPlugin } from "./readiness.ts";

type Severity = "error" | "warn" | "off";

/**
 * The readiness rules for the generator's redocly config: the plugin, and each
 * rule at the severity redocly.yaml gives it (`apigen/<rule>: warn`, or
 * `{ severity: warn }`); DEFAULT_SEVERITY where redocly.yaml is silent or missing.
 * (Path templates are checked by validate/path-templates.ts whatever the
 * severity of apigen/path-params-match: a request to a wrong URL is never right.)
 */
export async function readinessConfig(configFile = join(ROOT, "redocly.yaml")): Promise<ReadinessConfig> {
  const text = await readFile(configFile, "utf8").catch(() => "");
  // Read at every regeneration (an edit applies to a watcher's next save), parsed again only when it changed.
  if (last?.file !== configFile || last.text !== text) last = { file: configFile, text, rules: rulesIn(text) };
  // Fresh objects each time: redocly is handed them, and what it does with them stays with that run.
  return { plugins: [apigenPlugin()], rules: { ...last.rules } };
}

let last: { file: string; text: string; rules: Record<string, Severity> } | undefined;

type ReadinessConfig = { plugins: ReturnType<typeof apigenPlugin>[]; rules: Record<string, Severity> };

function rulesIn(text: string): Record<string, Severity> {
  const configured = ((parseYaml(text) as { rules?: Record<string, unknown> } | null)?.rules ?? {}) as Record<
    string,
    unknown
  >;
  const rules: Record<string, Severity> = {};
  for (const [name, fallback] of Object.entries(DEFAULT_SEVERITY)) {
    const id = `${PLUGIN_ID}/${name}`;
    const value = configured[id];
    const severity = typeof value === "string" ? value : (value as { severity?: unknown } | undefined)?.severity;
    rules[id] = severity === "error" || severity === "warn" || severity === "off" ? severity : fallback;
  }
  return rules;
}
