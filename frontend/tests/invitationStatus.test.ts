import { describe, expect, it } from "vitest";
import { canWithdraw, invitedPeople, statusById, statusText } from "../src/member/invitationStatus";

const data = {
  ideaInvitations: [
    { memberId: "m1", status: "accepted" },
    { memberId: "m2", status: "not_available" },
    { memberId: "m3", status: "pending" },
  ],
  idea: { id: "i1", invited: [{ id: "m3", name: "Cy" }, { id: "m1", name: "Ada" }, { id: "m2", name: "Bo" }] },
};

describe("an idea's invitations as its submitter reads them", () => {
  it("names each invitee, in the API's order", () => {
    expect(invitedPeople(data)?.map((p) => `${p.name}: ${statusText(p.status)}`)).toEqual(["Ada: Accepted", "Bo: Not available", "Cy: Invited"]);
  });

  it("is null for someone the API does not tell", () => {
    expect(invitedPeople({ ideaInvitations: null, idea: { id: "i1", invited: null } })).toBeNull();
    expect(statusById(null)).toBeNull();
  });

  it("can take back only an unanswered invitation", () => {
    expect(statusById(invitedPeople(data))).toEqual({ m1: "accepted", m2: "not_available", m3: "pending" });
    expect(["pending", "accepted", "not_available", "declined", null].filter(canWithdraw)).toEqual(["pending"]);
  });
});
