/**
 * TypeScript types for the app's GraphQL operations (`npm run codegen`), generated from the
 * committed SDL (../schema.graphql, written by `matchmaker schema`) and src/graphql/*.graphql,
 * so the build needs no running server. tests/codegen.test.ts fails when the file is stale.
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

export const SCHEMA = "../schema.graphql";
export const DOCUMENTS = "src/graphql/*.graphql";
export const OUTPUT = "src/api/generated.ts";

export const PLUGIN_CONFIG = {
  onlyOperationTypes: true,
  enumsAsTypes: true,
  useTypeImports: true,
  avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
  scalars: { ID: "string" },
  nonOptionalTypename: false,
  skipTypename: true,
};

const config: CodegenConfig = {
  overwrite: true,
  schema: SCHEMA,
  documents: DOCUMENTS,
  generates: {
    [OUTPUT]: { plugins: ["typescript-operations", "./tools/codegen-operation-map.cjs"], config: PLUGIN_CONFIG },
  },
};

export default config;
