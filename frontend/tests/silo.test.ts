import { describe, expect, it } from "vitest";
import { binOf, binText, contrast, heatScale, PALETTE, siloRows, siloTable } from "../src/steric/silo";

describe("the silo table", () => {
  const t = siloTable(["MRI", "Nuclear", "Ultrasound", "X-ray"], [
    { a: "MRI", b: "Nuclear", together: 2 },
    { a: "Nuclear", b: "MRI", together: 1 },
    { a: "X-ray", b: "MRI", together: 1 },
    { a: "Nuclear", b: "X-ray", together: 5 },
  ]);

  it("adds both directions of a pair", () => {
    expect(t.cell("MRI", "Nuclear")).toBe(3);
    expect(t.cell("Nuclear", "MRI")).toBe(3);
    expect(t.max).toBe(5);
  });

  it("lists each pair that never works together once", () => {
    expect(t.silos).toEqual([
      ["MRI", "Ultrasound"],
      ["Nuclear", "Ultrasound"],
      ["Ultrasound", "X-ray"],
    ]);
  });

  it("lists the weakest links that exist, fewest first", () => {
    expect(t.weakest.map((p) => [p.a, p.b, p.together])).toEqual([
      ["MRI", "X-ray", 1],
      ["MRI", "Nuclear", 3],
      ["Nuclear", "X-ray", 5],
    ]);
  });

  it("exports each pair once with its count", () => {
    expect(siloRows(t)).toHaveLength(6);
    expect(siloRows(t)[0]).toEqual(["MRI", "Nuclear", 3]);
  });
});

describe("the heat scale", () => {
  it("covers 1..max in up to five steps with no gap or overlap", () => {
    for (const max of [1, 2, 3, 5, 7, 10, 23, 100]) {
      const scale = heatScale(max);
      expect(scale.length).toBe(Math.min(5, max));
      expect(scale[0].from).toBe(1);
      expect(scale[scale.length - 1].to).toBe(max);
      scale.slice(1).forEach((b, i) => expect(b.from).toBe(scale[i].to + 1));
      for (let n = 1; n <= max; n++) expect(binOf(scale, n)).not.toBeNull();
    }
    expect(heatScale(0)).toEqual([]);
    expect(binOf(heatScale(4), 0)).toBeNull();
  });

  it("grows darker with the count and names its steps", () => {
    const scale = heatScale(10);
    expect(scale.map((b) => b.colour)).toEqual(PALETTE);
    expect(scale.map(binText)).toEqual(["1–2", "3–4", "5–6", "7–8", "9–10"]);
    expect(binOf(scale, 9)?.colour).toBe(PALETTE[4]);
  });

  it("keeps the number in every cell readable (WCAG AA, 4.5:1)", () => {
    for (const bin of heatScale(5)) expect(contrast(bin.colour, bin.ink)).toBeGreaterThanOrEqual(4.5);
  });
});
