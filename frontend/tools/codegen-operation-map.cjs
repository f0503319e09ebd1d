/**
 * A graphql-codegen plugin: the interface `Operations`, from each operation's name to its
 * generated result and variables types, so the hooks take a name and infer both.
 * typescript-operations names them `<Name>Query` / `<Name>Mutation` and `...Variables`.
 */
const SUFFIX = { query: "Query", mutation: "Mutation", subscription: "Subscription" };

module.exports = {
  plugin(_schema, documents) {
    const lines = [];
    for (const { document } of documents) {
      for (const def of document?.definitions ?? []) {
        if (def.kind !== "OperationDefinition" || !def.name) continue;
        const name = def.name.value;
        const type = `${name}${SUFFIX[def.operation]}`;
        lines.push(`  ${name}: { kind: "${def.operation}"; data: ${type}; variables: ${type}Variables };`);
      }
    }
    lines.sort();
    return ["", "/** Each operation in src/graphql by name: its kind, result and variables. */", "export interface Operations {", ...lines, "}", ""].join("\n");
  },
};
