import { describe, expect, it } from "vitest";
import { diversityOf, reasonsFor } from "../src/team/reasons";
import type { SuggestedMember } from "../src/team/types";

function member(over: Partial<SuggestedMember>): SuggestedMember {
  return {
    memberId: "m1",
    name: "Ada",
    discipline: "MRI physics",
    careerStage: "early",
    region: "Wales",
    organisation: "Cardiff and Vale UHB",
    sector: "nhs",
    relevance: 0.62,
    band: "strong",
    heldIn: "",
    feedbackBoost: 0,
    sigs: ["MRI SIG"],
    cois: [],
    sharedWithProposer: [],
    sameOrganisationAsProposer: false,
    skills: [],
    evidence: [],
    pathToProposer: null,
    ...over,
  };
}

describe("reasons for a suggested member", () => {
  it("puts the skills first, then relevance and evidence", () => {
    const m = member({
      skills: [
        { skill: "MRI safety", score: 0.8, band: "strong", bestInTeam: true, evidence: [] },
        { skill: "QA", score: 0.4, band: "good", bestInTeam: false, evidence: [] },
      ],
      evidence: [{ sourceId: "o1", kind: "paper", title: "Implants at 3T", snippet: "", score: 0.7, year: 2021 }],
    });
    expect(reasonsFor(m).slice(0, 4)).toEqual([
      "Best in the team for MRI safety",
      "Also covers QA",
      "A strong match for the text",
      "Evidence: “Implants at 3T” (2021)",
    ]);
  });

  it("says how the member is connected to the proposer, or that the link is new", () => {
    const path = {
      hops: 2,
      relationships: ["COLLABORATED_WITH", "MEMBER_OF"],
      nodes: [
        { id: "p", kind: "Member", name: "Pat" },
        { id: "x", kind: "Member", name: "Sam" },
        { id: "g", kind: "SIG", name: "MRI SIG" },
      ],
    };
    expect(reasonsFor(member({ pathToProposer: path }))).toContain("Linked to the proposer through Sam (2 steps)");
    const direct = { hops: 1, relationships: ["COLLABORATED_WITH"], nodes: [path.nodes[0], path.nodes[1]] };
    expect(reasonsFor(member({ pathToProposer: direct }))).toContain("Has co-authored with the proposer");
    expect(reasonsFor(member({}))).toContain("A new connection: no existing link to the proposer");
  });
});

describe("the diversity of a team", () => {
  it("counts sectors, SIGs, career stages and regions", () => {
    const team = [member({}), member({ memberId: "m2", sector: "academia", sigs: ["MRI SIG", "AI group"], region: "Wales" })];
    const facets = Object.fromEntries(diversityOf(team).map((f) => [f.name, f.counts]));
    expect(facets.Sectors).toEqual([
      { key: "academia", count: 1 },
      { key: "nhs", count: 1 },
    ]);
    expect(facets.SIGs[0]).toEqual({ key: "MRI SIG", count: 2 });
    expect(facets.Regions).toEqual([{ key: "Wales", count: 2 }]);
  });
});
