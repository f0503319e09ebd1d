import { describe, expect, it } from "vitest";
import { siloTable } from "../src/steric/silo";

describe("the silo table", () => {
  const t = siloTable(["MRI", "Nuclear", "Ultrasound"], [
    { a: "MRI", b: "Nuclear", together: 2 },
    { a: "Nuclear", b: "MRI", together: 1 },
  ]);

  it("adds both directions of a pair", () => {
    expect(t.cell("MRI", "Nuclear")).toBe(3);
    expect(t.cell("Nuclear", "MRI")).toBe(3);
  });

  it("lists each pair that never works together once", () => {
    expect(t.silos).toEqual([
      ["MRI", "Ultrasound"],
      ["Nuclear", "Ultrasound"],
    ]);
  });
});
