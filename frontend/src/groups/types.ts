/** A Task-and-Finish group's lifecycle as staff read it (GroupLifecycle.graphql). */
import type { GroupLifecycleQuery, GroupLifecycleState, InvitationState } from "../api/generated";
import { plural } from "../format";

export type { InvitationState };
export type GroupState = GroupLifecycleState;
export type Lifecycle = NonNullable<GroupLifecycleQuery["taskGroupLifecycle"]>;
export type Seat = Lifecycle["seats"][number];

export const EDITABLE: GroupState[] = ["DRAFT", "INVITATIONS_SENT"];

export const STATE_TEXT: Record<GroupState, string> = {
  DRAFT: "Draft",
  INVITATIONS_SENT: "Invitations sent",
  ACTIVE: "Active",
  CLOSED: "Closed",
};

export const INVITATION_TEXT: Record<InvitationState, string> = {
  PROPOSED: "Proposed",
  INVITED: "Invited",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
};

const ORDER: InvitationState[] = ["ACCEPTED", "INVITED", "PROPOSED", "DECLINED"];

/** The chair first, then by invitation (accepted, invited, proposed, declined), then by name. */
export function seatOrder(seats: Seat[]): Seat[] {
  const name = (s: Seat) => s.member?.name ?? s.memberId;
  return [...seats].sort(
    (a, b) =>
      Number(b.role === "chair") - Number(a.role === "chair") ||
      ORDER.indexOf(a.invitation) - ORDER.indexOf(b.invitation) ||
      name(a).localeCompare(name(b)),
  );
}

/** Whether staff may make this seat's member the chair now. */
export function canChair(group: Lifecycle, seat: Seat): boolean {
  return EDITABLE.includes(group.state) && seat.role !== "chair" && (seat.invitation === "PROPOSED" || seat.invitation === "ACCEPTED");
}

/** Whether staff may take this seat's member off the group now (a decline stays on record). */
export function canRemove(group: Lifecycle, seat: Seat): boolean {
  return EDITABLE.includes(group.state) && seat.invitation !== "DECLINED";
}

/** A sentence on where the group stands, for the page and its printout. */
export function standing(group: Lifecycle): string {
  const count = (state: InvitationState) => group.seats.filter((s) => s.invitation === state).length;
  const declined = count("DECLINED");
  const tail = declined ? `, ${declined} declined` : "";
  switch (group.state) {
    case "DRAFT":
      return `Draft: ${group.seats.length} proposed, nobody asked yet. ${group.minimumAccepted} must accept before it can be activated.`;
    case "INVITATIONS_SENT":
      return `Invitations sent: ${group.acceptedCount} of ${group.minimumAccepted} needed have accepted, ${count("INVITED")} not answered yet${tail}.`;
    case "ACTIVE":
      return `Active with ${plural(group.acceptedCount, "member")}${tail}.`;
    case "CLOSED":
      return `Closed.`;
  }
}
