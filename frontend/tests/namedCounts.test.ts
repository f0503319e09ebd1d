import { describe, expect, it } from "vitest";
import { DEFAULT_CONSTRAINTS, teamInput } from "../src/steric/Constraints";

describe("regions, disciplines and sector limits in the team input", () => {
  it("sends each as a list of names and counts, leaving out zero minimums and blank disciplines", () => {
    const input = teamInput(
      {
        ...DEFAULT_CONSTRAINTS,
        requiredRegions: { Scotland: 1, Wales: 0 },
        requiredDisciplines: [
          { discipline: " Clinical engineering ", count: 2 },
          { discipline: "", count: 1 },
        ],
        maxPerSector: { INDUSTRY: 2, NHS: 0 },
      },
      [],
      [],
    );
    expect(input.requiredRegions).toEqual([{ region: "Scotland", count: 1 }]);
    expect(input.requiredDisciplines).toEqual([{ discipline: "Clinical engineering", count: 2 }]);
    expect(input.maxPerSector).toEqual([
      { sector: "INDUSTRY", count: 2 },
      { sector: "NHS", count: 0 },
    ]);
  });

  it("asks for none of them by default", () => {
    const input = teamInput(DEFAULT_CONSTRAINTS, [], []);
    expect([input.requiredRegions, input.requiredDisciplines, input.maxPerSector]).toEqual([[], [], []]);
  });
});
