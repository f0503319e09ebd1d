import { describe, expect, it } from "vitest";
import { labelsOf, resolveSkill, sameSkills, withSkill } from "../src/member/skillChips";

const vocabulary = [
  { id: "skill-mri", name: "MRI", synonyms: ["magnetic resonance imaging", "MR safety"] },
  { id: "skill-qa", name: "quality assurance", synonyms: ["QA", "quality control"] },
  { id: "skill-x", name: "mr safety", synonyms: [] },
];

describe("the idea's skill chips", () => {
  it("offers every label once, sorted", () => {
    expect(labelsOf(vocabulary)).toEqual(["magnetic resonance imaging", "MR safety", "MRI", "QA", "quality assurance", "quality control"]);
  });

  it("finds the skill a name or synonym stands for, case and spacing aside", () => {
    expect(resolveSkill("  Magnetic   Resonance imaging ", vocabulary)?.name).toBe("MRI");
    expect(resolveSkill("qa", vocabulary)?.name).toBe("quality assurance");
    expect(resolveSkill("basket weaving", vocabulary)).toBeNull();
    expect(resolveSkill("   ", vocabulary)).toBeNull();
  });

  it("adds a skill once and compares lists in order", () => {
    expect(withSkill(["MRI"], "mri")).toEqual(["MRI"]);
    expect(withSkill(["MRI"], "quality assurance")).toEqual(["MRI", "quality assurance"]);
    expect(sameSkills(["MRI", "QA"], ["mri", "qa"])).toBe(true);
    expect(sameSkills(["MRI", "QA"], ["QA", "MRI"])).toBe(false);
  });
});
