import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config, { OUTPUT } from "../codegen";
import { FRONTEND_DIR } from "../tools/operations";

// The committed SDL is checked against the server by tests/unit/test_api_schema.py; this checks
// the committed types against that SDL and the documents in src/graphql.
describe("generated operation types", () => {
  it("are what `npm run codegen` writes now", async () => {
    const outputs = await generate({ ...config, cwd: FRONTEND_DIR, silent: true }, false);
    const fresh = outputs.find((o: { filename: string }) => o.filename.endsWith(OUTPUT));
    const committed = readFileSync(join(FRONTEND_DIR, OUTPUT), "utf8");
    expect(fresh, "codegen wrote no types file").toBeDefined();
    expect(committed === fresh!.content, "src/api/generated.ts is stale: run `npm run codegen`").toBe(true);
  }, 60_000);

  it("name every operation in src/graphql", () => {
    const text = readFileSync(join(FRONTEND_DIR, OUTPUT), "utf8");
    expect(text).toMatch(/SiloMap: \{ kind: "query"; data: SiloMapQuery; variables: SiloMapQueryVariables \}/);
    expect(text).toMatch(/SiloCell: \{ kind: "query"; data: SiloCellQuery/);
  });
});
