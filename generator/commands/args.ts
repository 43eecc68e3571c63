/** Flags of the `release` and `diff` commands: node's parseArgs, with its errors said the way `generate` says them. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { closest } from "../shared/suggest.ts";
import { UsageError } from "./targets.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * parseArgs in strict mode; an unknown flag becomes "unknown option --x; did you mean --y?" and any
 * other misuse one plain UsageError line (node's own text suggests `--` quoting, which is not the fix here).
 */
export function commandArgs<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown !== undefined) {
      const suggestion = closest(
        unknown,
        Object.keys(options).map((name) => `--${name}`),
      );
      throw new UsageError(`unknown option ${unknown}${suggestion ? `; did you mean ${suggestion}?` : ""}`);
    }
    throw new UsageError(message.split("\n")[0]!.replace(/\. To specify .*$/, ""));
  }
}

/** A usage error as `generate` prints one: a plain line, then where the help is. */
export function usageLine(command: string, error: unknown): string {
  return `apigen ${command}: ${(error as Error).message}\nrun npm run ${command} -- --help for its options\n`;
}
