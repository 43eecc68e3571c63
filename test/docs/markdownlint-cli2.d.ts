// markdownlint-cli2 ships no types; this is the part of its `main` entry the docs tests use.
declare module "markdownlint-cli2" {
  export function main(params: {
    directory?: string;
    argv?: string[];
    logMessage?: (message: string) => void;
    logError?: (message: string) => void;
  }): Promise<number>;
}
