import { describe, expect, it } from "vitest";
import { legendPoints, lookOf, shownPart } from "../src/components/graphLook";

describe("the look of node kinds", () => {
  it("tells Outputs and Organisations apart by both colour and shape", () => {
    const output = lookOf("Output");
    const organisation = lookOf("Organisation");
    expect(output.shape).not.toBe(organisation.shape);
    expect(output.colour).not.toBe(organisation.colour);
  });

  it("gives every kind of the domain its own colour and shape pair", () => {
    const kinds = ["Member", "Organisation", "SIG", "CoI", "TaskGroup", "Committee", "Idea", "Call", "Partner", "Network", "KTP", "Theme", "Skill", "Output"];
    const pairs = kinds.map((k) => `${lookOf(k).colour}/${lookOf(k).shape}`);
    expect(new Set(pairs).size).toBe(kinds.length);
    expect(lookOf("TASK_GROUP")).toEqual(lookOf("TaskGroup"));
  });

  it("draws polygons inside the legend's box, and leaves circles to SVG", () => {
    expect(legendPoints("ellipse")).toBeNull();
    for (const shape of ["triangle", "star", "hexagon", "rectangle"] as const) {
      const numbers = legendPoints(shape)!.split(/[ ,]/).map(Number);
      expect(numbers.every((n) => n >= 0 && n <= 20)).toBe(true);
    }
  });
});

describe("filtering by kind", () => {
  const nodes = [
    { id: "m1", kind: "Member" },
    { id: "o1", kind: "Output" },
    { id: "g1", kind: "Organisation" },
  ];
  const edges = [
    { source: "m1", target: "o1" },
    { source: "m1", target: "g1" },
  ];

  it("drops hidden kinds and their connections, never the centre", () => {
    const part = shownPart(nodes, edges, new Set(["Output", "Member"]), "m1");
    expect(part.nodes.map((n) => n.id)).toEqual(["m1", "g1"]);
    expect(part.edges).toEqual([{ source: "m1", target: "g1" }]);
  });
});
