import { describe, expect, it } from "vitest";
import { byMembers, errorsByField, filterSkills, parseSynonyms } from "../src/steric/curation";

const skills = [
  { id: "skill-qa", name: "quality assurance", kind: "topic", synonyms: ["QA", "quality control"] },
  { id: "skill-mri", name: "MRI physics", kind: "specialism", synonyms: ["magnetic resonance imaging", "MR safety"] },
  { id: "skill-ai", name: "artificial intelligence", kind: "topic", synonyms: [] },
];

describe("the skills vocabulary page", () => {
  it("lists every skill by name when the filter is empty or blank", () => {
    expect(filterSkills(skills, "").map((s) => s.id)).toEqual(["skill-ai", "skill-mri", "skill-qa"]);
    expect(filterSkills(skills, "   ").map((s) => s.id)).toEqual(["skill-ai", "skill-mri", "skill-qa"]);
  });

  it("filters by name, synonym or kind, case and spacing aside", () => {
    expect(filterSkills(skills, "mri").map((s) => s.id)).toEqual(["skill-mri"]);
    expect(filterSkills(skills, "Resonance   IMAGING").map((s) => s.id)).toEqual(["skill-mri"]);
    expect(filterSkills(skills, "control").map((s) => s.id)).toEqual(["skill-qa"]);
    expect(filterSkills(skills, "specialism").map((s) => s.id)).toEqual(["skill-mri"]);
    expect(filterSkills(skills, "basket weaving")).toEqual([]);
  });

  it("puts the proposals held by most members first, ties by name", () => {
    const proposals = [
      { id: "mined-b", name: "beam hardening", members: 3 },
      { id: "mined-a", name: "Abdominal imaging", members: 3 },
      { id: "mined-c", name: "radiofrequency heating", members: 7 },
    ];
    expect(byMembers(proposals).map((p) => p.id)).toEqual(["mined-c", "mined-a", "mined-b"]);
    expect(proposals[0].id).toBe("mined-b"); // the list given is left as it was
  });

  it("reads synonyms separated by commas or semicolons, dropping blanks and extra spaces", () => {
    expect(parseSynonyms(" MR safety,  magnetic   resonance ;; MRI ,")).toEqual(["MR safety", "magnetic resonance", "MRI"]);
    expect(parseSynonyms("   ")).toEqual([]);
  });

  it("shows every message the API gives for a field, beside it", () => {
    const errors = [
      { field: "name", message: "'MRI' already names skill skill-mri" },
      { field: "name", message: "gives the id skill-mri, which another skill holds" },
      { field: "synonyms", message: "repeat the name or each other" },
    ];
    expect(errorsByField(errors)).toEqual({
      name: "'MRI' already names skill skill-mri; gives the id skill-mri, which another skill holds",
      synonyms: "repeat the name or each other",
    });
    expect(errorsByField(undefined)).toEqual({});
  });
});
