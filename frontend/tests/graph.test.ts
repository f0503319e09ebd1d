import { describe, expect, it } from "vitest";
import { distances } from "../src/components/GraphView";

describe("graph rings", () => {
  it("counts steps from the centre, edges both ways", () => {
    const nodes = ["a", "b", "c", "d"].map((id) => ({ id, label: id, kind: "Member" }));
    const edges = [
      { source: "b", target: "a", kind: "X" },
      { source: "b", target: "c", kind: "X" },
    ];
    expect(Object.fromEntries(distances(nodes, edges, "a"))).toEqual({ a: 0, b: 1, c: 2 });
  });
});
