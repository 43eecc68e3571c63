// The generator's linter: typescript-eslint's recommended rules, without the
// type-aware ones so that `npm run lint` stays a matter of seconds.
// Formatting is prettier's job (.prettierrc.json); nothing here checks layout.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    // Output and inputs, not source: generated/ is the generator's output, fixtures are test data.
    ignores: [
      "generated/",
      "test/fixtures/",
      "examples/",
      "templates/",
      "node_modules/",
      ".cache/",
      "docs-site/",
      "bench/.work/",
      "scratch/",
      "tmp/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,mjs,js}"],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // A leading underscore names a value that is deliberately unused, e.g. a property
      // destructured out so that `...rest` holds the others.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // JSON pointers have one implementation, generator/shared/json-pointer.ts (escape, decode,
    // get, componentRef): copies of its `~0`/`~1` escaping drifted before (a `%` in a `$ref`
    // crashed one decoder, another dropped empty keys), so a new copy fails the lint.
    files: ["generator/**/*.ts", "site/**/*.{ts,js}", "scripts/**/*.{ts,mjs,js}", "bench/**/*.ts", "test/**/*.ts"],
    ignores: ["generator/shared/json-pointer.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^replace(All)?$/][arguments.0.regex.pattern=/^~[01]?$/], CallExpression[callee.property.name=/^replace(All)?$/][arguments.0.value=/^~[01]?$/]",
          message:
            "JSON pointer escaping by hand: use escapeSegment/unescapeSegment/encodePointer/componentRef from generator/shared/json-pointer.ts.",
        },
      ],
    },
  },
  {
    // The runtime's types follow openapi-fetch's: `Paths extends {}` is its constraint, and
    // `& {}` flattens a mapped type in hovers; `object` would reject what openapi-fetch accepts.
    files: ["generator/runtime/**/*.ts"],
    rules: { "@typescript-eslint/no-empty-object-type": "off" },
  },
  {
    // The docs site's browser script: it runs in the page, not in Node.
    files: ["site/client.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Change-classifier tests edit plain spec JSON deep down (spec.paths[p].get.parameters[1]...):
    // typing every path would bury the one edit each case is about.
    files: ["test/changes/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Plain JavaScript on purpose (a user without TypeScript); @ts-nocheck keeps the project's tsc off it.
    files: ["test/testing/runners/*.mjs"],
    rules: { "@typescript-eslint/ban-ts-comment": "off" },
  },
);
