import { describe, expect, it } from "vitest";
import { toCsv } from "../src/export/csv";
import { GROUP_HEADER, groupRows } from "../src/groups/exportRows";
import { canChair, canRemove, seatOrder, standing, type Lifecycle, type Seat } from "../src/groups/types";

function seat(memberId: string, invitation: Seat["invitation"], role = "member", name = memberId): Seat {
  return {
    memberId,
    invitation,
    role,
    member: {
      id: memberId, name, discipline: "MRI physics", careerStage: "EARLY", region: "Wales",
      organisation: { name: "Cardiff NHS", sector: "NHS" }, skills: [{ skill: { id: "s1", name: "MRI safety" } }, { skill: { id: "s2", name: "QA" } }],
    },
  };
}

function group(state: Lifecycle["state"], seats: Seat[]): Lifecycle {
  return { id: "tg-1", name: "G", remit: "R", created: "2026-01-15", state, minimumAccepted: 2, acceptedCount: seats.filter((s) => s.invitation === "ACCEPTED").length, activationBlocker: null, themes: [], seats };
}

describe("a task group's seats", () => {
  const seats = [seat("d", "DECLINED", "member", "Dee"), seat("p", "PROPOSED", "member", "Pat"), seat("a", "ACCEPTED", "member", "Ann"), seat("c", "INVITED", "chair", "Cy")];

  it("lists the chair first, then accepted, invited, proposed and declined", () => {
    expect(seatOrder(seats).map((s) => s.memberId)).toEqual(["c", "a", "p", "d"]);
  });

  it("offers the chair only to proposed or accepted members of a group being formed", () => {
    const forming = group("INVITATIONS_SENT", seats);
    expect(seats.filter((s) => canChair(forming, s)).map((s) => s.memberId)).toEqual(["p", "a"]);
    expect(seats.some((s) => canChair(group("ACTIVE", seats), s))).toBe(false);
  });

  it("keeps a decline on record and an active group as it is", () => {
    const forming = group("DRAFT", seats);
    expect(seats.filter((s) => canRemove(forming, s)).map((s) => s.memberId)).toEqual(["p", "a", "c"]);
    expect(seats.some((s) => canRemove(group("CLOSED", seats), s))).toBe(false);
  });

  it("says where the group stands", () => {
    expect(standing(group("INVITATIONS_SENT", seats))).toBe("Invitations sent: 1 of 2 needed have accepted, 1 not answered yet, 1 declined.");
    expect(standing(group("DRAFT", seats))).toMatch(/^Draft: 4 proposed, nobody asked yet/);
    expect(standing(group("ACTIVE", [seat("a", "ACCEPTED")]))).toBe("Active with 1 member.");
  });
});

describe("the group's CSV", () => {
  it("has one row a member with role, invitation, organisation and skills", () => {
    const rows = groupRows(group("ACTIVE", [seat("a", "ACCEPTED", "chair", "Ann")]));
    expect(GROUP_HEADER).toEqual(["Name", "Role", "Invitation", "Organisation", "Sector", "Discipline", "Career stage", "Region", "Skills"]);
    expect(rows).toEqual([["Ann", "Chair", "Accepted", "Cardiff NHS", "NHS", "MRI physics", "Early", "Wales", "MRI safety; QA"]]);
  });

  it("guards a name that a spreadsheet would run as a formula", () => {
    const text = toCsv(GROUP_HEADER, groupRows(group("DRAFT", [seat("x", "PROPOSED", "member", "=HYPERLINK(\"http://x\")")])));
    expect(text.split("\r\n")[1].startsWith(`"'=HYPERLINK(""http://x"")"`)).toBe(true);
  });
});
