import { describe, expect, it } from "vitest";
import { byMembers, characterCount, DESCRIPTION_MAX, errorsByField, filterSkills, parseSynonyms } from "../src/steric/curation";

const skills = [
  { id: "skill-qa", name: "quality assurance", kind: "topic", synonyms: ["QA", "quality control"], description: "Acceptance testing and routine checks of imaging equipment." },
  { id: "skill-mri", name: "MRI physics", kind: "specialism", synonyms: ["magnetic resonance imaging", "MR safety"], description: "" },
  { id: "skill-ai", name: "artificial intelligence", kind: "topic", synonyms: [], description: "" },
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

  it("counts a description's characters against the API's limit of 400", () => {
    expect(DESCRIPTION_MAX).toBe(400);
    expect(characterCount("")).toEqual({ used: 0, over: 0, text: "0 of 400 characters" });
    expect(characterCount("Beam data commissioning")).toEqual({ used: 23, over: 0, text: "23 of 400 characters" });
    expect(characterCount("x".repeat(400))).toEqual({ used: 400, over: 0, text: "400 of 400 characters" });
    expect(characterCount("x".repeat(401))).toEqual({ used: 401, over: 1, text: "401 of 400 characters: 1 too many" });
    expect(characterCount("x".repeat(412), 400).text).toBe("412 of 400 characters: 12 too many");
  });

  it("counts as the API does: spaces at either end left out, each character once", () => {
    expect(characterCount("  linac QA \n").used).toBe(8);
    expect(characterCount("   ").used).toBe(0);
    // Outside the Basic Multilingual Plane: two UTF-16 units, one character to the API.
    expect("🧲".length).toBe(2);
    expect(characterCount("🧲 magnets").used).toBe(9);
    expect(characterCount(` ${"é".repeat(400)} `).over).toBe(0);
    expect(characterCount("🧲".repeat(401)).text).toBe("401 of 400 characters: 1 too many");
  });

  it("says character, not characters, for a limit of one", () => {
    expect(characterCount("a", 1).text).toBe("1 of 1 character");
    expect(characterCount("ab", 1).text).toBe("2 of 1 character: 1 too many");
  });
});
