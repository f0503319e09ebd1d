import { describe, expect, it } from "vitest";
import { fileName, guard, toCsv } from "../src/export/csv";

describe("CSV export", () => {
  it("puts an apostrophe before cells a spreadsheet would run", () => {
    for (const cell of ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=x"]) {
      expect(guard(cell)).toBe(`'${cell}`);
    }
  });

  it("leaves ordinary text alone, apostrophes included", () => {
    for (const cell of ["O'Brien", "'Twas", "MRI physics", "", "a=b", "3-4"]) expect(guard(cell)).toBe(cell);
  });

  it("quotes commas, quotes and line breaks, and ends lines in CRLF", () => {
    const text = toCsv(["name", "note"], [["Smith, J", 'said "hi"'], ["=cmd", null], ["two\nlines", 3]]);
    expect(text).toBe('name,note\r\n"Smith, J","said ""hi"""\r\n\'=cmd,\r\n"two\nlines",3\r\n');
  });

  it("guards before quoting, so a quoted formula is still text", () => {
    expect(toCsv(["a"], [["=1,2"]])).toBe("a\r\n\"'=1,2\"\r\n");
  });

  it("names files after their title", () => {
    expect(fileName("People for “MRI safety”")).toBe("people-for-mri-safety.csv");
    expect(fileName("")).toBe("export.csv");
  });
});

describe("export tables", async () => {
  const { searchRows, teamRows, gapRows } = await import("../src/export/tables");
  it("writes one row a person, with a formula-looking name neutralised in the file", () => {
    const hit = { name: "=cmd|' /C calc'!A0", discipline: "MRI physics", careerStage: "EARLY", region: "Wales", organisation: "Cardiff University", sector: "ACADEMIA", sigs: ["MRI SIG"], cois: ["AI CoI"], score: 0.456, evidence: [{ title: "MRI safety" }] };
    const rows = searchRows([hit]);
    expect(rows[0]).toEqual(["=cmd|' /C calc'!A0", "MRI physics", "Early", "Wales", "Cardiff University", "Academia", "MRI SIG; AI CoI", 46, "MRI safety"]);
    expect(toCsv(["n"], [[rows[0][0]]])).toBe("n\r\n'=cmd|' /C calc'!A0\r\n");
  });

  it("lists who covers which skill, then the gaps", () => {
    const member = { memberId: "m1", name: "Ann", discipline: "MRI physics", careerStage: "MID", region: "London", organisation: "Trust", sector: "NHS", relevance: 0.8, sigs: [], cois: ["CoI"] };
    const team = {
      members: [member],
      coverage: [{ skill: "MRI safety", score: 0.7, covered: true, memberId: "m1" }, { skill: "ML", score: 0.2, covered: false, memberId: "m1" }],
      gaps: [{ skill: "ML", detail: "nobody close" }],
    } as unknown as Parameters<typeof teamRows>[0];
    expect(teamRows(team)).toEqual([["Ann", "MRI physics", "Mid", "London", "Trust", "NHS", "MRI safety", 80, "CoI"]]);
    expect(gapRows(team)[0][0]).toBe("Gap: ML");
  });
});
