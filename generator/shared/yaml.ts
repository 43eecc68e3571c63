/**
 * The yaml library, bundled into the CLI (bin/apigen.mjs, BUNDLED) and imported statically from here.
 * `require("yaml")` loads its forty CommonJS files one by one: resolving, reading and compiling them
 * takes 25 to 34 ms of every run that parses a spec, against 15 to 17 ms for the one bundled chunk.
 * Only the modules that parse YAML import this file, so a run with nothing to do never loads it.
 */
export * from "yaml";
