import { describe, expect, it } from "vitest";
import { distances } from "../src/components/GraphView";
import { ringLayout } from "../src/components/graphLayout";

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

describe("graph layout", () => {
  // 1 centre, 12 one step out, 187 two steps out: the size of the demo's 2-step networks.
  const nodes = Array.from({ length: 200 }, (_, i) => ({ id: `n${i}` }));
  const edges = nodes.slice(1).map((n, i) => ({ source: i < 12 ? "n0" : `n${1 + (i % 12)}`, target: n.id }));
  const at = ringLayout(nodes, edges, "n0");

  it("places every node, the centre in the middle", () => {
    expect(at.size).toBe(200);
    expect(at.get("n0")).toEqual({ x: 0, y: 0 });
  });

  it("keeps any two labels (92 by 14 pixels under their nodes) apart", () => {
    const points = [...at.values()];
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const dx = Math.abs(points[i].x - points[j].x);
        const dy = Math.abs(points[i].y - points[j].y);
        expect(dx >= 92 || dy >= 14).toBe(true);
      }
    }
  });

  it("comes out wider than tall, like the box", () => {
    const xs = [...at.values()].map((p) => p.x);
    const ys = [...at.values()].map((p) => p.y);
    const wide = Math.max(...xs) - Math.min(...xs);
    const tall = Math.max(...ys) - Math.min(...ys);
    expect(wide / tall).toBeGreaterThan(2);
    expect(wide).toBeLessThan(2200);
  });
});
